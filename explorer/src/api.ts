/**
 * The one GraphQL client: stock urql over the server's public /graphql. Queries go as GET with
 * the hash of their trusted document instead of its text (codegen.ts): short, cacheable URLs.
 * Should the server not know a hash, urql's persisted exchange asks again with the document.
 */
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';

const client = new Client({
  url: new URL('graphql', document.baseURI).href,
  exchanges: [
    persistedExchange({
      enforcePersistedQueries: true,
      preferGetForPersistedQueries: 'within-url-limit',
      generateHash: (_query, document) => Promise.resolve(documentHash(document)),
    }),
    fetchExchange,
  ],
  preferGetMethod: 'within-url-limit',
  requestPolicy: 'network-only',
});

/** The hash GraphQL Code Generator put in the document's `__meta__`. */
function documentHash(document: unknown): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('a document without its generated hash');
  return hash;
}

/** The data of a query; a GraphQL or network error is thrown with the server's message. */
export async function query<Data, Variables extends AnyVariables>(
  document: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> {
  const result = await client.query(document, variables).toPromise();
  if (result.error) throw new Error(result.error.message);
  if (!result.data) throw new Error('the server answered without data');
  return result.data;
}
