/**
 * Every fact that the issue lists for the Niger graph, read back from Neo4j after loading
 * seeds/ (not from the YAML), and the provenance rules checked over the whole graph.
 */
import { describe, expect, it } from 'vitest';
import { findNeighborhood } from '../src/store/neighborhood.js';
import {
  entityRelationsRequest,
  findRelations,
  type RelationRequest,
} from '../src/store/relations.js';
import { findSourceFacts } from '../src/store/source-facts.js';
import { rowReader } from './support/graph.js';
import { useSeededService } from './support/service.js';

const seeded = useSeededService();

const read = rowReader(() => seeded().database);

/** The first 10 relationships of an entity as the store answers them: ends brief, no sources. */
async function relationsOf(
  entityId: string,
  request: Pick<
    RelationRequest,
    'types' | 'direction' | 'asOf' | 'minSources' | 'readEvidence' | 'counted'
  >,
) {
  const [answer] = await findRelations(seeded().database, [
    entityRelationsRequest(
      entityId,
      {
        ...request,
        readDates: true,
        readDescription: true,
        briefEnds: true,
        readSources: false,
        offset: 0,
        limit: 10,
      },
      null,
    ),
  ]);
  return answer!;
}

/** The claims about an entity for one property: value, qualifier, claimant, report, sentence. */
const claimsOf = (about: string, property: string) =>
  read(
    `MATCH (c:Claim {property: $property})-[:ABOUT]->(:Entity {id: $about})
     MATCH (c)-[:CLAIMED_BY]->(claimant), (c)-[:REPORTED_IN]->(report), (c)-[:STATED_IN]->(s)
     RETURN c.value AS value, c.qualifier AS qualifier, c.unit AS unit, claimant.id AS claimant,
            report.id AS report, s.index AS sentence
     ORDER BY claimant, value`,
    { about, property },
  );

const related = (from: string, type: string) =>
  read(
    `MATCH (:Entity {id: $from})-[r]->(to:Entity) WHERE type(r) = $type RETURN DISTINCT to.id AS id ORDER BY id`,
    {
      from,
      type,
    },
  ).then((rows) => rows.map((row) => row.id));

const dateOf = (id: string, field = 'date') =>
  read(
    `MATCH (e:Entity {id: $id})
     RETURN toString(e[$field]) AS date, e[$field + 'Precision'] AS precision, e[$field + 'Phrase'] AS phrase`,
    { id, field },
  ).then((rows) => rows[0]);

const ARTICLE = 'article-niger-2023-09-29';
const MINISTRY = 'niger-defence-ministry-statement-2023-09-28';
const ATTACK = 'kandadji-attack-2023-09-28';

