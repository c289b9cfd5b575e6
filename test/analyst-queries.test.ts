/**
 * The analysts' questions, answered from the seeded graph: paths, neighbourhoods, validity in
 * time, timelines, distances and casualty aggregations; and their limits, as errors with codes.
 */
import { describe, expect, it } from 'vitest';
import { graphqlClient } from './support/graphql.js';
import { useSeededService } from './support/service.js';

const seeded = useSeededService();
const { query, errorOf } = graphqlClient(seeded);

/* eslint-disable @typescript-eslint/no-explicit-any -- answers are checked by shape */

describe('How is France connected to JNIM?', () => {
  it('answers the shortest paths, each step with its type, direction and sources', async () => {
    const { path } = await query(`{ path(from: "france", to: "jnim", first: 50) { truncated paths {
      length nodes { slug } steps { from { slug } to { slug } relation { type direction evidence { source { slug } quote } } } } } }`);
    expect(path.paths.length).toBeGreaterThan(0);
    const length = path.paths[0].length;
    for (const found of path.paths) {
      expect(found.length).toBe(length);
      expect(found.nodes[0].slug).toBe('france');
      expect(found.nodes.at(-1).slug).toBe('jnim');
      found.steps.forEach((step: any, i: number) => {
        expect(step.from.slug).toBe(found.nodes[i].slug);
        expect(step.to.slug).toBe(found.nodes[i + 1].slug);
        expect(step.relation.evidence.length).toBeGreaterThan(0);
      });
    }
    expect(length).toBeLessThanOrEqual(4);
  });

  it('keeps only the relationship types asked for, and says when paths were cut', async () => {
    const { path } = await query(
      `{ path(from: "mali", to: "burkina-faso", types: ["BORDERS", "LOCATED_IN"], first: 1) { truncated paths { steps { relation { type } } } } }`,
    );
    expect(path.paths).toHaveLength(1);
    const types = path.paths[0].steps.map((step: any) => step.relation.type);
    expect(types).toHaveLength(2);
    expect(types.every((type: string) => ['BORDERS', 'LOCATED_IN'].includes(type))).toBe(true);
    // Two ways of two steps: through Niger (borders), through the tri-border area (located in).
    expect(path.truncated).toBe(true);
  });

  it('gives the entities along whole or brief, as each path field asks, in one query', async () => {
    const data = await query(`{
      brief: path(from: "france", to: "jnim", first: 50) { paths { nodes { slug name kind } } }
      whole: path(from: "france", to: "jnim", first: 50) { paths { nodes { slug name kind description } } }
      france: entity(slug: "france") { description } }`);
    const nodes = (answer: any) => answer.paths.flatMap((found: any) => found.nodes);
    expect(nodes(data.brief).length).toBeGreaterThan(1);
    expect(nodes(data.whole).map(({ description, ...brief }: any) => brief)).toEqual(
      nodes(data.brief),
    );
    expect(nodes(data.whole)[0]).toMatchObject({
      slug: 'france',
      description: data.france.description,
    });
    expect(data.france.description).not.toBe('');
  });

  it('refuses a path longer than 6 and an unknown entity', async () => {
    const tooLong = await errorOf(
      '{ path(from: "france", to: "jnim", maxLength: 7) { truncated } }',
    );
    expect(tooLong.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'maxLength',
      limit: 6,
    });
    const unknown = await errorOf('{ path(from: "atlantis", to: "jnim") { truncated } }');
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
  });
});

