/** Runs the real service in the test process, on a free HTTP port, against the worker's Neo4j. */
import { afterAll, beforeAll } from 'vitest';
import { startService, type RunningService } from '../../src/app.js';
import { parseConfig, type Config } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { ensureSeededGraph } from './seeded-graph.js';
import { testNeo4jUri } from './worker-neo4j.js';

export function testConfig(environment: Record<string, string> = {}): Config {
  return parseConfig({
    NEO4J_URI: testNeo4jUri(),
    PORT: '0',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    SEED_ON_START: 'false',
    ...environment,
  });
}

export function startTestService(
  environment: Record<string, string> = {},
): Promise<RunningService> {
  const config = testConfig(environment);
  return startService(config, createLogger(config.log));
}

export { clearGraph } from './graph.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/** Polls `check` until it returns true or the bounded wait runs out; returns the last answer. */
export async function eventually(
  check: () => Promise<boolean>,
  timeoutMs: number,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return check().catch(() => false);
}

/**
 * For a test file that reads the Niger graph: starts the service once, with the graph as
 * clearing it and loading seeds/ leaves it (seeded only if it is not already: see
 * seeded-graph.ts), and stops it after the file. Returns a getter for the running service.
 */
export function useSeededService(environment: Record<string, string> = {}): () => RunningService {
  let service: RunningService | undefined;
  beforeAll(async () => {
    service = await startTestService(environment);
    await ensureSeededGraph(service.database);
  });
  afterAll(() => service?.stop());
  return () => service!;
}
