/**
 * Builds the explorer: GraphQL Code Generator's typed documents from schema/schema.graphql,
 * then Vite's bundle in explorer/dist, with the manifest of its trusted documents beside it
 * (explorer/dist/persisted-documents.json, which the server reads). `npm start` (prestart), the
 * tests' global setup and the bench build it only when it is missing or older than what it is
 * made from.
 */
import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { build } from 'vite';
import { codegenConfig } from './codegen.js';

const EXPLORER = fileURLToPath(new URL('.', import.meta.url));
export const BUNDLE_PAGE = join(EXPLORER, 'dist', 'index.html');
/** Hash → document of every operation the explorer sends, made by codegen.ts. */
export const PERSISTED_DOCUMENTS = join(EXPLORER, 'dist', 'persisted-documents.json');
/** What the bundle is made from; src/gql is left out, being made from the schema. */
const INPUTS = [
  join(EXPLORER, 'src'),
  join(EXPLORER, 'index.html'),
  join(EXPLORER, 'vite.config.ts'),
  join(EXPLORER, 'codegen.ts'),
  join(EXPLORER, '../schema/schema.graphql'),
  join(EXPLORER, '../package-lock.json'),
];

export async function buildBundle(): Promise<void> {
  await generate(codegenConfig, true);
  await build({ configFile: join(EXPLORER, 'vite.config.ts'), logLevel: 'warn' });
  await copyFile(join(EXPLORER, 'src', 'gql', 'persisted-documents.json'), PERSISTED_DOCUMENTS);
}

/** True when explorer/dist/index.html and the manifest exist, the page newer than every input. */
export async function bundleIsCurrent(): Promise<boolean> {
  const built = await stat(BUNDLE_PAGE).catch(() => undefined);
  if (!built || !(await stat(PERSISTED_DOCUMENTS).catch(() => undefined))) return false;
  const newest = Math.max(...(await Promise.all(INPUTS.map(newestChange))));
  return built.mtimeMs >= newest;
}

/** The built bundle's trusted documents by operation name: the hash and the document. */
export async function persistedDocuments(): Promise<
  Map<string, { hash: string; document: string }>
> {
  const manifest = JSON.parse(await readFile(PERSISTED_DOCUMENTS, 'utf8')) as Record<
    string,
    string
  >;
  return new Map(
    Object.entries(manifest).map(([hash, document]) => {
      const name = /\b(?:query|mutation) (\w+)/.exec(document)?.[1];
      if (!name) throw new Error(`${PERSISTED_DOCUMENTS}: a document without an operation name`);
      return [name, { hash, document }];
    }),
  );
}

export async function ensureBundle(): Promise<'built' | 'current'> {
  if (await bundleIsCurrent()) return 'current';
  await buildBundle();
  return 'built';
}

async function newestChange(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const children = entries
    .filter((entry) => !(entry.isDirectory() && entry.name === 'gql'))
    .map((entry) => newestChange(join(path, entry.name)));
  return Math.max(info.mtimeMs, ...(await Promise.all(children)));
}
