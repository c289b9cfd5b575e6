/**
 * The first line of defence on analysts' Cypher: the guard parses the query with Neo4j's own
 * grammar and lets through only read clauses, built-in functions, allowlisted procedures and
 * bounded paths. The hostile corpus (test/support/hostile-cypher.ts) is refused by the guard
 * alone, then by the running service, POST /cypher and the `cypher` field, against the real
 * Neo4j: nothing is accepted, the graph is unchanged, and a transaction the test holds open
 * meanwhile (with a secret in its parameters) is neither seen nor ended.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { checkCypherText, MAX_QUERY_LENGTH } from '../src/analyst/cypher-guard.js';
import { MAX_CASE_EXPRESSIONS, MAX_NESTING } from '../src/analyst/cypher-parse.js';
import { CypherRefusal } from '../src/analyst/cypher-refusal.js';
import { snapshotGraph } from './support/graph.js';
import { HOSTILE_CYPHER } from './support/hostile-cypher.js';
import { postGraphQL, useSeededService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

function refusalOf(query: string, options?: { maxHops?: number }): CypherRefusal | undefined {
  try {
    checkCypherText(query, options);
    return undefined;
  } catch (error) {
    if (error instanceof CypherRefusal) return error;
    throw error;
  }
}

/** What analysts write: every clause, function family and pattern form the guard allows. */
const ORDINARY_QUERIES = [
  'MATCH (n) RETURN count(n) AS nodes',
  "MATCH (p:Place {id: $id}) OPTIONAL MATCH (e:Event {id: 'kandadji-attack-2023-09-28'}) RETURN p, e.date AS date, $n AS n",
  "MATCH p = (:Person {id: 'abdourahamane-tchiani'})-[r:LEADS]->(:Organization {id: 'cnsp'}) RETURN r, p LIMIT $limit",
  'UNWIND range(1, 1000) AS i RETURN i',
  'MATCH (c:Country) RETURN c.name AS name, c.wikidata AS qid ORDER BY name',
  'CALL db.labels() YIELD label RETURN label ORDER BY label',
  "CALL db.index.fulltext.queryNodes('entity_search', 'tiani') YIELD node RETURN node.id AS id",
  'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
  'CALL db.schema.nodeTypeProperties() YIELD nodeType, propertyName RETURN nodeType, propertyName',
  'CALL db.labels',
  'OPTIONAL CALL db.propertyKeys() YIELD propertyKey RETURN propertyKey',
  "MATCH (a:Entity {id: 'niger'})-[*..3]-(b:Entity) RETURN DISTINCT b.id AS id LIMIT 20",
  "MATCH p = (a:Entity {id: 'niger'})-[:BORDERS*1..2]-(b) RETURN length(p) AS hops, [n IN nodes(p) | n.name] AS names",
  "MATCH (a:Entity {id: 'niger'})-[*2]-(b) RETURN count(b)",
  "MATCH p = shortestPath((a:Entity {id: 'niger'})-[*..6]-(b:Entity {id: 'mali'})) RETURN p",
  "MATCH p = allShortestPaths((a:Entity {id: 'niger'})-[*..4]-(b:Entity {id: 'mali'})) RETURN count(p) AS n",
  "MATCH p = SHORTEST 1 (a:Entity {id: 'niger'})-[]-{1,5}(b:Entity {id: 'mali'}) RETURN length(p) AS hops",
  "MATCH p = ANY SHORTEST (a:Entity {id: 'niger'})-[]-{1,4}(b:Entity {id: 'mali'}) RETURN length(p)",
  "MATCH p = SHORTEST 2 GROUPS (a:Entity {id: 'niger'})-->{1,3}(b) RETURN length(p)",
  'MATCH ((a)-[:LEADS]->(b)){1,3} RETURN count(*) AS n',
  "MATCH (a:Entity {id: 'niger'})-->{2}(b) RETURN count(b)",
  "MATCH (x:Entity {id: 'niger'}) ((a)-[r]-(b) WHERE r.validFrom IS NOT NULL){1,2} (y) RETURN count(y) AS n",
  "MATCH (e:Event) WHERE e.date >= date('2023-01-01') RETURN e.id, e.date ORDER BY e.date DESC SKIP 0 LIMIT 10",
  'MATCH (e:Event) RETURN e.id AS id ORDER BY id OFFSET 1 LIMIT 2',
  "MATCH (e:Event) WHERE e.date IS NOT NULL WITH date.truncate('month', e.date) AS month RETURN month, count(*) AS events ORDER BY month",
  'MATCH (p:Place) WHERE point.distance(p.location, point({latitude: 13.51, longitude: 2.11})) < 200000 RETURN p.name',
  "MATCH (n:Entity) WHERE n.name STARTS WITH 'Ni' OR n.name CONTAINS 'ger' OR n.name =~ '(?i)mali' RETURN n.name",
  "MATCH (n:Entity) RETURN n.id, CASE WHEN n:Person THEN 'person' ELSE 'other' END AS kind",
  "MATCH (n:Entity) RETURN CASE n.kind WHEN 'PERSON' THEN 1 WHEN 'PLACE', 'COUNTRY' THEN 2 ELSE 3 END AS k",
  'MATCH (n:Entity) RETURN n {.id, .name, labels: labels(n)} AS entity LIMIT 5',
  'MATCH (n:Entity) WITH collect(n.name) AS names RETURN size(names), names[0..3], head(names), last(names)',
  "MATCH (n:Entity) WHERE any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS 'tiani') RETURN n.id",
  'RETURN reduce(total = 0, x IN range(1, 10) | total + x) AS sum',
  "MATCH (a:Entity {id: 'niger'}) RETURN [(a)-[:BORDERS]-(b) | b.name] AS neighbours",
  "MATCH (a:Entity) WHERE (a)-[:BORDERS]-(:Entity {id: 'mali'}) RETURN a.id",
  'MATCH (a:Entity) WHERE EXISTS { (a)-[:BORDERS]-(:Entity) } RETURN a.id',
  'MATCH (a:Entity) RETURN a.id, COUNT { (a)-[:BORDERS]-() } AS borders ORDER BY borders DESC',
  "MATCH (a:Entity {id: 'niger'}) RETURN COLLECT { MATCH (a)-[:BORDERS]-(b) RETURN b.name } AS names",
  "MATCH (a:Entity {id: 'niger'}) CALL (a) { MATCH (a)-[:BORDERS]-(b) RETURN count(b) AS borders } RETURN borders",
  "MATCH (a:Entity {id: 'niger'}) CALL { WITH a MATCH (a)-[:BORDERS]-(b) RETURN count(b) AS c } RETURN c",
  'MATCH (p:Person) RETURN p.name AS name UNION ALL MATCH (o:Organization) RETURN o.name AS name',
  'MATCH (c:Claim) RETURN c.property, min(c.value), max(c.value), avg(c.value), percentileCont(c.value, 0.5)',
  "MATCH (n:Entity {id: 'niger'}) RETURN elementId(n), keys(n), properties(n), toString(size(keys(n)))",
  'MATCH (n:Entity) WHERE n.name IS :: STRING AND n.population IS NULL RETURN n.id',
  "MATCH (n:Entity) USING INDEX n:Entity(id) WHERE n.id = 'niger' RETURN n.name",
  'MATCH (n:Entity&!Place) WHERE n:Person|Organization RETURN count(n)',
  'MATCH (n:$($label)) RETURN count(n) AS n',
  "MATCH (n) WHERE n.name = 'Ségou' OR n.name = 'Niamey\u00a0' OR n.name = '🇳🇪' RETURN n",
  '// Qui dirige le Niger ? été 2023\nMATCH (p:Person)-[:LEADS]->(o:Organization) RETURN p.name, o.name',
  '/* tous les pays, à la française */ MATCH (c:Country) RETURN c.name',
  'MATCH (n:Entity) RETURN n.name AS `nom du lieu`, n.`id` AS `identifiant`',
  "MATCH (n:Entity) WHERE n.name = \"it's\" OR n.name = 'say \\'hi\\'' RETURN n",
  "RETURN datetime().year, duration.between(date('2023-07-26'), date('2023-09-28')).days, localtime()",
  'RETURN abs(-1), ceil(1.2), sqrt(16), log10(100), atan2(1, 1), isNaN(0.0 / 0.0), toInteger($n)',
  'RETURN vector.similarity.cosine([1.0, 0.0], [1.0, 0.0]) AS similarity',
  'MATCH (n:Entity) RETURN trim(n.name), toUpper(n.name), substring(n.name, 0, 3), split(n.name, " ")',
  'UNWIND $ids AS id MATCH (n:Entity {id: id}) RETURN n.name',
  'RETURN 1 AS one;',
  "  MATCH (n)\n  WHERE n.id = 'niger'\n  RETURN n.name\n",
  'MATCH (n:Entity)\r\nRETURN count(n)',
  'MATCH (show:Entity)--(terminate:Entity) RETURN show.id AS use, terminate.id AS grant LIMIT 1',
  "match (n:Entity) where n.id = 'niger' return n.name as name order by name desc",
  'MATCH (n:Entity) RETURN count(n) AS count, COUNT(*) AS star, Count(n.id) AS c',
];

