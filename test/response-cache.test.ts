/**
 * The response cache: a repeated query is answered from memory, byte for byte as computed, and
 * never once the graph has changed, whoever changed it.
 */
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import type { RunningService } from '../src/app.js';
import { sharedReads } from '../src/http/use-response-cache.js';
import { clearGraph, startTestService, useSeededService } from './support/service.js';
import { loadSeeds } from '../src/seeds/load.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

const NIGER = `query Niger { entity(slug: "niger") { name aliases relations(first: 3) { totalCount } } }`;

async function post(
  service: RunningService,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

/** The Cypher statements the service runs while `request` is answered. */
async function statementsRunBy(service: RunningService, request: () => Promise<unknown>) {
  const before = service.database.queryCount;
  await request();
  return service.database.queryCount - before;
}

async function cacheLookups(service: RunningService): Promise<{ hit: number; miss: number }> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const count = (outcome: string) =>
    Number(
      new RegExp(`^sahel_graphql_response_cache_total\\{outcome="${outcome}"\\} (\\d+)`, 'm').exec(
        text,
      )?.[1] ?? 0,
    );
  return { hit: count('hit'), miss: count('miss') };
}

describe('with the response cache (the default)', () => {
  const seeded = useSeededService({ CYPHER_TOKEN: 'a-token-of-sixteen-chars' });

  it('answers a repeated query from memory, with the same bytes, and counts the hit', async () => {
    const service = seeded();
    const first = await post(service, { query: NIGER });
    const before = await cacheLookups(service);
    let again = { status: 0, text: '' };
    expect(
      await statementsRunBy(service, async () => {
        again = await post(service, { query: NIGER });
      }),
    ).toBe(0);
    expect(again).toEqual(first);
    expect(JSON.parse(first.text)).toEqual({
      data: { entity: expect.objectContaining({ name: 'Niger' }) },
    });
    expect(await cacheLookups(service)).toEqual({ hit: before.hit + 1, miss: before.miss });
  });

  it('keys answers by variables and operation', async () => {
    const service = seeded();
    const source = `query One($slug: String!) { entity(slug: $slug) { name } }
                    query Two($slug: String!) { entity(slug: $slug) { slug } }`;
    const answers = await Promise.all(
      [
        { operationName: 'One', variables: { slug: 'niger' } },
        { operationName: 'One', variables: { slug: 'france' } },
        { operationName: 'Two', variables: { slug: 'niger' } },
      ].map(async (request) =>
        JSON.parse((await post(service, { query: source, ...request })).text),
      ),
    );
    expect(answers).toEqual([
      { data: { entity: { name: 'Niger' } } },
      { data: { entity: { name: 'France' } } },
      { data: { entity: { slug: 'niger' } } },
    ]);
  });

  it('computes again after a write from another connection (another process, e.g. npm run seed)', async () => {
    const service = seeded();
    await post(service, { query: NIGER });
    const other = neo4j.driver(testNeo4jUri());
    try {
      await other.executeQuery(`MATCH (e:Entity {id: 'niger'}) SET e.name = 'Niger (renamed)'`);
      const renamed = JSON.parse((await post(service, { query: NIGER })).text);
      expect(renamed.data.entity.name).toBe('Niger (renamed)');
    } finally {
      await other.close();
    }
  });

  it('computes again after a load into the graph, and then serves the new answer', async () => {
    const service = seeded();
    await loadSeeds(service.database);
    const reloaded = await post(service, { query: NIGER });
    expect(JSON.parse(reloaded.text).data.entity.name).toBe('Niger');
    expect(await statementsRunBy(service, () => post(service, { query: NIGER }))).toBe(0);
  });

  it("never gives a token holder's answer to a request without the token", async () => {
    const service = seeded();
    const cypher = `{ cypher(query: "MATCH (e:Entity {id: 'niger'}) RETURN e.name AS name") { rows } }`;
    const holder = await post(
      service,
      { query: cypher },
      { authorization: 'Bearer a-token-of-sixteen-chars' },
    );
    expect(JSON.parse(holder.text).errors).toBeUndefined();
    const stranger = JSON.parse((await post(service, { query: cypher })).text);
    expect(stranger.data).toBeNull();
    expect(stranger.errors[0].extensions.code).toBe('UNAUTHORIZED');
  });

  it('does not keep answers with errors', async () => {
    const service = seeded();
    // Data beside an error: the entity is found, the id is refused.
    const partly = `{ entity(slug: "niger") { name } nodes(ids: ["not-a-global-id"]) { id } }`;
    const answer = JSON.parse((await post(service, { query: partly })).text);
    expect(answer.data.entity).toEqual({ name: 'Niger' });
    expect(answer.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const before = await cacheLookups(service);
    expect(await statementsRunBy(service, () => post(service, { query: partly }))).toBeGreaterThan(
      0,
    );
    expect((await cacheLookups(service)).hit).toBe(before.hit);
  });

  it('serves a cached GET answer with its ETag, and 304 to a client that holds it', async () => {
    const service = seeded();
    const url = `${service.url}/graphql?query=${encodeURIComponent(NIGER)}`;
    const first = await fetch(url);
    const etag = first.headers.get('etag');
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    const cached = await fetch(url);
    expect(cached.headers.get('etag')).toBe(etag);
    expect(cached.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await cached.text()).toBe(await first.text());
    const revalidated = await fetch(url, { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
  });
});

describe('with RESPONSE_CACHE_MAX_BYTES=0', () => {
  let service: RunningService;
  beforeAll(async () => {
    service = await startTestService({ RESPONSE_CACHE_MAX_BYTES: '0' });
    await clearGraph(service.database);
    await loadSeeds(service.database);
  });
  afterAll(() => service.stop());

  it('computes every answer', async () => {
    await post(service, { query: NIGER });
    expect(await statementsRunBy(service, () => post(service, { query: NIGER }))).toBeGreaterThan(
      0,
    );
    expect(await cacheLookups(service)).toEqual({ hit: 0, miss: 0 });
  });
});

describe('the graph version read', () => {
  it('is shared by callers that arrive before it starts, never by one that arrives after', async () => {
    let started = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const version = sharedReads(async () => {
      started += 1;
      const mine = started;
      await gate;
      return mine;
    });
    const together = [version(), version(), version()];
    await vi.waitUntil(() => started === 1);
    const after = version();
    await vi.waitUntil(() => started === 2);
    release();
    expect(await Promise.all(together)).toEqual([1, 1, 1]);
    expect(await after).toBe(2);
  });
});
