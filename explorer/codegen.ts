/**
 * GraphQL Code Generator: typed documents for the explorer's operations (the `graphql()` calls
 * in src/), generated from the server's printed schema into src/gql/ (git-ignored: made before
 * every type check and build, so it can never lag behind schema/schema.graphql). Each document
 * also gets its SHA-256 hash, and src/gql/persisted-documents.json maps the hashes to the
 * documents: the trusted documents the server answers by hash (bundle.ts ships the manifest).
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const codegenConfig: CodegenConfig = {
  schema: here('../schema/schema.graphql'),
  documents: [here('src/**/*.ts'), `!${here('src/gql/**')}`],
  silent: true,
  generates: {
    [here('src/gql/')]: {
      preset: 'client',
      presetConfig: {
        fragmentMasking: false,
        // The SHA-256 of the document as stored, in hex: the Apollo persisted-query convention.
        persistedDocuments: {
          hashAlgorithm: (document: string) => createHash('sha256').update(document).digest('hex'),
        },
      },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { LocalDate: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default codegenConfig;
