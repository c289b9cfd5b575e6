/**
 * `npm run ingest:accept -- <draft.yaml> [--seeds dir]`: after review, moves a draft into the
 * seed folder. The `draft` notes are removed, the result is checked with the other seed files
 * exactly as `npm run seed:check` would, and only a valid file (and its document) is moved;
 * otherwise the problems are printed and nothing changes.
 */
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDocument } from 'yaml';
import { DRAFT_KEY } from '../ingest/draft.js';
import { SEED_DIR } from '../seeds/load.js';
import { SeedError } from '../seeds/seed-error.js';
import { listSeedFiles, readSeedFiles } from '../seeds/validate.js';

class UsageError extends Error {}

const USAGE = 'usage: npm run ingest:accept -- <draft.yaml> [--seeds dir]';

try {
  const { values, positionals } = parseArgs({
    options: { seeds: { type: 'string' } },
    allowPositionals: true,
  });
  const [draftPath] = positionals;
  if (!draftPath || positionals.length > 1) throw new UsageError('name one draft file');
  const seeds = resolve(values.seeds ?? SEED_DIR);
  const draft = parseDocument(
    await readFile(draftPath, 'utf8').catch((error: Error) => {
      throw new UsageError(`cannot read ${draftPath}: ${error.message}`);
    }),
  );
  if (!draft.has(DRAFT_KEY))
    throw new UsageError(`${draftPath} has no "${DRAFT_KEY}" section: it is not a draft`);
  draft.delete(DRAFT_KEY);
  const name = basename(draftPath);
  const documentFile = String(draft.getIn(['document', 'file']) ?? '');
  const target = join(seeds, name);
  if (await exists(target))
    throw new UsageError(`${target} exists already: a seed file is not overwritten`);

  // Checked in a scratch folder with the seed folder's other files, then moved.
  const scratch = await mkdtemp(join(tmpdir(), 'ingest-accept-'));
  try {
    for (const file of await listSeedFiles(seeds)) {
      await copyFile(file, join(scratch, basename(file)));
      const parsed = parseDocument(await readFile(file, 'utf8'));
      const document = String(parsed.getIn(['document', 'file']) ?? '');
      if (document)
        await copyFile(join(seeds, document), join(scratch, document)).catch(() => undefined);
    }
    await writeFile(join(scratch, name), draft.toString({ lineWidth: 100 }));
    await copyFile(join(dirname(draftPath), documentFile), join(scratch, documentFile));
    await readSeedFiles(await listSeedFiles(scratch));
    await copyFile(join(scratch, documentFile), join(seeds, documentFile));
    await copyFile(join(scratch, name), target);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await rm(draftPath);
  console.log(`Accepted: ${target} (with ${documentFile}); load it with npm run seed`);
} catch (error) {
  process.exitCode = error instanceof UsageError ? 2 : 1;
  if (error instanceof SeedError)
    console.error(
      `The draft is not a valid seed file yet; fix these and accept again:\n${error.message}`,
    );
  else
    console.error(
      error instanceof UsageError
        ? `ingest:accept: ${error.message}\n${USAGE}`
        : `ingest:accept: ${(error as Error).message}`,
    );
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
