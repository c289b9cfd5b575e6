/**
 * What a careless or hostile client meets: operation limits with codes, no batching, queries
 * only (a mutation by GET 405, subscriptions and mutations 400), body limits, masked errors
 * with a request id, field suggestions hidden in production, metrics; and a fuzz of malformed
 * requests that never gets a 5xx.
 */
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { maskError } from '../src/masked-errors.js';
import { requestContext } from '../src/request-context.js';
import { graphqlClient } from './support/graphql.js';
import { random } from './support/random.js';
import { postGraphQL, startTestService, useSeededService } from './support/service.js';

const seeded = useSeededService();
const { firstError } = graphqlClient(seeded);

async function post(
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const response = await fetch(`${seeded().url}/graphql`, { method: 'POST', headers, body });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('operation limits', () => {
  it('refuses an operation nested past the depth limit, even through a fragment named __schema', async () => {
    const deep = (levels: number) =>
      'relations { edges { node { '.repeat(levels) + 'slug' + ' } } }'.repeat(levels);
    const plain = await firstError(`{ entity(slug: "niger") { ${deep(5)} } }`);
    expect(plain.extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED', limit: 15 });
    const disguised = await firstError(
      `query __schema { entity(slug: "niger") { ...__schema } } fragment __schema on Entity { ${deep(5)} }`,
    );
    expect(disguised.extensions).toMatchObject({ code: 'MAX_DEPTH_EXCEEDED' });
  });

  it('counts aliases of __typename too', async () => {
    const aliases = Array.from({ length: 300 }, (_, i) => `a${i}: __typename`).join(' ');
    const error = await firstError(`{ ${aliases} }`);
    expect(error.extensions).toMatchObject({ code: 'MAX_ALIASES_EXCEEDED', limit: 30 });
  });

  it('refuses too many directives, too many tokens and too high a cost', async () => {
    const directives = await firstError(
      `{ graphStats { nodeCount ${'@include(if: true) '.repeat(25)} } }`,
    );
    expect(directives.extensions).toMatchObject({ code: 'MAX_DIRECTIVES_EXCEEDED', limit: 20 });
    const tokens = await firstError(`{ graphStats { ${'nodeCount '.repeat(3500)} } }`);
    expect(tokens.extensions).toMatchObject({ code: 'MAX_TOKENS_EXCEEDED', limit: 3000 });
    const costly = await firstError(
      `{ entities(first: 100) { edges { node { relations(first: 100) { edges { node { relations(first: 100) { totalCount } } } } } } } }`,
    );
    expect(costly.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: 50000 });
    expect(costly.extensions!.cost as number).toBeGreaterThan(50000);
    const disguised = await firstError(
      `{ entities(first: 100) { edges { node { ...__schema } } } }
       fragment __schema on Entity { relations(first: 100) { edges { node { relations(first: 100) { totalCount } } } } }`,
    );
    expect(disguised.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED' });
  });

  it('still lets GraphiQL introspect the schema', async () => {
    const { status, body } = await postGraphQL(seeded().url, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
  });

  it('refuses batched operations', async () => {
    const { status } = await post(
      JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    );
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  });
});

describe('requests', () => {
  it('answers a GET query that carries no special header (no CSRF header is required)', async () => {
    const url = `${seeded().url}/graphql?query=${encodeURIComponent('{ graphStats { nodeCount } }')}`;
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data?: { graphStats: { nodeCount: number } } };
    expect(body.data?.graphStats.nodeCount).toBeGreaterThan(0);
  });

  it('accepts a mutation only by POST: a GET with one answers 405 and Allow: POST', async () => {
    const url = `${seeded().url}/graphql?query=${encodeURIComponent('mutation { graphStats { nodeCount } }')}`;
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await fetch(url, { headers: { accept } });
      expect(response.status, accept).toBe(405);
      expect(response.headers.get('allow'), accept).toBe('POST');
      const body = (await response.json()) as { errors: { message: string }[] };
      expect(body.errors[0]!.message, accept).toMatch(/mutation .*POST/);
    }
  });

  it('refuses a subscription or a mutation, which the schema has none of, with 400 and OPERATION_NOT_SUPPORTED', async () => {
    const sendings = [
      { method: 'GET', operationType: 'subscription' },
      { method: 'POST', operationType: 'subscription' },
      // A mutation by GET is refused before, with 405 (above).
      { method: 'POST', operationType: 'mutation' },
    ];
    for (const { method, operationType } of sendings) {
      const query = `${operationType} { graphStats { nodeCount } }`;
      for (const accept of ['application/json', 'application/graphql-response+json']) {
        const sent = `${method} ${operationType} (${accept})`;
        const response =
          method === 'GET'
            ? await fetch(`${seeded().url}/graphql?query=${encodeURIComponent(query)}`, {
                headers: { accept },
              })
            : await fetch(`${seeded().url}/graphql`, {
                method: 'POST',
                headers: { accept, 'content-type': 'application/json' },
                body: JSON.stringify({ query }),
              });
        expect(response.status, sent).toBe(400);
        const body = (await response.json()) as {
          data?: unknown;
          errors: { message: string; extensions: Record<string, unknown> }[];
        };
        expect(body.data, sent).toBeUndefined();
        expect(body.errors[0]!.extensions, sent).toMatchObject({
          code: 'OPERATION_NOT_SUPPORTED',
          operationType,
        });
        expect(body.errors[0]!.message, sent).toContain(`This API has no ${operationType}s`);
      }
    }
  });

  it('refuses a body over the limit (413) and one of unknown length (411)', async () => {
    const large = await post(JSON.stringify({ query: `{ __typename } #${'x'.repeat(1_100_000)}` }));
    expect(large.status).toBe(413);
    const chunked = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(
          `${seeded().url}/graphql`,
          { method: 'POST', headers: { 'content-type': 'application/json' } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.write('{"query":');
        req.end('"{ __typename }"}');
      }, reject);
    });
    expect(chunked).toBe(411);
  });

  it('gives every response a request id', async () => {
    const response = await fetch(`${seeded().url}/health`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('masks an unexpected error: no message, Cypher or stack; the request id instead', () => {
    const logged: unknown[] = [];
    const logger = createLogger({ level: 'error', pretty: false });
    logger.error = ((entry: unknown) => void logged.push(entry)) as typeof logger.error;
    const masked = requestContext.run({ requestId: 'request-1' }, () =>
      maskError(logger)(new Error('Neo4j said: MATCH (secret:Thing) failed at line 3')),
    );
    expect(masked.message).toBe('Unexpected error.');
    expect(masked.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'request-1' });
    expect(JSON.stringify(masked.toJSON())).not.toMatch(/secret|MATCH|at line/);
    expect(logged).toEqual([expect.objectContaining({ requestId: 'request-1' })]);
  });

  it('turns a transaction timeout into QUERY_TIMEOUT and an outage into SERVICE_UNAVAILABLE', () => {
    const logger = createLogger({ level: 'silent', pretty: false });
    const timedOut = Object.assign(new Error('The transaction has been terminated...'), {
      code: 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
    });
    expect(maskError(logger)(timedOut).extensions).toMatchObject({ code: 'QUERY_TIMEOUT' });
    const down = Object.assign(new Error('Failed to connect to server'), {
      code: 'ServiceUnavailable',
    });
    expect(maskError(logger)(down).extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
  });

  it('hides field suggestions in production', async () => {
    const production = await startTestService({ NODE_ENV: 'production' });
    try {
      const { body } = await postGraphQL(production.url, '{ graphStat { nodeCount } }');
      expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
    } finally {
      await production.stop();
    }
    const { body } = await postGraphQL(seeded().url, '{ graphStat { nodeCount } }');
    expect(body.errors?.[0]?.message).toMatch(/Did you mean "graphStats"/);
  });
});

describe('/metrics', () => {
  it('counts requests, operations, errors and Cypher queries in Prometheus format', async () => {
    await postGraphQL(seeded().url, 'query CountNodes { graphStats { nodeCount } }');
    await postGraphQL(seeded().url, '{ entities(first: 1000) { totalCount } }');
    const response = await fetch(`${seeded().url}/metrics`);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(
      /sahel_http_requests_total\{method="POST",path="\/graphql",status="200"\} \d+/,
    );
    expect(text).toMatch(
      /sahel_graphql_operations_total\{operation="CountNodes",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(/sahel_graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/);
    expect(text).toMatch(/sahel_neo4j_queries_total\{mode="READ"\} [1-9]/);
    expect(text).toMatch(
      /sahel_neo4j_transaction_duration_seconds_count\{mode="READ",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(/sahel_neo4j_sessions_open 0/);
    expect(text).toMatch(/process_resident_memory_bytes/);
  });
});

describe('fuzz', () => {
  const next = random(20231928);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const oddStrings = [
    '',
    '\u0000',
    '\uD800',
    '🇳🇪'.repeat(1000),
    'é'.repeat(10_000),
    '\u202Etxt',
    '"}{',
    'x'.repeat(200_000),
    '%00',
    '\\u0000',
  ];
  const bodies: [string, Record<string, string>][] = [
    ['{', { 'content-type': 'application/json' }],
    ['not json at all', { 'content-type': 'application/json' }],
    ['{"query": 42}', { 'content-type': 'application/json' }],
    ['{"query": null}', { 'content-type': 'application/json' }],
    [
      '{"query": "{ graphStats { nodeCount } }", "variables": "nope"}',
      { 'content-type': 'application/json' },
    ],
    [
      '{"query": "query ($n: Int) { entities(first: $n) { totalCount } }", "variables": {"n": 1e308}}',
      { 'content-type': 'application/json' },
    ],
    [
      '{"query": "query ($n: Int) { entities(first: $n) { totalCount } }", "variables": {"n": "ten"}}',
      { 'content-type': 'application/json' },
    ],
    [
      '{"query": "query ($s: String!) { entity(slug: $s) { slug } }", "variables": {}}',
      { 'content-type': 'application/json' },
    ],
    [
      `{"query": "{ __typename }", "variables": ${'['.repeat(5000)}${']'.repeat(5000)}}`,
      { 'content-type': 'application/json' },
    ],
    ['query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['{ __typename }', { 'content-type': 'text/plain' }],
    ['{ __typename }', { 'content-type': 'application/graphql' }],
    ['<xml/>', { 'content-type': 'application/xml' }],
    [JSON.stringify({ query: `{ ${'{'.repeat(3000)} }` }), { 'content-type': 'application/json' }],
    [
      JSON.stringify({ query: '{ entities(first: 99999999999999999999) { totalCount } }' }),
      { 'content-type': 'application/json' },
    ],
    [
      JSON.stringify({ query: '{ entity(slug: "\\u0000") { slug } }' }),
      { 'content-type': 'application/json' },
    ],
    [
      JSON.stringify({ query: '{ events(from: "0000-00-00") { totalCount } }' }),
      { 'content-type': 'application/json' },
    ],
    [
      JSON.stringify({ query: 'subscription { graphStats { nodeCount } }' }),
      { 'content-type': 'application/json' },
    ],
    [
      JSON.stringify({ query: 'mutation { graphStats { nodeCount } }' }),
      { 'content-type': 'application/json' },
    ],
  ];
  for (let i = 0; i < 60; i += 1) {
    const text = pick(oddStrings);
    const query = pick([
      `query ($q: String!) { search(query: $q) { totalCount } }`,
      `query ($q: String!) { entity(slug: $q) { slug } }`,
      `query ($q: String!) { entities(name: $q) { totalCount } }`,
      `query ($q: String!) { neighborhood(slug: $q) { truncated } }`,
      `query ($q: String!) { cypher(query: $q) { columns } }`,
      `query ($q: ID!) { node(id: $q) { id } }`,
    ]);
    bodies.push([
      JSON.stringify({ query, variables: { q: text } }),
      { 'content-type': 'application/json' },
    ]);
  }

  it(`answers ${bodies.length} malformed or odd requests without a 5xx, and keeps serving`, async () => {
    const statuses: number[] = [];
    for (const [body, headers] of bodies) {
      const { status } = await post(body, headers);
      statuses.push(status);
      expect(status, body.slice(0, 120)).toBeLessThan(500);
    }
    expect(statuses.some((status) => status >= 400)).toBe(true);
    expect((await fetch(`${seeded().url}/ready`)).status).toBe(200);
  });
});
