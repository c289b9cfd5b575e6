/** GraphQL requests to a running test service, with the checks every read-only test file makes. */
import { expect } from 'vitest';
import { postGraphQL } from './service.js';

/**
 * `query` (an answer without errors: its data), `errorOf` (an answer with exactly one error) and
 * `firstError` (an answer with at least one error: the first), posted to the service `service`
 * returns when called.
 */
export function graphqlClient(service: () => { url: string }) {
  /* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape */
  async function query(source: string, variables: Record<string, unknown> = {}): Promise<any> {
    const { body } = await postGraphQL(service().url, source, variables);
    expect(body.errors).toBeUndefined();
    return body.data;
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */

  async function errorOf(source: string, variables: Record<string, unknown> = {}) {
    const { body } = await postGraphQL(service().url, source, variables);
    expect(body.errors).toHaveLength(1);
    return body.errors![0]!;
  }

  async function firstError(source: string, variables: Record<string, unknown> = {}) {
    const { body } = await postGraphQL(service().url, source, variables);
    expect(body.errors?.length).toBeGreaterThan(0);
    return body.errors![0]!;
  }

  return { query, errorOf, firstError };
}
