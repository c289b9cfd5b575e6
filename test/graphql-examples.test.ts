/** Each operation in examples/ runs against the seeded graph, without errors, and says what it should. */
import { describe, expect, it } from 'vitest';
import { readExamples } from './support/examples.js';
import { postGraphQL, useSeededService } from './support/service.js';

const seeded = useSeededService();

/* eslint-disable @typescript-eslint/no-explicit-any -- the answers are checked by shape below */
const expectations: Record<string, (data: any) => void> = {
  'casualty-claims': (data) => {
    const claims = data.entity.casualtyClaims.filter(
      (claim: any) => claim.property === 'soldiers_killed',
    );
    expect(
      claims.map((claim: any) => [claim.value, claim.qualifier, claim.claimedBy.kind]),
    ).toEqual([
      [10, 'AT_LEAST', 'ANONYMOUS_SOURCE'],
      [12, 'AT_LEAST', 'STATEMENT'],
    ]);
    expect(claims[0].claimedBy.spokeTo.name).toBe('Reuters');
  },
  'entities-in-region': (data) => {
    const slugs = data.entities.edges.map((edge: any) => edge.node.slug);
    expect(slugs).toEqual(
      expect.arrayContaining([
        'kandadji',
        'kandadji-attack-2023-09-28',
        'koutougou-attack-2023-08-15',
      ]),
    );
    expect(slugs).not.toContain('niamey');
  },
  junta: (data) => {
    expect(data.entity.aliases).toContain('military junta');
    expect(data.entity.leaders[0].node.name).toBe('Abdourahamane Tchiani');
    expect(data.entity.governs.map((relation: any) => relation.node.name)).toContain('Niger');
  },
  'one-fact-many-sources': (data) => {
    const governed = data.niger.governedOn20230701;
    expect(governed.totalCount).toBe(1);
    const [bazoum] = governed.edges;
    expect(bazoum).toMatchObject({
      node: { name: 'Mohamed Bazoum' },
      validTo: { value: '2023-07-26', precision: 'DAY' },
      sourceCount: 2,
    });
    expect(
      bazoum.evidence.map((item: any) => [
        item.source.kind,
        item.validTo.value,
        item.validTo.phrase,
      ]),
    ).toEqual([
      ['REFERENCE_WORK', '2023-07-26', null],
      ['ARTICLE', '2023-07', 'in July'],
    ]);
    const corroborated = data.niger.corroborated.edges;
    expect(corroborated.length).toBeGreaterThan(3);
    expect(corroborated.every((edge: any) => edge.sourceCount >= 2)).toBe(true);
    expect(data.source.facts.edges.map((edge: any) => edge.node.relation.type)).toEqual([
      'DETAINED',
      'GOVERNS',
      'PARTICIPATED_IN',
    ]);
  },
  node: (data) => expect(data.node).toMatchObject({ __typename: 'Person', slug: 'mohamed-bazoum' }),
  'relations-with-sources': (data) => {
    const governs = data.entity.relations.edges.find(
      (edge: any) => edge.type === 'GOVERNS' && edge.validFrom,
    );
    expect(governs).toMatchObject({
      validFrom: { value: '2021-04-02' },
      validTo: { value: '2023-07-26' },
      node: { slug: 'niger' },
    });
    expect(governs.evidence[0].source.kind).toBe('REFERENCE_WORK');
  },
  path: (data) => {
    expect(data.path.paths.length).toBeGreaterThan(0);
    expect(data.path.paths[0].steps[0].from.name).toBe('France');
  },
  neighborhood: (data) => {
    expect(data.neighborhood.nodes[0].node.slug).toBe('kandadji-attack-2023-09-28');
    expect(data.neighborhood.links.length).toBeGreaterThan(5);
  },
  'casualty-statistics': (data) => {
    expect(
      data.casualtyStatistics.map((bucket: any) => [bucket.key, bucket.lowest, bucket.highest]),
    ).toEqual([
      ['2023-08', 17, 17],
      ['2023-09', 10, 12],
    ]);
  },
  'near-niamey': (data) => {
    expect(data.events.edges.map((edge: any) => edge.node.name)).toContain('Kandadji attack');
    expect(data.kandadji.distanceTo.statedClaims[0].value).toBe(190);
  },
  cypher: (data) => {
    expect(data.cypher.columns).toEqual(['source', 'claim', 'value']);
    expect(data.cypher.rows.map((row: any) => row[2])).toEqual(
      expect.arrayContaining([12, 10, 7, 5]),
    );
  },
  search: (data) => expect(data.search.edges[0].node.slug).toBe('abdourahamane-tchiani'),
  'source-provenance': (data) => {
    expect(data.source.issuedBy.name).toMatch(/Ministry of Defence/);
    expect(data.source.claims.edges.map((edge: any) => edge.node.value)).toEqual(
      expect.arrayContaining([12, 7, 5, 100]),
    );
    expect(data.source.mentions.edges.map((edge: any) => edge.node.slug)).toContain(
      'kandadji-attack-2023-09-28',
    );
  },
  timeline: (data) => {
    const dated = data.events.edges
      .map((edge: any) => edge.node)
      .filter((event: any) => event.date?.precision === 'DAY');
    const days = dated.map((event: any) => event.date.value);
    expect(days).toEqual([...days].sort());
    expect(dated.map((event: any) => event.slug)).toEqual(
      expect.arrayContaining([
        'niger-coup-2023',
        'koutougou-attack-2023-08-15',
        'kandadji-attack-2023-09-28',
      ]),
    );
  },
  'who-governed-niger': (data) => {
    // One fact, however many documents state it.
    expect(data.niger.beforeCoup.map((relation: any) => relation.node.name)).toEqual([
      'Mohamed Bazoum',
    ]);
    expect(new Set(data.niger.afterCoup.map((relation: any) => relation.node.name))).toEqual(
      new Set(['National Council for the Safeguard of the Homeland']),
    );
    expect(data.niger.neighbours.map((country: any) => country.name)).toEqual([
      'Burkina Faso',
      'Mali',
    ]);
  },
};

describe('examples/', () => {
  const examples = readExamples();

  it('has an expectation for every example, and an example for every expectation', () => {
    expect(examples.map((example) => example.name)).toEqual(Object.keys(expectations).sort());
  });

  it.each(examples)('$name runs without errors and answers as expected', async (example) => {
    const { name, query, variables } = example;
    const { status, body } = await postGraphQL(seeded().url, query, variables);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expectations[name]!(body.data);
  });
});
