/**
 * The GraphQL API over the seeded graph: every root field and type family, Relay ids and
 * paging, search, typed relationship fields, bad input, and the number of Cypher queries a
 * nested request costs.
 */
import { offsetToCursor as offsetCursor } from '@pothos/plugin-relay';
import { describe, expect, it } from 'vitest';
import { ensureGraphSchema } from '../src/store/graph-schema.js';
import { graphqlClient } from './support/graphql.js';
import { postGraphQL, useSeededService } from './support/service.js';

const seeded = useSeededService();
const { query, errorOf } = graphqlClient(seeded);

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape */

const slugs = (connection: any) => connection.edges.map((edge: any) => edge.node.slug);

describe('Relay global ids', () => {
  it('round-trips every kind of node through node and nodes', async () => {
    const data = await query(`{
      person: entity(slug: "mohamed-bazoum") { id }
      place: entity(slug: "kandadji") { id }
      source(slug: "article-niger-2023-09-29") { id }
      claim(slug: "kandadji-attack-soldiers-killed-officer") { id sentence { id } }
    }`);
    const ids = [
      data.person.id,
      data.place.id,
      data.source.id,
      data.claim.id,
      data.claim.sentence.id,
    ];
    const nodes = await query(
      `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Entity { slug } ... on Source { slug } ... on Claim { value } ... on Sentence { index } } }`,
      { ids },
    );
    expect(nodes.nodes).toEqual([
      { __typename: 'Person', id: ids[0], slug: 'mohamed-bazoum' },
      { __typename: 'Place', id: ids[1], slug: 'kandadji' },
      { __typename: 'Source', id: ids[2], slug: 'article-niger-2023-09-29' },
      { __typename: 'Claim', id: ids[3], value: 10 },
      { __typename: 'Sentence', id: ids[4], index: 4 },
    ]);
  });

  it('answers null for an id of nothing, or of the wrong kind', async () => {
    const missing = Buffer.from('Person:nobody').toString('base64');
    const wrongKind = Buffer.from('Country:mohamed-bazoum').toString('base64');
    const data = await query(
      `query ($a: ID!, $b: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } }`,
      { a: missing, b: wrongKind },
    );
    expect(data).toEqual({ a: null, b: null });
    expect(await query('{ entity(slug: "nobody") { id } }')).toEqual({ entity: null });
  });

  it.each([
    ['not base64 at all', 'not-a-global-id!'],
    ['no key after the type', Buffer.from('Person').toString('base64')],
    ['a type the API does not have', Buffer.from('Spaceship:x').toString('base64')],
    ['a type that is no node', Buffer.from('PageInfo:x').toString('base64')],
  ])('rejects a malformed global id (%s) in node with BAD_USER_INPUT', async (_case, id) => {
    const error = await errorOf('query ($id: ID!) { node(id: $id) { id } }', { id });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'id' });
    expect(error.message).toContain(`"${id}" is not a global id of this API`);
  });

  it('answers null and an error for each malformed id in nodes, and the other nodes as usual', async () => {
    const { id } = (await query('{ entity(slug: "niger") { id } }')).entity;
    const missing = Buffer.from('Person:nobody').toString('base64');
    const unknownType = Buffer.from('Spaceship:x').toString('base64');
    const { body } = await postGraphQL(
      seeded().url,
      'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }',
      { ids: [id, 'not-a-global-id!', missing, unknownType, id] },
    );
    expect(body.data).toEqual({ nodes: [{ id }, null, null, null, { id }] });
    const errors = (body.errors as any[]).sort((a, b) => a.path[1] - b.path[1]);
    expect(errors).toMatchObject([
      { path: ['nodes', 1], extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' } },
      { path: ['nodes', 3], extensions: { code: 'BAD_USER_INPUT', argumentName: 'ids' } },
    ]);
    expect(errors[0].message).toContain('item 1, "not-a-global-id!"');
    expect(errors[1].message).toContain(`item 3, "${unknownType}"`);
  });
});