describe('the guard alone', () => {
  it(`refuses all ${HOSTILE_CYPHER.length} texts of the hostile corpus, each with a code and a message`, () => {
    const accepted = HOSTILE_CYPHER.filter(({ query }) => refusalOf(query) === undefined);
    expect(accepted.map(({ name }) => name)).toEqual([]);
    for (const { name, query } of HOSTILE_CYPHER) {
      const refusal = refusalOf(query)!;
      expect(refusal.code, name).toMatch(/^[A-Z_]+$/);
      expect(refusal.status, name).toBe(400);
      expect(refusal.message.length, name).toBeGreaterThan(20);
    }
  });

  it('accepts ordinary analyst queries', () => {
    const refused = ORDINARY_QUERIES.map((query) => [query, refusalOf(query)?.message]).filter(
      ([, message]) => message !== undefined,
    );
    expect(refused).toEqual([]);
  });

  // Each of these got through the regular expressions that the parser replaced.
  it.each([
    [
      'SHOW\u001cTRANSACTIONS YIELD transactionId, currentQuery, parameters RETURN *',
      'CHARACTER_NOT_ALLOWED',
    ],
    ['TERMINATE\u001fTRANSACTIONS $id', 'CHARACTER_NOT_ALLOWED'],
    ['SHOW\u001dSETTINGS YIELD name, value RETURN name, value', 'CHARACTER_NOT_ALLOWED'],
    ['USE\u001csystem MATCH (n) RETURN count(n)', 'CHARACTER_NOT_ALLOWED'],
    ['RETURN 1 AS x //\rCREATE (n:Hacked)', 'WRITE_NOT_ALLOWED'],
    ['RETURN 1 AS x //\rSHOW TRANSACTIONS', 'COMMAND_NOT_ALLOWED'],
    ["RETURN '\\u0027 AS x CREATE (n:Hacked) //' AS y", 'UNICODE_ESCAPE_NOT_ALLOWED'],
    ['RETURN `apoc`.`version`() AS v', 'FUNCTION_NOT_ALLOWED'],
    ['MATCH p = (a)-[*..]->(b) RETURN count(p)', 'UNBOUNDED_PATH'],
    ['MATCH (a) RETURN COUNT { (a)-->+(b) } AS n', 'UNBOUNDED_PATH'],
    ['MATCH (a) WHERE EXISTS { MATCH ((a)--(b))+ } RETURN a', 'UNBOUNDED_PATH'],
    ['MATCH p = SHORTEST 1 (a)-->+(b) RETURN p', 'UNBOUNDED_PATH'],
    ['MATCH p = (a)-[*..50]->(b) RETURN count(p)', 'UNBOUNDED_PATH'],
  ])('refuses %j, which the regular-expression guard let through', (query, code) => {
    expect(refusalOf(query)?.code).toBe(code);
  });

  it('says what was refused and where, as line and column', () => {
    expect(refusalOf('MATCH (n)\nRETURN n //\rDETACH DELETE n')?.message).toMatch(
      /DELETE is not allowed \(line 2, column 13: "DETACH DELETE n"\)/,
    );
    expect(refusalOf('MATCH (n)\n  RETURN n.name AS\u2028name')?.message).toMatch(
      /U\+2028 at line 2, column 19/,
    );
    expect(refusalOf('MATCH (a)\n-[:X*]->(b) RETURN a')?.message).toMatch(
      /line 2, column 1: "-\[:X\*\]->"\) has no upper bound/,
    );
    expect(refusalOf('CALL dbms.listConfig()')?.message).toMatch(
      /procedure dbms\.listConfig is not allowed \(line 1, column 6/,
    );
    expect(refusalOf('MATCH (n RETURN n')?.message).toMatch(/syntax error at line 1, column 10/);
  });

  it('bounds paths by the configured maximum, counting repetitions of quantified paths', () => {
    const query = 'MATCH (a)-[*..4]->(b) RETURN b';
    expect(refusalOf(query)).toBeUndefined();
    expect(refusalOf(query, { maxHops: 3 })?.code).toBe('UNBOUNDED_PATH');
    expect(refusalOf('MATCH ((a)-->(b)){2,5} RETURN a', { maxHops: 5 })).toBeUndefined();
    expect(refusalOf('MATCH ((a)-->(b)){2,5} RETURN a', { maxHops: 4 })?.message).toMatch(
      /may walk 5 relationships; at most 4/,
    );
    expect(refusalOf('MATCH ((a)-->(b)-->(c)){1,5} RETURN a')).toBeUndefined();
    expect(refusalOf('MATCH ((a)-->(b)-->(c)){1,6} RETURN a')?.message).toMatch(
      /may walk 12 relationships; at most 10/,
    );
    expect(refusalOf('MATCH (a)-[*0..10]-(b) RETURN b')).toBeUndefined();
    expect(refusalOf('MATCH (a)-[*11]-(b) RETURN b')?.code).toBe('UNBOUNDED_PATH');
  });

  it('refuses one statement after another, but allows a final semicolon', () => {
    expect(refusalOf('RETURN 1 AS x;')).toBeUndefined();
    expect(refusalOf('RETURN 1 AS x; RETURN 2 AS y')?.message).toMatch(/one statement/);
  });

  it('refuses what would make the parser slow, before parsing', () => {
    const nested = `RETURN ${'['.repeat(MAX_NESTING + 1)}1${']'.repeat(MAX_NESTING + 1)} AS x`;
    expect(refusalOf(nested)?.code).toBe('QUERY_TOO_COMPLEX');
    const cases = `RETURN ${'CASE WHEN true THEN '.repeat(MAX_CASE_EXPRESSIONS + 1)}1${' END'.repeat(MAX_CASE_EXPRESSIONS + 1)}`;
    const started = Date.now();
    expect(refusalOf(cases)?.code).toBe('QUERY_TOO_COMPLEX');
    expect(refusalOf(`RETURN ${'CASE WHEN true THEN '.repeat(10)}1${' END'.repeat(10)}`)).toBe(
      undefined,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refusalOf(`RETURN 1 AS x //${' '.repeat(MAX_QUERY_LENGTH)}`)?.code).toBe(
      'QUERY_TOO_LONG',
    );
  });

  it('asks for backticks around names the console grammar takes for keywords', () => {
    expect(refusalOf('MATCH (n) RETURN n.play')?.message).toMatch(/quote it: `play`/);
    expect(refusalOf('MATCH (n) RETURN n.`play`')).toBeUndefined();
  });
});

