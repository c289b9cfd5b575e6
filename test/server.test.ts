/** The app's HTTP answers, in process through `app.fetch`: none of this needs a socket. */
import { beforeEach, describe, expect, it } from 'vitest';
import { clearGraph } from './support/graph.js';
import { useInProcessApp } from './support/in-process.js';

const app = useInProcessApp({ CORS_ORIGINS: 'https://front.example' });
beforeEach(() => clearGraph(app().database));

async function postGraphQL(query: string) {
  const response = await app().fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    body: (await response.json()) as {
      data?: unknown;
      errors?: { message: string; extensions?: Record<string, unknown> }[];
    },
  };
}

const GRAPH_STATS = `{
  graphStats {
    nodeCount
    relationshipCount
    labels { label count }
    relationshipTypes { type count }
  }
}`;

describe('the HTTP server', () => {
  it('answers graphStats from what Neo4j holds', async () => {
    await app().database.write((tx) =>
      tx.run(`
        CREATE (niger:Entity:Country {id: 'niger'}), (mali:Entity:Country {id: 'mali'}),
               (bazoum:Entity:Person {id: 'mohamed-bazoum'})
        CREATE (niger)-[:BORDERS]->(mali), (bazoum)-[:GOVERNS]->(niger)`),
    );
    const { status, body } = await postGraphQL(GRAPH_STATS);
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        graphStats: {
          nodeCount: 3,
          relationshipCount: 2,
          labels: [
            { label: 'Country', count: 2 },
            { label: 'Entity', count: 3 },
            { label: 'Person', count: 1 },
          ],
          relationshipTypes: [
            { type: 'BORDERS', count: 1 },
            { type: 'GOVERNS', count: 1 },
          ],
        },
      },
    });
  });

  it('reports an empty graph as zeros, not as an error', async () => {
    const { body } = await postGraphQL(GRAPH_STATS);
    expect(body.data).toEqual({
      graphStats: { nodeCount: 0, relationshipCount: 0, labels: [], relationshipTypes: [] },
    });
  });

  it('counts a breakdown asked for through a fragment or an alias, and only that one', async () => {
    await app().database.write((tx) =>
      tx.run(`CREATE (:Entity:Country {id: 'niger'})-[:BORDERS]->(:Entity:Country {id: 'mali'})`),
    );
    const { body } = await postGraphQL(`{
      totals: graphStats { nodeCount }
      byLabel: graphStats { ...Labels }
      byType: graphStats { ... on GraphStats { types: relationshipTypes { type count } } }
    }
    fragment Labels on GraphStats { labels { label count } }`);
    expect(body).toEqual({
      data: {
        totals: { nodeCount: 2 },
        byLabel: {
          labels: [
            { label: 'Country', count: 2 },
            { label: 'Entity', count: 2 },
          ],
        },
        byType: { types: [{ type: 'BORDERS', count: 1 }] },
      },
    });
  });

  it('serves GraphiQL at /graphql to a browser, with a default query', async () => {
    const response = await app().fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const page = await response.text();
    expect(page).toContain('GraphiQL');
    expect(page).toContain('graphStats');
  });

  it('says /health is alive and /ready sees Neo4j', async () => {
    expect((await app().fetch('/health')).status).toBe(200);
    const ready = await app().fetch('/ready');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up' });
  });

  it('answers a query for an unknown field with a validation error', async () => {
    const { status, body } = await postGraphQL('{ graphStats { nope } }');
    expect(status).toBe(400);
    expect(body.errors?.[0]?.message).toMatch(/Cannot query field "nope" on type "GraphStats"/);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('allows the configured CORS origin and no other', async () => {
    const preflight = (origin: string) =>
      app().fetch('/graphql', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const allowed = await preflight('https://front.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://front.example');
    const refused = await preflight('https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});