describe('The neighbourhood of the Kandadji attack, two hops out', () => {
  it('holds nodes with their distance and every link among them, in one payload', async () => {
    const { neighborhood } =
      await query(`{ neighborhood(slug: "kandadji-attack-2023-09-28", depth: 2, limit: 500) {
      truncated nodes { distance node { slug } } links { id source target type relation { evidence { source { slug } } } } } }`);
    const slugs = neighborhood.nodes.map((n: any) => n.node.slug);
    expect(neighborhood.nodes[0]).toEqual({
      distance: 0,
      node: { slug: 'kandadji-attack-2023-09-28' },
    });
    expect(slugs).toEqual(
      expect.arrayContaining(['kandadji', 'niger-armed-forces', 'tillaberi-region', 'niger']),
    );
    const distance = Object.fromEntries(
      neighborhood.nodes.map((n: any) => [n.node.slug, n.distance]),
    );
    expect(distance.kandadji).toBe(1);
    expect(distance['tillaberi-region']).toBe(2);
    expect(neighborhood.truncated).toBe(false);
    for (const link of neighborhood.links) {
      expect(slugs).toContain(link.source);
      expect(slugs).toContain(link.target);
      expect(link.relation.evidence.length).toBeGreaterThan(0);
    }
    expect(neighborhood.links).toContainEqual(
      expect.objectContaining({
        source: 'kandadji-attack-2023-09-28',
        target: 'kandadji',
        type: 'OCCURRED_AT',
      }),
    );
  });

  it('keeps the nearest when capped, says so, and refuses depths and caps past the limits', async () => {
    const { neighborhood } = await query(
      `{ neighborhood(slug: "kandadji-attack-2023-09-28", depth: 2, limit: 3) { truncated nodes { distance } } }`,
    );
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.nodes).toHaveLength(4);
    expect(neighborhood.nodes.slice(1).every((n: any) => n.distance === 1)).toBe(true);
    expect(
      (await errorOf('{ neighborhood(slug: "niger", depth: 4) { truncated } }')).extensions,
    ).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'depth',
    });
    expect(
      (await errorOf('{ neighborhood(slug: "niger", limit: 501) { truncated } }')).extensions,
    ).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      argumentName: 'limit',
    });
    expect(await query('{ neighborhood(slug: "atlantis") { truncated } }')).toEqual({
      neighborhood: null,
    });
  });
});

describe('Who governed Niger on 2023-07-01, and on 2023-08-01?', () => {
  it('filters relationships by their validity interval', async () => {
    const data = await query(`{ entity(slug: "niger") {
      july: relations(types: ["GOVERNS"], direction: INCOMING, asOf: "2023-07-01") { edges { node { slug } } }
      august: relations(types: ["GOVERNS"], direction: INCOMING, asOf: "2023-08-01") { edges { node { slug } } }
      ever: relations(types: ["GOVERNS"], direction: INCOMING) { edges { node { slug } } } } }`);
    const governors = (connection: any) => [
      ...new Set(connection.edges.map((edge: any) => edge.node.slug)),
    ];
    expect(governors(data.entity.july)).toEqual(['mohamed-bazoum']);
    expect(governors(data.entity.august)).toEqual(['cnsp']);
    expect(governors(data.entity.ever).sort()).toEqual(['cnsp', 'mohamed-bazoum']);
  });
});

describe('Timeline of events involving the CNSP', () => {
  it('orders events by date and says how precise each date is', async () => {
    const { timeline } = await query(
      `{ timeline(entity: "cnsp") { totalCount edges { node { slug ... on Event { date { value precision earliest } } } } } }`,
    );
    const events = timeline.edges.map((edge: any) => edge.node);
    expect(events.map((event: any) => event.slug)).toContain('niger-coup-2023');
    const earliest = events.map((event: any) => event.date?.earliest ?? '9999');
    expect(earliest).toEqual([...earliest].sort());
    expect(
      events.find((event: any) => event.slug === 'junta-pressure-on-france-2023').date.precision,
    ).toBe('YEAR');
  });

  it('gives a place the events inside it', async () => {
    const { timeline } = await query(
      `{ timeline(entity: "tillaberi-region") { edges { node { slug } } } }`,
    );
    expect(timeline.edges.map((edge: any) => edge.node.slug)).toEqual(
      expect.arrayContaining(['koutougou-attack-2023-08-15', 'kandadji-attack-2023-09-28']),
    );
  });
});

