/**
 * Trusted documents (persisted operations): the explorer's operations, known when it is built,
 * are answered by the SHA-256 hash of their document (Apollo's `persistedQuery` extension), so
 * it sends short GET URLs that HTTP caches can keep. The hashes come from the manifest that the
 * explorer's build writes (explorer/dist/persisted-documents.json), never from a hand-kept list.
 * Other documents stay allowed (GraphiQL, analysts' own queries) unless `only` is set
 * (TRUSTED_DOCUMENTS_ONLY=true), which refuses every document not in the manifest.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { z } from 'zod';
import type { Logger } from '../logger.js';

/** explorer/dist/persisted-documents.json, from src/http/ under tsx and dist/http/ compiled. */
export const PERSISTED_DOCUMENTS = fileURLToPath(
  new URL('../../explorer/dist/persisted-documents.json', import.meta.url),
);

const manifestSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().min(1));

export function useTrustedDocuments(options: {
  only: boolean;
  logger: Logger;
  manifest?: string;
}): Plugin {
  const { only, logger, manifest = PERSISTED_DOCUMENTS } = options;
  const documents = manifestReader(manifest, logger);
  return usePersistedOperations({
    allowArbitraryOperations: !only,
    getPersistedOperation: (hash) => documents(hash),
    // The manifest's documents were validated against this schema when the explorer was built,
    // but a server may run a newer schema than the bundle: they are validated as any other.
    skipDocumentValidation: false,
    customErrors: {
      notFound: {
        message: 'PersistedQueryNotFound: no trusted document has this hash',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
      },
      keyNotFound: {
        message: 'The request has neither a query nor the hash of a trusted document',
        extensions: { code: 'PERSISTED_QUERY_ID_REQUIRED' },
      },
      persistedQueryOnly: {
        message:
          'This server answers only trusted documents: send the hash of one ' +
          '(extensions.persistedQuery.sha256Hash), not a query',
        extensions: { code: 'PERSISTED_QUERY_ONLY' },
      },
    },
  });
}

/**
 * The document of a hash, from the manifest read on first use and read again when a hash is
 * missing and the file has changed since (the explorer was rebuilt while the server ran).
 */
function manifestReader(file: string, logger: Logger) {
  let loaded: Promise<{ documents: Map<string, string>; modified: number }> | undefined;
  const load = async () => {
    const modified = (await stat(file).catch(() => undefined))?.mtimeMs ?? -1;
    if (modified < 0) {
      logger.warn(`No trusted documents: ${file} is missing (run \`npm run explorer:build\`)`);
      return { documents: new Map<string, string>(), modified };
    }
    const parsed = manifestSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is not a manifest of trusted documents`);
    return { documents: new Map(Object.entries(parsed.data)), modified };
  };
  return async (hash: string): Promise<string | null> => {
    loaded ??= load();
    const { documents, modified } = await loaded;
    const document = documents.get(hash);
    if (document !== undefined) return document;
    const now = (await stat(file).catch(() => undefined))?.mtimeMs ?? -1;
    if (now === modified) return null;
    loaded = load();
    return (await loaded).documents.get(hash) ?? null;
  };
}
