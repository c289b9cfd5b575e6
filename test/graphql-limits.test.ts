/**
 * Limits that count what runs: the cost of an operation with its variables and the defaults of
 * the arguments it leaves out, the size of its answer, and the labels of /metrics whatever
 * names clients give their operations; and ordinary input (the page after the last one, long
 * or many-word searches, odd global ids, odd cursors) answered without a server error.
 */
import { offsetToCursor } from '@pothos/plugin-relay';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { MAX_OPERATION_NAMES } from '../src/metrics.js';
import { postGraphQL, startTestService, useSeededService } from './support/service.js';

const seeded = useSeededService();

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape */
async function send(source: string, variables: Record<string, unknown> = {}, url = seeded().url) {
  return postGraphQL<any>(url, source, variables);
}

/** The one error of an answer that must be refused with a code, and never as a server error. */
async function refusal(source: string, variables: Record<string, unknown> = {}, url?: string) {
  const { status, body } = await send(source, variables, url);
  expect(status).toBeLessThan(500);
  expect(body.errors, JSON.stringify(body).slice(0, 300)).toHaveLength(1);
  return body.errors![0]!;
}

/** An answer that must come without errors. */
async function answer(source: string, variables: Record<string, unknown> = {}) {
  const { status, body } = await send(source, variables);
  expect(body.errors, JSON.stringify(body.errors)?.slice(0, 300)).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

/** Four levels of `relations(first: $f)`, each edge with its evidence: 941 bytes of query. */
const relationLevel = (inner: string) =>
  `relations(first: $f) { totalCount edges { type direction role validFrom { value precision } validTo { value } evidence { quote source { slug name kind } sentence { text } } node { slug name kind description aliases ${inner} } } }`;
const FOUR_LEVELS = `query Nested($f: Int) { entity(slug: "niger") { slug ${relationLevel(
  relationLevel(relationLevel(relationLevel(''))),
)} } }`;

describe('the cost of an operation', () => {
  it('counts `first` given by a variable, and the default page size when it is left out', async () => {
    for (const variables of [{}, { f: 100 }, { f: 20 }, { f: null }]) {
      const error = await refusal(FOUR_LEVELS, variables);
      expect(error.extensions, JSON.stringify(variables)).toMatchObject({
        code: 'COST_LIMIT_EXCEEDED',
        limit: 50000,
      });
      expect(error.extensions!.cost as number).toBeGreaterThan(50000);
      expect(error.message).toMatch(/cost is \d+, over the limit of 50000/);
    }
    // Small pages of the same operation run.
    const data = await answer(FOUR_LEVELS, { f: 2 });
    expect(data.entity.relations.edges).toHaveLength(2);
  });

  it('multiplies nested connections, through fragments, and adds up aliased copies', async () => {
    const fragment = `query ($f: Int) { entity(slug: "niger") { ...Around } }
      fragment Around on Entity { relations(first: $f) { edges { node { relations(first: $f) { edges { node { relations(first: $f) { totalCount } } } } } } } }`;
    expect((await refusal(fragment, { f: 50 })).extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
    });
    // One copy fits; four aliased copies of it do not.
    const one = `entities(first: $f) { edges { node { slug name relations(first: $f) { edges { type node { slug name } } } } } }`;
    const single = `query ($f: Int) { a: ${one} }`;
    expect((await answer(single, { f: 60 })).a.edges).toHaveLength(60);
    const copies = `query ($f: Int) { a: ${one} b: ${one} c: ${one} d: ${one} }`;
    const error = await refusal(copies, { f: 60 });
    expect(error.extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED' });
    expect(error.extensions!.cost as number).toBeGreaterThan(50000);
  });

  it('still names a page size past the cap as the argument at fault', async () => {
    const error = await refusal('query ($f: Int) { entities(first: $f) { totalCount } }', {
      f: 5000,
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });
});

describe('the size of an answer', () => {
  const LIMIT = 10_000;
  let small: RunningService;
  beforeAll(async () => {
    // The same graph, a small answer limit and no cost limit to speak of.
    small = await startTestService({
      GRAPHQL_MAX_RESPONSE_BYTES: String(LIMIT),
      GRAPHQL_MAX_COST: '100000000',
    });
  });
  afterAll(() => small?.stop());

  // About 86 KB from the seeded graph.
  const LARGE = `{ entities(first: 100) { edges { node { slug name description aliases relations(first: 20) { edges { type node { slug name description } } } } } } }`;

  it('refuses an answer over GRAPHQL_MAX_RESPONSE_BYTES with RESPONSE_TOO_LARGE, stopped while it was built', async () => {
    const whole = await send(LARGE);
    expect(whole.body.errors).toBeUndefined();
    const wholeBytes = Buffer.byteLength(JSON.stringify(whole.body));
    expect(wholeBytes).toBeGreaterThan(5 * LIMIT);

    const response = await fetch(`${small.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LARGE }),
    });
    expect(response.status).toBeLessThan(500);
    const text = await response.text();
    expect(text.length).toBeLessThan(2000);
    const body = JSON.parse(text) as { data: unknown; errors: any[] };
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toMatchObject({ code: 'RESPONSE_TOO_LARGE', limit: LIMIT });
    // Counted as it was built, and stopped soon after the limit: never built whole.
    const counted = body.errors[0].extensions.bytes as number;
    expect(counted).toBeGreaterThan(LIMIT);
    expect(counted).toBeLessThan(wholeBytes / 2);
    expect(body.errors[0].message).toMatch(/over the limit of 10000 bytes/);
  });

  it('answers what fits as usual', async () => {
    const { body } = await send(
      '{ entities(first: 5) { edges { node { slug } } } }',
      {},
      small.url,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.entities.edges).toHaveLength(5);
  });
});

describe('/metrics', () => {
  it('keeps operation names as labels only when short and well formed, and at most a fixed number of them', async () => {
    const names = [
      ...Array.from({ length: MAX_OPERATION_NAMES + 50 }, (_, i) => `Distinct${i}`),
      `Long${'x'.repeat(100)}`,
      `Huge${'y'.repeat(900_000)}`,
    ];
    for (const name of names) {
      const { status } = await send(`query ${name} { __typename }`);
      expect(status).toBe(200);
    }
    const text = await (await fetch(`${seeded().url}/metrics`)).text();
    const labels = new Set(
      [...text.matchAll(/sahel_graphql_operations_total\{operation="([^"]*)"/g)].map(
        (match) => match[1]!,
      ),
    );
    expect(labels.size).toBeLessThanOrEqual(MAX_OPERATION_NAMES + 2); // + anonymous, other
    expect(labels).toContain('other');
    expect([...labels].every((label) => label.length <= 64)).toBe(true);
    expect(text).not.toContain('yyyyyyyyyy');
    expect(text.length).toBeLessThan(200_000);
    const other = /sahel_graphql_operations_total\{operation="other",outcome="ok"\} (\d+)/.exec(
      text,
    );
    expect(Number(other?.[1])).toBeGreaterThanOrEqual(52);
  });
});

describe('ordinary input never gets a server error', () => {
  const CONNECTIONS: [string, string][] = [
    ['entities', '{ entities(first: 100$AFTER) { $FIELDS } }'],
    ['events', '{ events(first: 100$AFTER) { $FIELDS } }'],
    ['search', '{ search(query: "niger", first: 100$AFTER) { $FIELDS } }'],
    ['sources', '{ sources(first: 100$AFTER) { $FIELDS } }'],
    ['claims', '{ claims(first: 100$AFTER) { $FIELDS } }'],
    ['timeline', '{ timeline(entity: "niger", first: 100$AFTER) { $FIELDS } }'],
    ['relations', '{ entity(slug: "niger") { relations(first: 100$AFTER) { $FIELDS } } }'],
    [
      'claims of',
      '{ entity(slug: "kandadji-attack-2023-09-28") { claims(first: 100$AFTER) { $FIELDS } } }',
    ],
    [
      'mentions',
      '{ source(slug: "article-niger-2023-09-29") { mentions(first: 100$AFTER) { $FIELDS } } }',
    ],
  ];
  const connectionOf = (data: any): any =>
    data.entity?.relations ??
    data.entity?.claims ??
    data.source?.mentions ??
    Object.values(data)[0];

  it.each(CONNECTIONS)(
    'answers an empty page after the last endCursor of %s, counted or not',
    async (_name, template) => {
      const page = (after: string, fields: string) =>
        template.replace('$AFTER', after).replace('$FIELDS', fields);
      const all = connectionOf(
        await answer(page('', 'totalCount pageInfo { endCursor hasNextPage }')),
      );
      expect(all.pageInfo.hasNextPage).toBe(false);
      expect(all.pageInfo.endCursor).toEqual(expect.any(String));
      const after = `, after: "${all.pageInfo.endCursor}"`;
      for (const fields of [
        'edges { cursor } pageInfo { endCursor hasNextPage hasPreviousPage }',
        'totalCount edges { cursor } pageInfo { endCursor hasNextPage hasPreviousPage }',
      ]) {
        const next = connectionOf(await answer(page(after, fields)));
        expect(next.edges).toEqual([]);
        expect(next.pageInfo).toMatchObject({ endCursor: null, hasNextPage: false });
        if ('totalCount' in next) expect(next.totalCount).toBe(all.totalCount);
      }
      // Far past the end, too, counted or not.
      for (const fields of ['edges { cursor }', 'totalCount edges { cursor }']) {
        const far = connectionOf(
          await answer(page(`, after: "${offsetToCursor(999_999_999)}"`, fields)),
        );
        expect(far.edges).toEqual([]);
      }
    },
  );

  it.each([
    [
      'an offset past 32 bits',
      Buffer.from('OffsetConnection:99999999999999999999').toString('base64'),
    ],
    ['an offset past 2^53', Buffer.from('OffsetConnection:9007199254740993').toString('base64')],
    ['an exponent', Buffer.from('OffsetConnection:1e3').toString('base64')],
    ['a fraction', Buffer.from('OffsetConnection:1.5').toString('base64')],
    ['a negative offset', Buffer.from('OffsetConnection:-5').toString('base64')],
    ['another prefix', Buffer.from('arrayconnection:3').toString('base64')],
    ['not base64', 'not a cursor!'],
    ['empty', ''],
    ['a megabyte-long string', 'x'.repeat(300_000)],
  ])(
    'refuses a cursor that is no cursor of this API (%s) with BAD_USER_INPUT',
    async (_case, after) => {
      for (const field of [
        'entities(after: $after) { edges { cursor } }',
        'events(after: $after) { edges { cursor } }',
        'search(query: "niger", after: $after) { edges { cursor } }',
      ]) {
        const error = await refusal(`query ($after: String) { ${field} }`, { after });
        expect(error.extensions, field).toMatchObject({
          code: 'BAD_USER_INPUT',
          argumentName: 'after',
        });
        // The message quotes what was sent, cut short.
        expect(error.message.length).toBeLessThan(300);
      }
    },
  );

  it('answers a search of many words or many characters with BAD_USER_INPUT naming the limit', async () => {
    const search = 'query ($q: String!) { search(query: $q) { edges { node { slug } } } }';
    const words = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const tooManyWords = await refusal(search, { q: words.slice(0, 190) });
    expect(tooManyWords.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'query',
      limit: 10,
    });
    for (const q of [words, 'a'.repeat(900_000), 'b'.repeat(201)]) {
      const error = await refusal(search, { q });
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        argumentName: 'query',
        limit: 200,
      });
    }
    // Ten words, and searches that find nothing, answer as usual.
    const ten = await answer(search, {
      q: 'niger mali junta attack army river dam region coup france',
    });
    expect(ten.search.edges.length).toBeGreaterThan(0);
    for (const q of ['zzzzqqqxx', '"*?~^:\\/', 'AND OR NOT']) {
      expect((await answer(search, { q })).search.edges, q).toEqual(expect.any(Array));
    }
  });

  it('answers a name filter past its length with BAD_USER_INPUT, and one that matches nothing with an empty page', async () => {
    const names = 'query ($n: String) { entities(name: $n) { edges { node { slug } } } }';
    const error = await refusal(names, { n: 'x'.repeat(900_000) });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'name',
      limit: 200,
    });
    expect((await answer(names, { n: 'no such name at all' })).entities.edges).toEqual([]);
  });

  it.each([
    '__proto__:x',
    'Entity:x',
    'constructor:x',
    'toString:x',
    'Person:__proto__',
    'Claim:constructor',
    'Query:x',
    '',
    ':',
    'Person:',
  ])(
    'answers node(id:) and nodes(ids:) of %j, raw or base64, with null or BAD_USER_INPUT',
    async (text) => {
      for (const id of [text, Buffer.from(text).toString('base64'), `${text}!%`]) {
        const { status, body } = await send(
          'query ($id: ID!) { node(id: $id) { id } nodes(ids: [$id, $id]) { id } }',
          { id },
        );
        expect(status, id).toBe(200);
        expect(body.data, id).toEqual({ node: null, nodes: [null, null] });
        for (const error of body.errors ?? []) {
          expect(error.extensions, id).toMatchObject({ code: 'BAD_USER_INPUT' });
        }
      }
    },
  );

  it('answers a path from an entity to itself as the path of no steps', async () => {
    const data = await answer(
      '{ path(from: "niger", to: "niger") { truncated paths { length nodes { slug } steps { from { slug } } } } }',
    );
    expect(data.path).toEqual({
      truncated: false,
      paths: [{ length: 0, nodes: [{ slug: 'niger' }], steps: [] }],
    });
    const unknown = await refusal('{ path(from: "nobody", to: "nobody") { truncated } }');
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
  });

  it('quotes long input in error messages only in part', async () => {
    const long = 'z'.repeat(100_000);
    for (const [source, variables] of [
      ['query ($s: String!) { timeline(entity: $s) { totalCount } }', { s: long }],
      [
        'query ($s: [String!]) { events(types: $s) { totalCount } }',
        { s: Array(5000).fill(long.slice(0, 100)) },
      ],
      [
        'query ($s: [String!]) { entity(slug: "niger") { relations(types: $s) { totalCount } } }',
        { s: [long] },
      ],
      ['query ($s: ID!) { node(id: $s) { id } }', { s: long }],
    ] as const) {
      const error = await refusal(source, variables);
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(error.message.length, source).toBeLessThan(1000);
    }
  });
});