describe('Events within 200 km of Niamey', () => {
  it('finds them by point distance, and shows computed and stated distances side by side', async () => {
    const data = await query(`{
      events(near: { place: "niamey", withinKm: 200 }) { edges { node { slug } } }
      close: events(near: { place: "niamey", withinKm: 50 }) { edges { node { slug } } }
      kandadji: entity(slug: "kandadji") { ... on Place { distanceTo(place: "niamey") { computedKm precisionKm statedClaims { value qualifier unit claimedBy { slug } } } } } }`);
    const near = data.events.edges.map((edge: any) => edge.node.slug);
    expect(near).toEqual(
      expect.arrayContaining([
        'kandadji-attack-2023-09-28',
        'protest-french-base-niamey-2023-09-28',
      ]),
    );
    expect(data.close.edges.map((edge: any) => edge.node.slug)).not.toContain(
      'kandadji-attack-2023-09-28',
    );
    const distance = data.kandadji.distanceTo;
    expect(distance.computedKm).toBeGreaterThan(160);
    expect(distance.computedKm).toBeLessThan(180);
    expect(distance.precisionKm).toBe(15);
    expect(distance.statedClaims).toEqual([
      {
        value: 190,
        qualifier: 'ABOUT',
        unit: 'km',
        claimedBy: { slug: 'article-niger-2023-09-29' },
      },
    ]);
  });

  it('refuses an unknown centre or a radius out of range', async () => {
    expect(
      (await errorOf('{ events(near: { place: "atlantis", withinKm: 10 }) { totalCount } }'))
        .extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'near',
    });
    expect(
      (await errorOf('{ events(near: { place: "niamey", withinKm: -1 }) { totalCount } }'))
        .extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      argumentName: 'near',
    });
  });

  it('says the same of an unknown centre or one without coordinates, whatever the list starts from', async () => {
    const notAPlace = (slug: string) => ({
      message: `Argument "near": "${slug}" is not a place with coordinates`,
      extensions: { code: 'BAD_USER_INPUT', argumentName: 'near' },
    });
    for (const source of [
      '{ events(near: { place: "atlantis", withinKm: 10 }) { edges { node { slug } } } }',
      '{ events(participant: "cnsp", near: { place: "atlantis", withinKm: 10 }) { totalCount } }',
      '{ entities(near: { place: "atlantis", withinKm: 10 }) { edges { node { slug } } } }',
    ]) {
      expect(await errorOf(source)).toMatchObject(notAPlace('atlantis'));
    }
    expect(
      await errorOf('{ events(near: { place: "cnsp", withinKm: 10 }) { totalCount } }'),
    ).toMatchObject(notAPlace('cnsp'));
    // A known place with nothing near it: an empty list, not an error.
    const data = await query(
      '{ events(near: { place: "niamey", withinKm: 200 }, from: "1900-01-01", to: "1900-12-31") { totalCount edges { node { slug } } } }',
    );
    expect(data.events).toEqual({ totalCount: 0, edges: [] });
  });
});

describe('Soldiers killed by month, by region, by actor', () => {
  it('shows for each bucket the lowest and highest claimed figure, the sources and a best estimate', async () => {
    const data = await query(`{
      month: casualtyStatistics(groupBy: MONTH) { key eventCount lowest highest bestEstimate sourceCount claims { value } }
      region: casualtyStatistics(groupBy: REGION) { key lowest highest }
      actor: casualtyStatistics(groupBy: ACTOR) { key lowest highest } }`);
    expect(
      data.month.map(({ claims, ...bucket }: any) => ({
        ...bucket,
        claims: claims.map((c: any) => c.value).sort(),
      })),
    ).toEqual([
      {
        key: '2023-08',
        eventCount: 1,
        lowest: 17,
        highest: 17,
        bestEstimate: 17,
        sourceCount: 2,
        claims: [17, 17],
      },
      {
        key: '2023-09',
        eventCount: 1,
        lowest: 10,
        highest: 12,
        bestEstimate: 10,
        sourceCount: 2,
        claims: [10, 12],
      },
    ]);
    expect(data.region).toEqual([{ key: 'Tillabéri Region', lowest: 27, highest: 29 }]);
    expect(data.actor).toEqual([
      { key: 'Attackers at Kandadji on 2023-09-28', lowest: 10, highest: 12 },
      { key: 'unattributed', lowest: 17, highest: 17 },
    ]);
  });

  it('lists the events and claims of a bucket only where asked, the same however it is asked', async () => {
    const data = await query(`{
      counts: casualtyStatistics(groupBy: MONTH) { key eventCount sourceCount }
      listed: casualtyStatistics(groupBy: MONTH) { ...Listed }
    }
    fragment Listed on CasualtyBucket { key eventCount sourceCount events { slug } claims { value } }`);
    expect(
      data.listed.map(({ key, eventCount, sourceCount }: any) => ({
        key,
        eventCount,
        sourceCount,
      })),
    ).toEqual(data.counts);
    for (const bucket of data.listed) {
      expect(bucket.events).toHaveLength(bucket.eventCount);
      expect(bucket.claims.length).toBeGreaterThanOrEqual(bucket.eventCount);
    }
    expect(data.listed.flatMap((bucket: any) => bucket.events)).toContainEqual({
      slug: 'kandadji-attack-2023-09-28',
    });
  });

  it('aggregates another property and a date range', async () => {
    const data = await query(
      `{ casualtyStatistics(groupBy: MONTH, property: "soldiers_wounded", from: "2023-09-01") { key lowest highest } }`,
    );
    expect(data.casualtyStatistics).toEqual([{ key: '2023-09', lowest: 7, highest: 7 }]);
  });
});
