/** The one GraphQL client: stock urql over the server's public /graphql (queries as GET). */
import { Client, fetchExchange, type AnyVariables, type TypedDocumentNode } from '@urql/core';

const client = new Client({
  url: new URL('graphql', document.baseURI).href,
  exchanges: [fetchExchange],
  preferGetMethod: 'within-url-limit',
  requestPolicy: 'network-only',
});

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