describe('the Kandadji attack of 2023-09-28', () => {
  it('is dated Thursday 2023-09-28 and took place at Kandadji, in Tillabéri Region of Niger', async () => {
    expect(await dateOf(ATTACK)).toEqual({
      date: '2023-09-28',
      precision: 'day',
      phrase: 'Thursday (September 28, 2023) morning',
    });
    expect(await related(ATTACK, 'OCCURRED_AT')).toContain('kandadji');
    const [path] = await read(
      `MATCH p = (:Place {id: 'kandadji'})-[:LOCATED_IN]->(:Place {id: 'tillaberi-region'})-[:LOCATED_IN]->(:Country {id: 'niger'})
       RETURN count(p) AS paths`,
    );
    expect(path!.paths).toBeGreaterThan(0);
  });

  it('keeps both death tolls side by side: at least 12 per the ministry, at least 10 per the officer', async () => {
    expect(await claimsOf(ATTACK, 'soldiers_killed')).toEqual([
      {
        value: 12,
        qualifier: 'at_least',
        unit: 'soldier',
        claimant: MINISTRY,
        report: ARTICLE,
        sentence: 1,
      },
      {
        value: 10,
        qualifier: 'at_least',
        unit: 'soldier',
        claimant: 'senior-military-officer-reuters-2023-09-28',
        report: ARTICLE,
        sentence: 4,
      },
    ]);
    const [officer] = await read(
      `MATCH (:Source {id: 'senior-military-officer-reuters-2023-09-28'})-[:SPOKE_TO]->(e) RETURN e.id AS id`,
    );
    expect(officer).toEqual({ id: 'reuters' });
  });

  it('splits the ministry toll into 7 killed in action and 5 dead in a road accident', async () => {
    expect(await claimsOf(ATTACK, 'soldiers_killed_in_action')).toMatchObject([
      { value: 7, qualifier: 'exact', claimant: MINISTRY, sentence: 2 },
    ]);
    expect(
      await claimsOf('kandadji-accident-2023-09-28', 'soldiers_killed_in_accident'),
    ).toMatchObject([{ value: 5, qualifier: 'exact', claimant: MINISTRY, sentence: 2 }]);
  });

  it('records hundreds of attackers, about 100 insurgents killed and their equipment destroyed', async () => {
    expect(await claimsOf(ATTACK, 'attackers')).toMatchObject([
      { value: 200, qualifier: 'hundreds', claimant: MINISTRY },
    ]);
    expect(await claimsOf(ATTACK, 'insurgents_killed')).toMatchObject([
      { value: 100, qualifier: 'about', claimant: MINISTRY, sentence: 7 },
    ]);
    const [equipment] = await read(
      `MATCH (c:Claim {property: 'equipment_destroyed'})-[:ABOUT]->(:Event {id: $id}) RETURN c.valueText AS text`,
      { id: ATTACK },
    );
    expect(equipment!.text).toMatch(/motorbikes and arms/);
  });

  it('records the ground troops and helicopters, one hit and landed, per two security sources', async () => {
    expect(await claimsOf(ATTACK, 'helicopters_hit')).toMatchObject([
      {
        value: 1,
        qualifier: 'exact',
        claimant: 'two-security-sources-kandadji-2023-09-28',
        sentence: 9,
      },
    ]);
    const [response] = await read(
      `MATCH (c:Claim {property: 'army_response'})-[:CLAIMED_BY]->(:Source {id: 'two-security-sources-kandadji-2023-09-28'})
       MATCH (c)-[report:REPORTED_IN]->() RETURN report.quote AS quote`,
    );
    expect(response!.quote).toMatch(/ground troops and helicopters/);
  });

  it('says that no source named the group responsible', async () => {
    const [claim] = await read(
      `MATCH (c:Claim {property: 'responsible_group'})-[:ABOUT]->(:Event {id: $id})
       MATCH (c)-[report:REPORTED_IN]->() RETURN report.quote AS quote`,
      { id: ATTACK },
    );
    expect(claim!.quote).toMatch(
      /Neither the sources nor the defense ministry say which group was responsible/,
    );
  });

  it('lies near the Mali–Burkina Faso–Niger tri-border area, where JNIM and ISSP are active', async () => {
    expect(await related('liptako-gourma-tri-border-area', 'LOCATED_IN')).toEqual(
      expect.arrayContaining(['burkina-faso', 'mali', 'niger']),
    );
    expect(await related('jnim', 'ACTIVE_IN')).toContain('liptako-gourma-tri-border-area');
    expect(await related('issp', 'ACTIVE_IN')).toContain('liptako-gourma-tri-border-area');
    expect(await related('jnim', 'AFFILIATED_WITH')).toContain('al-qaeda');
    expect(await related('issp', 'AFFILIATED_WITH')).toContain('islamic-state');
  });

  it('keeps the stated 190 km from Niamey beside the distance computed from coordinates', async () => {
    expect(await claimsOf('kandadji', 'distance_from_capital')).toMatchObject([
      { value: 190, qualifier: 'about', unit: 'km', claimant: ARTICLE, sentence: 3 },
    ]);
    const [distance] = await read(
      `MATCH (k:Place {id: 'kandadji'}), (n:Place {id: 'niamey'})
       RETURN round(point.distance(k.location, n.location) / 1000) AS km,
              k.locationConfidence AS confidence, k.locationPrecisionKm AS precisionKm`,
    );
    expect(distance!.km).toBeGreaterThan(150);
    expect(distance!.km).toBeLessThan(200);
    expect(distance).toMatchObject({ confidence: 'unverified', precisionKm: 10 });
  });
});