describe('the running service with the real Neo4j', () => {
  const seeded = useSeededService({ CYPHER_TIMEOUT_MS: '20000' });
  const SECRET = 'held-transaction-secret-7f3a';

  async function viaCypher(query: string, params: Record<string, unknown> = {}) {
    const response = await fetch(`${seeded().url}/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, params }),
    });
    return { status: response.status, text: await response.text() };
  }

  it(
    `refuses the whole corpus on POST /cypher and the cypher field, leaving the graph and other transactions alone`,
    { timeout: 600_000 },
    async () => {
      const before = await snapshotGraph(seeded().database);
      // Another client's transaction, open for the whole corpus, with a secret in its parameters.
      const driver = neo4j.driver(testNeo4jUri());
      const session = driver.session();
      const held = session.beginTransaction();
      try {
        await held.run('MATCH (n) RETURN count(n) AS n, $secret AS secret', { secret: SECRET });

        const accepted: string[] = [];
        for (const { name, query, params = {} } of HOSTILE_CYPHER) {
          const http = await viaCypher(query, params);
          const code = (JSON.parse(http.text) as { error?: { code?: string } }).error?.code;
          if (http.status < 400 || http.status >= 500 || !code) {
            accepted.push(`/cypher ${http.status}: ${name}`);
          }
          expect(http.text, name).not.toContain(SECRET);

          const graphql = await postGraphQL<{ cypher: unknown }>(
            seeded().url,
            'query ($q: String!, $p: JSONObject) { cypher(query: $q, params: $p) { columns rows } }',
            { q: query, p: params },
          );
          if (graphql.body.data?.cypher || !graphql.body.errors?.[0]?.extensions?.code) {
            accepted.push(`cypher field: ${name}`);
          }
          expect(JSON.stringify(graphql.body), name).not.toContain(SECRET);
        }
        expect(accepted).toEqual([]);

        // The held transaction was neither ended nor disturbed.
        const still = await held.run('RETURN $secret AS secret', { secret: SECRET });
        expect(still.records[0]?.get('secret')).toBe(SECRET);
        await held.commit();
      } finally {
        if (held.isOpen()) await held.rollback().catch(() => undefined);
        await session.close();
        await driver.close();
      }
      expect(await snapshotGraph(seeded().database)).toEqual(before);
    },
  );

  it('still answers ordinary analyst queries', async () => {
    const params = { id: 'niamey', n: 3, limit: 1, label: 'Entity', ids: ['niger'] };
    const failed: string[] = [];
    for (const query of ORDINARY_QUERIES) {
      const { status, text } = await viaCypher(query, params);
      if (status !== 200) failed.push(`${status} ${query}: ${text}`);
    }
    expect(failed).toEqual([]);
  });
});
