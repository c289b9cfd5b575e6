/**
 * /ready follows Neo4j: 503 with a reason while the database is stopped (queries get
 * SERVICE_UNAVAILABLE), 200 again once it is back, and the server answers queries again without
 * being restarted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import type { EmbeddedNeo4jConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { SHORT_LIVED_JVM } from './support/jvm.js';
import { eventually, postGraphQL, startTestService, testConfig } from './support/service.js';

const logger = createLogger({ level: 'warn', pretty: false });
let neo4jConfig: EmbeddedNeo4jConfig;
let neo4j: EmbeddedNeo4j;
let service: RunningService;

beforeAll(async () => {
  neo4jConfig = {
    ...testConfig().embedded,
    boltPort: await getPort(),
    dataDir: await mkdtemp(join(tmpdir(), 'sahel-graph-outage-')),
    heap: '512m',
    pageCache: '64m',
  };
  neo4j = await startNeo4j();
  service = await startTestService({ NEO4J_URI: neo4j.boltUri });
});

afterAll(async () => {
  await service?.stop();
  await neo4j?.stop();
  await rm(neo4jConfig.dataDir, { recursive: true, force: true });
});

const startNeo4j = () =>
  EmbeddedNeo4j.start(neo4jConfig, logger, { ...process.env, ...SHORT_LIVED_JVM });

const readiness = async () => {
  const response = await fetch(`${service.url}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

describe('readiness through a Neo4j outage', () => {
  it('is 200, then 503 while Neo4j is stopped, then 200 again when it returns', async () => {
    expect((await readiness()).status).toBe(200);

    await neo4j.stop();
    const down = await readiness();
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('unavailable');
    expect(down.body.reason).toMatch(/^Neo4j does not answer \(\S+\)$/);
    expect((await fetch(`${service.url}/health`)).status).toBe(200);

    // Queries get a clear error, well before the client would give up (a bound, not a timing).
    const query = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ entities { totalCount } }' }),
      signal: AbortSignal.timeout(30_000),
    });
    const answer = (await query.json()) as {
      errors: { message: string; extensions: Record<string, unknown> }[];
    };
    expect(answer.errors[0]!.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(answer.errors[0]!.message).toBe('The database is unavailable; try again shortly.');
    const cypher = await fetch(`${service.url}/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'RETURN 1' }),
      signal: AbortSignal.timeout(30_000),
    });
    expect(cypher.status).toBe(503);

    neo4j = await startNeo4j();
    expect(await eventually(async () => (await readiness()).status === 200, 30_000)).toBe(true);
    const { body } = await postGraphQL(service.url, '{ graphStats { nodeCount } }');
    expect(body).toEqual({ data: { graphStats: { nodeCount: 0 } } });
  });
});