describe('the July coup and the region', () => {
  it('has the junta (CNSP) overthrow Bazoum on 2023-07-26, the article saying "in July"', async () => {
    expect(await dateOf('niger-coup-2023')).toEqual({
      date: '2023-07-26',
      precision: 'day',
      phrase: 'in July',
    });
    expect(await related('cnsp', 'OVERTHREW')).toContain('mohamed-bazoum');
    const [cause] = await read(
      `MATCH (c:Claim {property: 'stated_cause'})-[:ABOUT]->(:Event {id: 'niger-coup-2023'})
       MATCH (c)-[report:REPORTED_IN]->() RETURN report.quote AS quote`,
    );
    expect(cause!.quote).toMatch(/deteriorating security situation/);
  });

  it('knows the junta by its aliases and its leader by his spellings', async () => {
    const [cnsp] = await read(
      `MATCH (e:Entity {id: 'cnsp'}) RETURN e.name AS name, e.aliases AS aliases, labels(e) AS labels`,
    );
    expect(cnsp!.name).toBe('National Council for the Safeguard of the Homeland');
    expect(cnsp!.aliases).toEqual(
      expect.arrayContaining([
        'CNSP',
        'military junta',
        'Conseil national pour la sauvegarde de la patrie',
      ]),
    );
    expect(cnsp!.labels).toEqual(expect.arrayContaining(['Organization', 'MilitaryJunta']));
    expect(await related('abdourahamane-tchiani', 'LEADS')).toContain('cnsp');
    const [tchiani] = await read(
      `MATCH (e:Entity {id: 'abdourahamane-tchiani'}) RETURN e.aliases AS aliases`,
    );
    expect(tchiani!.aliases).toEqual(expect.arrayContaining(['Tiani', 'Omar Tchiani']));
  });

  it('gives Bazoum one term as President of Niger, 2021-04-02 to 2023-07-26, stated by the reference work and the article', async () => {
    const terms = await read(
      `MATCH (:Person {id: 'mohamed-bazoum'})-[r:GOVERNS]->(:Country {id: 'niger'})
       RETURN toString(r.validFrom) AS from, toString(r.validTo) AS to, r.sourceIds AS sources,
              r.evidenceValidTo AS statedTo, r.evidenceValidToPhrases AS statedToPhrases`,
    );
    expect(terms).toEqual([
      {
        from: '2021-04-02',
        to: '2023-07-26',
        sources: ['wikipedia-mohamed-bazoum', ARTICLE],
        statedTo: ['2023-07-26', '2023-07'],
        statedToPhrases: ['', 'in July'],
      },
    ]);
  });

  it('answers who governed Niger on 2023-07-01 with one edge, with evidence from the article and the reference work', async () => {
    const governments = async (readEvidence: boolean) => {
      const answer = await relationsOf('niger', {
        types: ['GOVERNS'],
        direction: 'INCOMING',
        asOf: '2023-07-01',
        readEvidence,
        counted: true,
      });
      expect(answer.page.totalCount).toBe(1);
      expect(answer.sources).toEqual([]);
      return answer.page.items[0]!;
    };
    const bazoum = await governments(true);
    expect(bazoum.otherId).toBe('mohamed-bazoum');
    expect(bazoum.evidence!.map((item) => item.sourceId)).toEqual([
      'wikipedia-mohamed-bazoum',
      ARTICLE,
    ]);
    expect(bazoum.sourceCount).toBe(2);
    // Read without its evidence: the same fact, its dates and sources, and no quotes.
    const { evidence, ...withoutEvidence } = bazoum;
    expect(evidence).toHaveLength(2);
    expect(await governments(false)).toEqual({ ...withoutEvidence, evidence: null });
  });

  it('has two coups each in Mali and Burkina Faso in the three years before, with who ousted whom', async () => {
    const coups = await read(
      `MATCH (c:Coup)-[:OCCURRED_IN]->(country:Country) WHERE country.id IN ['mali', 'burkina-faso']
       RETURN DISTINCT country.id AS country, toString(c.date) AS date ORDER BY date`,
    );
    expect(coups).toEqual([
      { country: 'mali', date: '2020-08-18' },
      { country: 'mali', date: '2021-05-24' },
      { country: 'burkina-faso', date: '2022-01-24' },
      { country: 'burkina-faso', date: '2022-09-30' },
    ]);
    expect(await related('ibrahim-traore', 'OVERTHREW')).toEqual(['paul-henri-sandaogo-damiba']);
    expect(await claimsOf('mali', 'coups_in_past_three_years')).toMatchObject([
      { value: 2, claimant: ARTICLE },
    ]);
    expect(await claimsOf('burkina-faso', 'coups_in_past_three_years')).toMatchObject([
      { value: 2, claimant: ARTICLE },
    ]);
  });

  it('keeps the analysts on attacks under Bazoum and his outreach to Islamists', async () => {
    const claims = await read(
      `MATCH (c:Claim)-[:CLAIMED_BY]->(:Source {id: 'security-analysts-niger-2023-09'})
       MATCH (c)-[:ABOUT]->(:Person {id: 'mohamed-bazoum'})
       RETURN c.property AS property ORDER BY property`,
    );
    expect(claims.map((claim) => claim.property)).toEqual([
      'attacks_under_previous_government',
      'outreach_to_islamists',
    ]);
  });

  it('resolves the mid-August attack to Koutougou, 2023-08-15, at least 17 soldiers killed', async () => {
    expect(await dateOf('koutougou-attack-2023-08-15')).toEqual({
      date: '2023-08-15',
      precision: 'day',
      phrase: 'Mid-August',
    });
    const killed = await claimsOf('koutougou-attack-2023-08-15', 'soldiers_killed');
    expect(killed.map((claim) => [claim.value, claim.qualifier, claim.claimant])).toEqual([
      [17, 'at_least', ARTICLE],
      [17, 'at_least', 'wikipedia-2023-in-niger'],
    ]);
    expect(await claimsOf('koutougou-attack-2023-08-15', 'soldiers_wounded')).toMatchObject([
      { value: 20 },
    ]);
  });
});

