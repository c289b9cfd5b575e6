/**
 * Trusted documents (src/http/use-trusted-documents.ts): the explorer's operations answered by
 * the hash its build recorded in explorer/dist/persisted-documents.json, as GET requests; an
 * unknown hash refused with its code; any other document still answered, unless
 * TRUSTED_DOCUMENTS_ONLY is set.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { persistedDocuments } from '../explorer/bundle.js';
import { useInProcessApp, type InProcessApp } from './support/in-process.js';

const open = useInProcessApp();
const only = useInProcessApp({ TRUSTED_DOCUMENTS_ONLY: 'true' });
let documents: Awaited<ReturnType<typeof persistedDocuments>>;

beforeAll(async () => {
  documents = await persistedDocuments();
});

/** The hash and document of the explorer's operation called `name`. */
function trusted(name: string): { hash: string; document: string } {
  const found = documents.get(name);
  if (!found) throw new Error(`no trusted document for the operation ${name}`);
  return found;
}

/** A GET of the operation by hash, as urql's persisted exchange sends it. */
async function getByHash(app: InProcessApp, hash: string, variables: Record<string, unknown>) {
  const search = new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
  });
  const response = await app.fetch(`/graphql?${search}`, {
    headers: { accept: 'application/graphql-response+json' },
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function postDocument(app: InProcessApp, query: string, variables: Record<string, unknown>) {
  const response = await app.fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

describe('trusted documents', () => {
  it('holds every operation of the explorer, each under the SHA-256 of its document', () => {
    expect([...documents.keys()]).toEqual(
      expect.arrayContaining(['LatestEvents', 'Suggestions', 'EntityPage', 'Neighbourhood']),
    );
    for (const { hash, document } of documents.values()) {
      expect(createHash('sha256').update(document).digest('hex')).toBe(hash);
    }
  });

  it('answers a GET by hash exactly as the document itself', async () => {
    const { hash, document } = trusted('EntityPage');
    const variables = { slug: 'no-such-entity' };
    const byHash = await getByHash(open(), hash, variables);
    expect(byHash.status).toBe(200);
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toEqual({ entity: null });
    expect(byHash.body.data).toEqual((await postDocument(open(), document, variables)).body.data);
  });

  it('refuses an unknown hash with PERSISTED_QUERY_NOT_FOUND', async () => {
    const unknown = createHash('sha256').update('query { nothing }').digest('hex');
    const { body } = await getByHash(open(), unknown, {});
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('PersistedQueryNotFound'),
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_NOT_FOUND' }),
      }),
    ]);
  });

  it('still answers any other document', async () => {
    const { status, body } = await postDocument(open(), '{ graphStats { nodeCount } }', {});
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ graphStats: { nodeCount: expect.any(Number) } });
  });
});

describe('with TRUSTED_DOCUMENTS_ONLY=true', () => {
  it('answers the explorer by hash and refuses other documents with PERSISTED_QUERY_ONLY', async () => {
    const { hash } = trusted('EntityPage');
    const byHash = await getByHash(only(), hash, { slug: 'no-such-entity' });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data).toEqual({ entity: null });

    const { body } = await postDocument(only(), '{ graphStats { nodeCount } }', {});
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'PERSISTED_QUERY_ONLY' }),
      }),
    ]);
  });
});