describe('the schema in GraphiQL', () => {
  it("gives the Docs pane's start page the schema's own description", async () => {
    const { __schema } = await query('{ __schema { description } }');
    expect(__schema.description).toMatch(/^A knowledge graph of news about the Sahel/);
    expect(__schema.description).toContain('`search(query:)`');
  });

  it('describes the kinds of entity in words, with the right article', async () => {
    const { __type } = await query(
      '{ __type(name: "EntityKind") { enumValues { name description } } }',
    );
    const described = Object.fromEntries(
      __type.enumValues.map((value: any) => [value.name, value.description]),
    );
    expect(described.ARMED_GROUP).toMatch(/^A non-state armed group/);
    expect(described.EVENT).toMatch(/^Something that happened/);
    expect(described.ORGANIZATION).toMatch(/^An organization/);
  });
});

describe('entities and events', () => {
  it('filters entities by kind and country, sorted by name, with totalCount', async () => {
    const [data, inNiger] = await Promise.all([
      query(`{ entities(kinds: [COUNTRY], first: 10) { totalCount edges { node { slug } } } }`),
      query(
        `{ entities(country: "niger", kinds: [PLACE], first: 50) { edges { node { slug } } } }`,
      ),
    ]);
    expect(data.entities.totalCount).toBe(4);
    expect(slugs(data.entities)).toEqual(['burkina-faso', 'france', 'mali', 'niger']);
    expect(slugs(inNiger.entities)).toEqual(
      expect.arrayContaining(['kandadji', 'niamey', 'tillaberi-region']),
    );
    expect(slugs(inNiger.entities)).not.toContain('koutougou-attack-2023-08-15');
  });

  it('finds entities by part of a name or alias', async () => {
    const data = await query(`{ entities(name: "junta") { edges { node { slug } } } }`);
    expect(slugs(data.entities)).toContain('cnsp');
  });

  it('pages with first and after, and says when more follow', async () => {
    const [first, all] = await Promise.all([
      query(
        `{ entities(first: 3) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { slug } } } }`,
      ),
      query(`{ entities(first: 6) { edges { node { slug } } } }`),
    ]);
    expect(first.entities.edges).toHaveLength(3);
    expect(first.entities.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await query(
      `query ($after: String) { entities(first: 3, after: $after) { edges { node { slug } } pageInfo { hasPreviousPage } } }`,
      {
        after: first.entities.pageInfo.endCursor,
      },
    );
    expect([...slugs(first.entities), ...slugs(next.entities)]).toEqual(slugs(all.entities));
    expect(next.entities.pageInfo.hasPreviousPage).toBe(true);
  });

  it.each([
    ['entities', ''],
    ['events', ''],
    ['search', 'query: "niger", '],
    ['timeline', 'entity: "niger", '],
    ['sources', ''],
    ['claims', ''],
  ])('pages %s with first and after', async (field, args) => {
    const two = await query(
      `{ list: ${field}(${args}first: 2) { edges { cursor node { slug } } } }`,
    );
    expect(two.list.edges).toHaveLength(2);
    const second = await query(
      `query ($after: String) { list: ${field}(${args}first: 1, after: $after) { edges { node { slug } } } }`,
      { after: two.list.edges[0].cursor },
    );
    expect(second.list.edges).toEqual([{ node: two.list.edges[1].node }]);
  });

  it('has no backward paging: last and before are unknown arguments', async () => {
    for (const argument of ['last: 5', 'before: "YXJyYXljb25uZWN0aW9uOjU="']) {
      const error = await errorOf(`{ entities(${argument}) { totalCount } }`);
      expect(error.message).toMatch(/^Unknown argument "(last|before)" on field "Query.entities"/);
    }
  });

  it('counts only when totalCount is asked for, directly or in a fragment, and pages alike either way', async () => {
    const counted = await query(
      `{ entities(first: 4) { totalCount pageInfo { hasNextPage endCursor } edges { node { slug } } } }`,
    );
    const total: number = counted.entities.totalCount;
    expect(total).toBeGreaterThan(8);
    const uncounted = await query(
      `{ entities(first: 4) { pageInfo { hasNextPage endCursor } edges { node { slug } } } }`,
    );
    expect(uncounted.entities).toEqual({ ...counted.entities, totalCount: undefined });
    // The last page, and one item before it, uncounted: hasNextPage comes from one row past the page.
    const last = await query(
      `query ($after: String) { entities(first: 4, after: $after) { pageInfo { hasNextPage } edges { node { slug } } } }`,
      { after: offsetCursor(total - 5) },
    );
    expect(last.entities.edges).toHaveLength(4);
    expect(last.entities.pageInfo.hasNextPage).toBe(false);
    const beforeLast = await query(
      `query ($after: String) { entities(first: 4, after: $after) { pageInfo { hasNextPage } } }`,
      { after: offsetCursor(total - 6) },
    );
    expect(beforeLast.entities.pageInfo.hasNextPage).toBe(true);
    const fragments = await query(
      `query { entities(first: 1) { ...Counted ... on EntityConnection { again: totalCount } } }
       fragment Counted on EntityConnection { totalCount }`,
    );
    expect(fragments.entities).toEqual({ totalCount: total, again: total });
  });

  it('lists by name from the sortName the loader writes, and gives an older store one', async () => {
    const countries = async () =>
      slugs(
        (await query(`{ entities(kinds: [COUNTRY], first: 100) { edges { node { slug } } } }`))
          .entities,
      );
    const before = await countries();
    expect(before).toContain('niger');
    const { database } = seeded();
    // A store written before sortName existed: its entities are missing from lists by name...
    await database.write((tx) => tx.run("MATCH (e:Entity {id: 'niger'}) REMOVE e.sortName"));
    expect(await countries()).not.toContain('niger');
    // ...until the schema step that runs at every start gives them one.
    await ensureGraphSchema(database);
    expect(await countries()).toEqual(before);
  });

  it('applies every filter given, whichever one the list starts from', async () => {
    const events = async (args: string) =>
      slugs((await query(`{ events(${args}, first: 100) { edges { node { slug } } } }`)).events);
    const filters = {
      participant: 'participant: "cnsp"',
      involving: 'involving: "niger"',
      place: 'place: "tillaberi-region"',
      near: 'near: { place: "kandadji", withinKm: 150 }',
      from: 'from: "2023-09-01"',
      types: 'types: ["Attack"]',
    };
    const alone = Object.fromEntries(
      await Promise.all(
        Object.entries(filters).map(async ([name, arg]) => [name, await events(arg)] as const),
      ),
    );
    const pairs = [
      ['participant', 'from'],
      ['involving', 'near'],
      ['involving', 'types'],
      ['place', 'types'],
      ['near', 'from'],
      ['participant', 'involving'],
    ] as const;
    // Each combination is a statement of its own, which Neo4j plans on first sight: all at once.
    const combined = await Promise.all(
      pairs.map(([a, b]) => events(`${filters[a]}, ${filters[b]}`)),
    );
    let narrowed = 0;
    pairs.forEach(([a, b], i) => {
      const both = combined[i]!;
      expect(both, `${a} and ${b}`).toEqual(
        alone[a].filter((slug: string) => alone[b].includes(slug)),
      );
      if (both.length > 0 && both.length < Math.min(alone[a].length, alone[b].length)) narrowed++;
    });
    expect(narrowed).toBeGreaterThan(0);
  });

  it('lists events in a date range, aware of precision, and by type, place and participant', async () => {
    const [august, coups, inTillaberi, byCnsp] = await Promise.all([
      query(`{ events(from: "2023-08-01", to: "2023-08-31") { edges { node { slug } } } }`),
      query(`{ events(types: ["Coup"], orderBy: DATE_DESC) { edges { node { slug } } } }`),
      query(`{ events(place: "tillaberi-region") { edges { node { slug } } } }`),
      query(`{ events(participant: "cnsp") { edges { node { slug } } } }`),
    ]);
    expect(slugs(august.events)).toContain('koutougou-attack-2023-08-15');
    expect(slugs(august.events)).toContain('protests-against-france-niger-2023'); // known only to the year
    expect(slugs(august.events)).not.toContain('kandadji-attack-2023-09-28');

    expect(slugs(coups.events)).toEqual([
      'niger-coup-2023',
      'burkina-faso-coup-2022-09',
      'burkina-faso-coup-2022-01',
      'mali-coup-2021',
      'mali-coup-2020',
    ]);
    expect(slugs(inTillaberi.events)).toEqual(
      expect.arrayContaining(['kandadji-attack-2023-09-28', 'koutougou-attack-2023-08-15']),
    );
    expect(slugs(byCnsp.events)).toContain('niger-coup-2023');
  });
});

describe('search', () => {
  it.each([
    ['Tiani', 'abdourahamane-tchiani'],
    ['tillaberi', 'tillaberi-region'],
    ['Bazum', 'mohamed-bazoum'],
    ['the junta', 'cnsp'],
    ['KANDADJI', 'kandadji'],
  ])('finds "%s" → %s, ranked by score', async (text, expected) => {
    const data = await query(
      `query ($q: String!) { search(query: $q, first: 5) { totalCount edges { score node { slug } } } }`,
      { q: text },
    );
    expect(slugs(data.search)).toContain(expected);
    const scores = data.search.edges.map((edge: any) => edge.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(scores.every((score: number) => score > 0)).toBe(true);
  });

  it('keeps only the kinds asked for', async () => {
    const data = await query(
      `{ search(query: "Kandadji", kinds: [EVENT]) { edges { node { kind } } } }`,
    );
    expect(data.search.edges.length).toBeGreaterThan(0);
    expect(new Set(data.search.edges.map((edge: any) => edge.node.kind))).toEqual(
      new Set(['EVENT']),
    );
  });
});

describe('typed relationship fields', () => {
  it('walks from the junta to its leader, and from a country to its neighbours and capital', async () => {
    const data = await query(`{
      cnsp: entity(slug: "cnsp") { ... on Organization { leaders { node { slug } validFrom { value } } } }
      niger: entity(slug: "niger") { ... on Country { neighbours { slug } capital { slug ... on Place { location { latitude longitude precisionKm confidence } } } } }
      kandadji: entity(slug: "kandadji") { ... on Place { location { precisionKm confidence } locatedIn { slug } } }
    }`);
    expect(data.cnsp.leaders).toEqual([
      { node: { slug: 'abdourahamane-tchiani' }, validFrom: { value: '2023-07-26' } },
    ]);
    expect(data.niger.neighbours.map((country: any) => country.slug)).toEqual([
      'burkina-faso',
      'mali',
    ]);
    expect(data.niger.capital).toEqual({
      slug: 'niamey',
      location: { latitude: 13.51, longitude: 2.11, precisionKm: 5, confidence: 'REPORTED' },
    });
    expect(data.kandadji.location).toEqual({ precisionKm: 10, confidence: 'UNVERIFIED' });
    expect(data.kandadji.locatedIn.map((place: any) => place.slug)).toContain('tillaberi-region');
  });

  it('gives an event its date with precision and phrase, its place and its participants with roles', async () => {
    const data = await query(`{ entity(slug: "koutougou-attack-2023-08-15") { ... on Event {
      date { value precision earliest latest phrase } place { slug }
      participants { role node { slug } sources { slug } } } } }`);
    expect(data.entity.date).toEqual({
      value: '2023-08-15',
      precision: 'DAY',
      earliest: '2023-08-15',
      latest: '2023-08-15',
      phrase: 'Mid-August',
    });
    expect(data.entity.place).toEqual({ slug: 'koutougou' });
    expect(data.entity.participants.length).toBeGreaterThan(0);
    expect(data.entity.participants.every((p: any) => p.sources.length > 0)).toBe(true);
  });

  it('answers who governed Niger as of a day', async () => {
    const data = await query(`{ entity(slug: "niger") { ... on Country {
      july: governments(asOf: "2023-07-01") { node { slug } }
      august: governments(asOf: "2023-08-01") { node { slug } } } } }`);
    expect(new Set(data.entity.july.map((r: any) => r.node.slug))).toEqual(
      new Set(['mohamed-bazoum']),
    );
    expect(new Set(data.entity.august.map((r: any) => r.node.slug))).toEqual(new Set(['cnsp']));
  });
});

describe('relations, claims and sources', () => {
  it('filters the generic relations connection by type and direction, with evidence on each edge', async () => {
    const data =
      await query(`{ entity(slug: "jnim") { relations(types: ["AFFILIATED_WITH"], direction: OUTGOING) {
      totalCount edges { type direction node { slug } evidence { quote source { slug } sentence { text } } } } } }`);
    expect(data.entity.relations.edges.length).toBeGreaterThan(0);
    for (const edge of data.entity.relations.edges) {
      expect(edge).toMatchObject({ type: 'AFFILIATED_WITH', direction: 'OUTGOING' });
      expect(edge.evidence.length).toBeGreaterThan(0);
      for (const item of edge.evidence)
        expect(item.sentence.text.replace(/\s/g, '')).toContain(item.quote.replace(/\s/g, ''));
    }
    expect(data.entity.relations.edges.map((edge: any) => edge.node.slug)).toContain('al-qaeda');
  });

  it("shows an event's disagreeing claims side by side with their sources", async () => {
    const data = await query(`{ entity(slug: "kandadji-attack-2023-09-28") {
      claims(properties: ["soldiers_killed"]) { totalCount edges { node { value qualifier claimedBy { slug } reportedIn { slug } reports { slug } sentence { index } } } } } }`);
    expect(data.entity.claims.totalCount).toBe(2);
    expect(data.entity.claims.edges.map((edge: any) => edge.node)).toEqual([
      {
        value: 10,
        qualifier: 'AT_LEAST',
        claimedBy: { slug: 'senior-military-officer-reuters-2023-09-28' },
        reportedIn: { slug: 'article-niger-2023-09-29' },
        reports: [{ slug: 'article-niger-2023-09-29' }],
        sentence: { index: 4 },
      },
      {
        value: 12,
        qualifier: 'AT_LEAST',
        claimedBy: { slug: 'niger-defence-ministry-statement-2023-09-28' },
        reportedIn: { slug: 'article-niger-2023-09-29' },
        reports: [{ slug: 'article-niger-2023-09-29' }],
        sentence: { index: 1 },
      },
    ]);
  });

  it("lists sources by kind, and a source's claims and the entities it mentions", async () => {
    const data = await query(`{
      sources(kinds: [ANONYMOUS_SOURCE]) { totalCount edges { node { slug citedIn { slug } } } }
      source(slug: "senior-military-officer-reuters-2023-09-28") {
        spokeTo { slug } claims { edges { node { value } } } mentions { edges { node { slug } } } }
      claims(properties: ["soldiers_killed"], about: "koutougou-attack-2023-08-15") { totalCount }
    }`);
    expect(data.sources.totalCount).toBe(2);
    expect(
      data.sources.edges.every(
        (edge: any) => edge.node.citedIn.slug === 'article-niger-2023-09-29',
      ),
    ).toBe(true);
    expect(data.source.spokeTo).toEqual({ slug: 'reuters' });
    expect(data.source.claims.edges).toEqual([{ node: { value: 10 } }]);
    expect(slugs(data.source.mentions)).toContain('kandadji-attack-2023-09-28');
    expect(data.claims.totalCount).toBe(2);
  });
});

describe('bad input', () => {
  it.each([
    ['{ entities(first: 10000) { totalCount } }', 'first'],
    ['{ entities(first: -1) { totalCount } }', 'first'],
    ['{ entities(after: "bogus") { totalCount } }', 'after'],
    ['{ events(from: "2023-09-01", to: "2023-08-01") { totalCount } }', 'to'],
    ['{ events(types: ["Picnic"]) { totalCount } }', 'types'],
    ['{ entity(slug: "niger") { relations(types: ["LIKES"]) { totalCount } } }', 'types'],
    ['{ search(query: "  ") { totalCount } }', 'query'],
    ['{ entity(slug: "niger") { relations(minSources: 0) { totalCount } } }', 'minSources'],
    ['{ neighborhood(slug: "niger", minSources: 0) { truncated } }', 'minSources'],
    ['{ path(from: "niger", to: "mali", minSources: 0) { truncated } }', 'minSources'],
  ])('%s → BAD_USER_INPUT naming %s', async (source, argumentName) => {
    const error = await errorOf(source);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName });
    expect(error.message).toContain(`Argument "${argumentName}"`);
  });

  it('names the argument of an unknown kind or a malformed date, literal or variable', async () => {
    const kind = await errorOf('{ entities(kinds: [SPACESHIP]) { totalCount } }');
    expect(kind.message).toMatch(/SPACESHIP/);
    expect(kind.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'kinds' });
    const literalDate = await errorOf('{ events(from: "2023-02-30") { totalCount } }');
    expect(literalDate.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
    const nested = await errorOf(
      '{ events(near: { place: "niamey", withinKm: "far" }) { totalCount } }',
    );
    expect(nested.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'near' });
    const variable = await errorOf('query ($d: LocalDate) { events(from: $d) { totalCount } }', {
      d: '2023-02-30',
    });
    expect(variable.message).toMatch(/\$d/);
    expect(variable.extensions).toMatchObject({ code: 'BAD_USER_INPUT', variableName: 'd' });
  });
});