describe('France', () => {
  it('announced on Sunday 2023-09-24 the withdrawal of its 1,500 troops by the end of the year', async () => {
    expect(await dateOf('france-withdrawal-announcement-2023-09-24')).toEqual({
      date: '2023-09-24',
      precision: 'day',
      phrase: 'Sunday',
    });
    expect(await dateOf('french-withdrawal-from-niger-2023', 'deadline')).toEqual({
      date: '2023-12-31',
      precision: 'day',
      phrase: 'by the end of the year',
    });
    expect(await dateOf('french-withdrawal-from-niger-2023', 'endDate')).toMatchObject({
      date: '2023-12-22',
    });
    const [troops] = await read(
      `MATCH (c:Claim {property: 'troops'}) RETURN c.value AS value, c.qualifier AS qualifier`,
    );
    expect(troops).toEqual({ value: 1500, qualifier: 'exact' });
    expect(await related('france', 'ANNOUNCED')).toContain(
      'france-withdrawal-announcement-2023-09-24',
    );
  });

  it('did so after pressure from the junta and public protests', async () => {
    const causes = await read(
      `MATCH (cause)-[:LED_TO]->(:Event {id: 'france-withdrawal-announcement-2023-09-24'}) RETURN cause.id AS id ORDER BY id`,
    );
    expect(causes.map((cause) => cause.id)).toEqual(
      expect.arrayContaining([
        'junta-pressure-on-france-2023',
        'protests-against-france-niger-2023',
      ]),
    );
  });

  it('was protested by several hundred pro-junta activists at its base in Niamey on 2023-09-28', async () => {
    const protest = 'protest-french-base-niamey-2023-09-28';
    expect(await dateOf(protest)).toMatchObject({ date: '2023-09-28', precision: 'day' });
    expect(await related(protest, 'OCCURRED_AT')).toContain('french-military-base-niamey');
    expect(await related('french-military-base-niamey', 'LOCATED_IN')).toContain('niamey');
    expect(await claimsOf(protest, 'participants')).toMatchObject([
      { value: 200, qualifier: 'several_hundred', claimant: ARTICLE, sentence: 16 },
    ]);
  });

  it('was Niger’s colonial ruler until independence on 1960-08-03', async () => {
    const rule = await read(
      `MATCH (:Country {id: 'france'})-[r:COLONIAL_RULER_OF]->(:Country {id: 'niger'}) WHERE r.validTo IS NOT NULL
       RETURN toString(r.validTo) AS to`,
    );
    expect(rule).toEqual([{ to: '1960-08-03' }]);
  });
});

describe('provenance over the whole graph', () => {
  it('gives every relationship between entities a source, a quote and its sentence, in step', async () => {
    const [counts] = await read(`
      MATCH (:Entity)-[r]->(:Entity)
      WITH r, [i IN range(0, size(r.sourceIds) - 1) |
                 [r.sourceIds[i], r.quotes[i], r.sentenceIds[i]]] AS evidence
      RETURN count(r) AS relationships,
             count(CASE WHEN size(r.sourceIds) = 0 OR size(r.quotes) <> size(r.sourceIds)
                        OR size(r.sentenceIds) <> size(r.sourceIds) THEN 1 END) AS incomplete`);
    expect(counts!.relationships).toBeGreaterThan(100);
    expect(counts!.incomplete).toBe(0);
    const broken = await read(`
      MATCH (:Entity)-[r]->(:Entity)
      UNWIND range(0, size(r.sourceIds) - 1) AS i
      OPTIONAL MATCH (source:Source {id: r.sourceIds[i]})
      OPTIONAL MATCH (sentence:Sentence {id: r.sentenceIds[i]})
      WITH r, i, source, sentence
      WHERE source IS NULL OR sentence IS NULL
         OR NOT replace(sentence.text, ' ', '') CONTAINS replace(r.quotes[i], ' ', '')
      RETURN r.id AS id`);
    expect(broken).toEqual([]);
  });

  it('gives every claim a claimant, and each of its reports a quote and the sentence that holds it', async () => {
    const [counts] = await read(`
      MATCH (c:Claim)
      RETURN count(c) AS claims,
             count(CASE WHEN NOT EXISTS { (c)-[:CLAIMED_BY]->(:Source) }
                          OR NOT EXISTS { (c)-[:REPORTED_IN]->(:Source) }
                          OR NOT EXISTS { (c)-[:ABOUT]->(:Entity) }
                          OR EXISTS {
                            MATCH (c)-[report:REPORTED_IN]->()
                            OPTIONAL MATCH (c)-[:STATED_IN]->(sentence:Sentence {id: report.sentenceId})
                            WITH report, sentence
                            WHERE sentence IS NULL OR NOT replace(sentence.text, ' ', '')
                                                          CONTAINS replace(report.quote, ' ', '')
                          }
                        THEN 1 END) AS incomplete`);
    expect(counts!.claims).toBeGreaterThan(30);
    expect(counts!.incomplete).toBe(0);
  });

  it('credits background facts to their reference works, never to the article', async () => {
    const [credited] = await read(`
      MATCH (:Entity)-[r]->(:Entity)
      UNWIND range(0, size(r.evidenceSeedFiles) - 1) AS i
      WITH r, i WHERE r.evidenceSeedFiles[i] = 'background'
      RETURN count(DISTINCT r) AS total,
             count(CASE WHEN r.sourceIds[i] = 'article-niger-2023-09-29' THEN 1 END) AS article`);
    expect(credited!.total).toBeGreaterThan(50);
    expect(credited!.article).toBe(0);
    const [claims] = await read(`
      MATCH (c:Claim)-[:REPORTED_IN {seedFile: 'background'}]->()
      WITH DISTINCT c
      MATCH (c)-[:CLAIMED_BY]->(s:Source)
      RETURN count(c) AS total, count(CASE WHEN s.kind = 'article' THEN 1 END) AS article`);
    expect(claims!.total).toBeGreaterThan(5);
    expect(claims!.article).toBe(0);
  });

  it("has France's withdrawal deadline as one claim, reported by the article and by Wikipedia, each in its own file", async () => {
    const reports = await read(
      `MATCH (c:Claim {property: 'deadline'})-[:ABOUT]->(:Event {id: 'french-withdrawal-from-niger-2023'})
       MATCH (c)-[:CLAIMED_BY]->(claimant), (c)-[report:REPORTED_IN]->(publication)
       RETURN c.id AS claim, claimant.id AS claimant, publication.id AS publication,
              report.seedFile AS file, report.quote AS quote
       ORDER BY file`,
    );
    const claim = {
      claim: 'french-withdrawal-deadline-france',
      claimant: 'france-withdrawal-announcement-statement-2023-09-24',
    };
    expect(reports).toEqual([
      {
        ...claim,
        publication: 'wikipedia-2023-nigerien-coup',
        file: 'background',
        quote: 'French troops would leave Niger by the end of 2023',
      },
      {
        ...claim,
        publication: 'article-niger-2023-09-29',
        file: 'niger-2023-09-29',
        quote: 'it will remove its 1,500 troops from Niger by the end of the year',
      },
    ]);
  });

  it('never gives the internal notes (a compilation) as the source of a fact, claim or entity', async () => {
    const [uses] = await read(`
      MATCH (notes:Source {kind: 'compilation'})
      RETURN COUNT { MATCH (:Entity)-[r]->(:Entity) WHERE notes.id IN r.sourceIds } AS facts,
             COUNT { MATCH (:Claim)-[:CLAIMED_BY|REPORTED_IN]->(notes) } AS claims,
             COUNT { MATCH (e:Entity) WHERE notes.id IN e.sourceIds } AS entities`);
    expect(uses).toEqual({ facts: 0, claims: 0, entities: 0 });
  });

  it('has no two relationships between entities for one fact (same from, type, to, role, compatible validity)', async () => {
    const agree = (bound: string) => `(r1.${bound} IS NULL OR r2.${bound} IS NULL
           OR (r1.${bound} <= r2.${bound}Latest AND r2.${bound} <= r1.${bound}Latest))`;
    const repeated = await read(`
      MATCH (a:Entity)-[r1]->(b:Entity)<-[r2]-(a)
      WHERE elementId(r1) < elementId(r2) AND type(r1) = type(r2)
        AND coalesce(r1.role, '') = coalesce(r2.role, '')
        AND ${agree('validFrom')} AND ${agree('validTo')}
      RETURN r1.id AS first, r2.id AS second`);
    expect(repeated).toEqual([]);
    // The facts that both documents state are one relationship each, with both's evidence.
    const [merged] = await read(`
      MATCH (:Entity)-[r]->(:Entity)
      WHERE 'background' IN r.evidenceSeedFiles AND 'niger-2023-09-29' IN r.evidenceSeedFiles
      RETURN count(r) AS n`);
    expect(merged).toEqual({ n: 20 });
  });

  it('counts a source cited in another once when asked for corroborated facts', async () => {
    const outOfKandadji = async (minSources: number) => {
      const answer = await relationsOf('kandadji', {
        types: ['LOCATED_IN'],
        direction: 'OUTGOING',
        asOf: null,
        minSources,
        readEvidence: false,
        counted: false,
      });
      return answer.page.items.map((item) => [item.otherId, item.sourceCount]);
    };
    // The article and the ministry's statement it quotes: two sources, one independent.
    expect(await outOfKandadji(1)).toContainEqual(['southwest-niger', 2]);
    expect(await outOfKandadji(2)).not.toContainEqual(['southwest-niger', 2]);
    const corroborated = await findNeighborhood(seeded().database, {
      slug: 'niger',
      depth: 1,
      types: ['GOVERNS'],
      asOf: null,
      minSources: 2,
      limit: 50,
    });
    expect(corroborated!.links.map((link) => link.sourceId).sort()).toEqual([
      'cnsp',
      'mohamed-bazoum',
    ]);
  });

  it('lists the facts a source supports', async () => {
    const [facts] = await findSourceFacts(seeded().database, [
      { sourceId: 'wikipedia-mohamed-bazoum', offset: 0, limit: 20, counted: true },
    ]);
    expect(facts!.items.map((fact) => `${fact.fromId} ${fact.relation.type} ${fact.toId}`)).toEqual(
      [
        'presidential-guard DETAINED mohamed-bazoum',
        'mohamed-bazoum GOVERNS niger',
        'mohamed-bazoum PARTICIPATED_IN niger-coup-2023',
      ],
    );
    expect(
      facts!.items.every((fact) =>
        fact.relation.evidence?.some((item) => item.sourceId === 'wikipedia-mohamed-bazoum'),
      ),
    ).toBe(true);
  });

  it('has no repeated edge in Kandadji’s neighbourhood of depth 2', async () => {
    const neighborhood = await findNeighborhood(seeded().database, {
      slug: 'kandadji',
      depth: 2,
      types: null,
      asOf: null,
      minSources: null,
      limit: 500,
    });
    const edges = neighborhood!.links.map(
      ({ sourceId, targetId, relation }) =>
        `${sourceId} ${relation.type} ${targetId} ${relation.role ?? ''}`,
    );
    expect(edges.length).toBeGreaterThan(40);
    expect(edges.filter((edge, i) => edges.indexOf(edge) !== i)).toEqual([]);
  });

  it('links the article to its text by hash and holds every sentence of it', async () => {
    const [article] = await read(
      `MATCH (a:Source {id: $id}) RETURN a.textSha256 AS sha, a.sentenceCount AS sentences,
              COUNT { (:Sentence)-[:IN_DOCUMENT]->(a) } AS stored, toString(a.date) AS date`,
      { id: ARTICLE },
    );
    expect(article!.sha).toMatch(/^[0-9a-f]{64}$/);
    expect(article!.stored).toBe(article!.sentences);
    expect(article!.date).toBe('2023-09-29');
  });

  it('sets Wikidata ids only where the background verifies them', async () => {
    const rows = await read(
      `MATCH (e:Entity) WHERE e.wikidata IS NOT NULL RETURN e.id AS id, e.wikidata AS qid ORDER BY id`,
    );
    expect(rows).toEqual([
      { id: 'burkina-faso', qid: 'Q965' },
      { id: 'emmanuel-macron', qid: 'Q3052772' },
      { id: 'france', qid: 'Q142' },
      { id: 'mali', qid: 'Q912' },
      { id: 'niamey', qid: 'Q3674' },
      { id: 'niger', qid: 'Q1032' },
      { id: 'reuters', qid: 'Q130879' },
    ]);
  });
});