describe('cost', () => {
  const NESTED = `query ($first: Int!) {
    entities(first: $first) { edges { node { slug
      relations(first: 10) { edges { type node { slug } sources { slug } evidence { sentence { index } } } }
      claims(first: 5) { edges { node { value claimedBy { slug } } } } } } } }`;

  it('runs a small constant number of Cypher queries, however many entities are asked for', async () => {
    const cost = async (first: number) => {
      const before = seeded().database.queryCount;
      const data = await query(NESTED, { first });
      expect(data.entities.edges).toHaveLength(first);
      return seeded().database.queryCount - before;
    };
    // One query per kind of lookup, whatever the number of entities (an N+1 would make 50 cost
    // 50+): the entity page, their relations, their claims, the claimants and the evidence
    // sentences. The bound does not depend on timing: the relations answer already carries its
    // sources, so the claimants' batch is the only source lookup, and each loader's keys come
    // from one parent answer.
    expect(await cost(5)).toBeLessThanOrEqual(5);
    expect(await cost(50)).toBeLessThanOrEqual(5);
  });

  it('reads evidence and sources where the selection asks for them, through aliases, at either level, in one statement', async () => {
    const before = seeded().database.queryCount;
    const data = await query(`{ entity(slug: "niger") {
      plain: relations(first: 10) { edges { type role sourceCount node { slug
        relations(first: 3) { edges { type evidence { quote source { slug } } } } } } }
      full: relations(first: 10) { edges { type role sourceCount sources { slug }
        evidence { quote source { slug } } node { slug relations(first: 3) { edges { type } } } } }
    } }`);
    expect(seeded().database.queryCount - before).toBe(1);
    const { plain, full } = data.entity;
    expect(full.edges.length).toBe(10);
    const fact = ({ type, role, sourceCount, node }: any) => ({
      type,
      role,
      sourceCount,
      slug: node.slug,
    });
    expect(plain.edges.map(fact)).toEqual(full.edges.map(fact));
    for (const edge of full.edges) {
      expect(edge.evidence.map((item: any) => item.source)).toEqual(edge.sources);
      expect(new Set(edge.sources.map((source: any) => source.slug)).size).toBe(edge.sourceCount);
      expect(edge.evidence.every((item: any) => item.quote.length > 0)).toBe(true);
    }
    // The level below asks for evidence where the level above does not, and the other way round.
    plain.edges.forEach((edge: any, i: number) => {
      const inner = edge.node.relations.edges;
      expect(inner.map((item: any) => item.type)).toEqual(
        full.edges[i].node.relations.edges.map((item: any) => item.type),
      );
      for (const item of inner) expect(item.evidence.length).toBeGreaterThan(0);
    });
  });

  it('reads dates and descriptions where the selection asks for them, the same as read with the evidence', async () => {
    const date = 'earliest latest precision phrase';
    const data = await query(`{ entity(slug: "niger") {
      brief: relations(first: 30) { edges { type role confidence node { slug } } }
      dated: relations(first: 30) { edges { type role confidence description
        validFrom { ${date} } validTo { ${date} } node { slug } } }
      whole: relations(first: 30) { edges { type role confidence description
        validFrom { ${date} } validTo { ${date} } evidence { quote } node { slug } } }
    } }`);
    const { brief, dated, whole } = data.entity;
    const withoutEvidence = ({ evidence: _evidence, ...edge }: any) => edge;
    expect(dated.edges).toEqual(whole.edges.map(withoutEvidence));
    expect(brief.edges).toEqual(
      dated.edges.map(({ type, role, confidence, node }: any) => ({
        type,
        role,
        confidence,
        node,
      })),
    );
    // What the comparison is about is there to compare.
    expect(dated.edges.some((edge: any) => edge.validFrom !== null)).toBe(true);
    expect(dated.edges.some((edge: any) => edge.role !== null)).toBe(true);
  });

  it('answers events near a place with their participants, cited or not, in one statement', async () => {
    const before = seeded().database.queryCount;
    const data =
      await query(`{ events(near: { place: "niamey", withinKm: 200 }, first: 10) { edges { node {
      slug ... on Event { participants { role node { slug } } cited: participants { role evidence { quote source { slug } } } }
    } } } }`);
    expect(seeded().database.queryCount - before).toBe(1);
    const events = data.events.edges.map((edge: any) => edge.node);
    expect(events.length).toBeGreaterThan(0);
    expect(events.some((event: any) => event.participants.length > 0)).toBe(true);
    for (const event of events) {
      expect(event.cited.map((item: any) => item.role)).toEqual(
        event.participants.map((item: any) => item.role),
      );
      for (const item of event.cited) expect(item.evidence.length).toBeGreaterThan(0);
    }
  });

  it('answers nested relationships, and the typed relationships of listed events, with the level above', async () => {
    const statements = async (source: string, variables: Record<string, unknown> = {}) => {
      const before = seeded().database.queryCount;
      const data = await query(source, variables);
      return { data, count: seeded().database.queryCount - before };
    };
    const twoLevels = `query ($slug: String!) {
      entity(slug: $slug) { name relations(first: 10) { totalCount edges { type sources { name }
        node { slug ... on Country { relations(first: 5, types: ["BORDERS", "LOCATED_IN"]) {
          edges { type node { slug name } } } } } } } }
    }`;
    const nested = await statements(twoLevels, { slug: 'niger' });
    const edges = nested.data.entity.relations.edges;
    expect(edges.length).toBe(10);
    const withInner = edges.filter((edge: any) => edge.node.relations?.edges.length > 0);
    expect(withInner.length).toBeGreaterThan(0);
    expect(nested.count).toBe(1);
    // The same answers as asking one level at a time.
    for (const edge of withInner) {
      const alone = await query(
        `query ($slug: String!) { entity(slug: $slug) { relations(first: 5, types: ["BORDERS", "LOCATED_IN"]) { edges { type node { slug name } } } } }`,
        { slug: edge.node.slug },
      );
      expect(edge.node.relations).toEqual(alone.entity.relations);
    }

    const listed = await statements(
      `{ events(from: "2023-07-01", first: 20) { edges { node { slug ... on Event {
          participants { role node { slug } } places { node { slug } } } } } } }`,
    );
    const events = listed.data.events.edges.map((edge: any) => edge.node);
    expect(events.some((event: any) => event.participants.length > 0)).toBe(true);
    expect(listed.count).toBe(1);
    for (const event of events.slice(0, 5)) {
      const alone = await query(
        `query ($slug: String!) { entity(slug: $slug) { ... on Event { participants { role node { slug } } places { node { slug } } } } }`,
        { slug: event.slug },
      );
      expect(alone.entity).toEqual({ participants: event.participants, places: event.places });
    }
  });

  it('reads the other ends briefly only when the query asks no more of them than their names', async () => {
    const data = await query(`{
      entity(slug: "niger") {
        brief: relations(first: 8) { edges { node { slug name kind } } }
        whole: relations(first: 8) { edges { node { slug ...Described } } }
      }
    }
    fragment Described on Entity { description aliases }`);
    const { brief, whole } = data.entity;
    expect(brief.edges.map((e: any) => e.node.slug)).toEqual(
      whole.edges.map((e: any) => e.node.slug),
    );
    for (const edge of whole.edges) {
      const alone = await query(
        `query ($slug: String!) { entity(slug: $slug) { description aliases } }`,
        { slug: edge.node.slug },
      );
      expect(edge.node).toEqual({ slug: edge.node.slug, ...alone.entity });
      expect(edge.node.description.length).toBeGreaterThan(0);
    }
  });

  it('returns plain numbers and ISO dates, never Neo4j integer objects', async () => {
    const { body } = await postGraphQL(
      seeded().url,
      `{ graphStats { nodeCount } entity(slug: "niger-coup-2023") { ... on Event { date { earliest } } } claims(first: 50) { edges { node { value } } } }`,
    );
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/"low"|"high"/);
    expect((body.data as any).entity.date.earliest).toBe('2023-07-26');
  });
});
