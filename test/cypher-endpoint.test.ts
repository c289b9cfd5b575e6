/**
 * POST /cypher and the `cypher` field: read queries answer rows; writes, admin commands, LOAD CSV,
 * other databases, procedures off the allowlist and runaway queries are refused with a code,
 * and a corpus of such attempts leaves the graph exactly as it was. Queries run under the
 * embedded Neo4j's analyst login, as they do in production (the second line, proved on its own
 * in cypher-neo4j-line.test.ts); bounds and errors are in cypher-bounds.test.ts.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { EMBEDDED_ANALYST_USER } from '../src/neo4j/embedded/analyst-user.js';
import { postCypher } from './support/cypher.js';
import { snapshotGraph } from './support/graph.js';
import { postGraphQL, startTestService, useSeededService } from './support/service.js';

// The time limit is tried on a service of its own (below): here it is far beyond what any
// ordinary query takes, also on a busy machine.
// A Neo4j of one's own (NEO4J_URI) has no analyst user of ours.
const ANALYST: Record<string, string> = process.env.NEO4J_URI
  ? {}
  : { NEO4J_ANALYST_USER: EMBEDDED_ANALYST_USER };
const seeded = useSeededService({
  CYPHER_MAX_ROWS: '50',
  CYPHER_TIMEOUT_MS: '120000',
  ...ANALYST,
});

const cypher = (
  body: unknown,
  init: { query?: string; headers?: Record<string, string>; service?: RunningService } = {},
) => postCypher((init.service ?? seeded()).url, body, init);

const checksum = async () =>
  createHash('sha256')
    .update(JSON.stringify(await snapshotGraph(seeded().database)))
    .digest('hex');

describe('read queries', () => {
  it('answers columns and rows, with nodes, dates and points serialised', async () => {
    const { status, json } = await cypher({
      query: `MATCH (p:Place {id: $id}) OPTIONAL MATCH (e:Event {id: 'kandadji-attack-2023-09-28'})
              RETURN p, p.location AS location, e.date AS date, $n AS n`,
      params: { id: 'niamey', n: 3 },
    });
    expect(status).toBe(200);
    const result = json();
    expect(result.columns).toEqual(['p', 'location', 'date', 'n']);
    expect(result.truncated).toBe(false);
    expect(result.truncatedBy).toBeNull();
    const [node, location, date, n] = result.rows[0];
    expect(node).toMatchObject({
      labels: expect.arrayContaining(['Entity', 'Place']),
      properties: { id: 'niamey', name: 'Niamey' },
    });
    expect(typeof node.elementId).toBe('string');
    expect(location).toEqual({ srid: 4326, x: 2.11, y: 13.51 });
    expect(date).toBe('2023-09-28');
    expect(n).toBe(3);
  });

  it('serialises relationships and paths, and accepts whole-number parameters for LIMIT', async () => {
    const { json } = await cypher({
      query: `MATCH p = (:Person {id: 'abdourahamane-tchiani'})-[r:LEADS]->(:Organization {id: 'cnsp'}) RETURN r, p LIMIT $limit`,
      params: { limit: 1 },
    });
    const [relationship, path] = json().rows[0];
    expect(relationship).toMatchObject({
      type: 'LEADS',
      properties: { sourceIds: ['wikipedia-abdourahamane-tchiani'] },
    });
    expect(path.nodes.map((node: { properties: { id: string } }) => node.properties.id)).toEqual([
      'abdourahamane-tchiani',
      'cnsp',
    ]);
    expect(path.relationships).toHaveLength(1);
  });

  it('cuts a long result at the row limit and says so', async () => {
    const { json } = await cypher({ query: 'UNWIND range(1, 1000) AS i RETURN i' });
    const result = json();
    expect(result.rows).toHaveLength(50);
    expect(result.truncated).toBe(true);
    expect(result.truncatedBy).toBe('rows');
    const csv = await cypher(
      { query: 'UNWIND range(1, 1000) AS i RETURN i' },
      { query: '?format=csv' },
    );
    expect(csv.headers.get('x-result-truncated')).toBe('true');
    expect(csv.headers.get('x-result-truncated-by')).toBe('rows');
    expect(csv.text.trim().split('\n')).toHaveLength(51);
  });

  it('downloads as CSV', async () => {
    const { status, headers, text } = await cypher(
      { query: 'MATCH (c:Country) RETURN c.name AS name, c.wikidata AS qid ORDER BY name' },
      { query: '?format=csv' },
    );
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/text\/csv/);
    expect(headers.get('content-disposition')).toMatch(/attachment; filename="cypher-result.csv"/);
    expect(headers.get('x-result-truncated')).toBe('false');
    expect(headers.get('x-result-truncated-by')).toBeNull();
    expect(text.trim().split('\n')).toEqual([
      'name,qid',
      'Burkina Faso,Q965',
      'France,Q142',
      'Mali,Q912',
      'Niger,Q1032',
    ]);
  });

  it('allows schema introspection procedures and full-text search', async () => {
    const labels = await cypher({
      query: 'CALL db.labels() YIELD label RETURN label ORDER BY label',
    });
    expect(labels.json().rows.flat()).toEqual(
      expect.arrayContaining(['Claim', 'Entity', 'Source']),
    );
    const search = await cypher({
      query:
        "CALL db.index.fulltext.queryNodes('entity_search', 'tiani') YIELD node RETURN node.id AS id",
    });
    expect(search.json().rows.flat()).toContain('abdourahamane-tchiani');
  });

  it('is a GraphQL field too', async () => {
    const { body } = await postGraphQL(
      seeded().url,
      `{ cypher(query: "MATCH (c:Country) RETURN count(c) AS n") { columns rows truncated truncatedBy } }`,
    );
    expect(body).toEqual({
      data: { cypher: { columns: ['n'], rows: [[4]], truncated: false, truncatedBy: null } },
    });
    const cut = await postGraphQL(
      seeded().url,
      `{ cypher(query: "UNWIND range(1, 100) AS i RETURN i") { truncated truncatedBy } }`,
    );
    expect(cut.body).toEqual({ data: { cypher: { truncated: true, truncatedBy: 'ROWS' } } });
    const refused = await postGraphQL(
      seeded().url,
      `{ cypher(query: "CREATE (n) RETURN n") { columns } }`,
    );
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'WRITE_NOT_ALLOWED' });
  });
});

const ATTEMPTS: [string, string, Record<string, unknown>?][] = [
  ['CREATE (n:Hacked) RETURN n', 'WRITE_NOT_ALLOWED'],
  ["MERGE (n:Entity {id: 'intruder'}) RETURN n", 'WRITE_NOT_ALLOWED'],
  ['MATCH (n) SET n.hacked = true', 'WRITE_NOT_ALLOWED'],
  ['MATCH (n) SET n += {hacked: true}', 'WRITE_NOT_ALLOWED'],
  ['MATCH (n:Claim) DELETE n', 'WRITE_NOT_ALLOWED'],
  ['MATCH (n) DETACH DELETE n', 'WRITE_NOT_ALLOWED'],
  ['MATCH (n:Entity) REMOVE n.name', 'WRITE_NOT_ALLOWED'],
  ['MATCH (n:Entity) REMOVE n:Entity', 'WRITE_NOT_ALLOWED'],
  ["MERGE (a:Entity {id: 'niger'}) ON MATCH SET a.name = 'X'", 'WRITE_NOT_ALLOWED'],
  ['MATCH (n) FOREACH (x IN [1] | SET n.y = x)', 'WRITE_NOT_ALLOWED'],
  ['MATCH (n) CALL (n) { SET n.x = 1 } RETURN count(*)', 'WRITE_NOT_ALLOWED'],
  ['UNWIND range(1, 10) AS i CREATE (:X {i: i})', 'WRITE_NOT_ALLOWED'],
  ['/* just a comment */ CREATE (n)', 'WRITE_NOT_ALLOWED'],
  ['MATCH (n) // nothing to see\nSET n.hacked = true', 'WRITE_NOT_ALLOWED'],
  ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'LOAD_CSV_NOT_ALLOWED'],
  ['load csv with headers from "http://127.0.0.1/x.csv" AS row CREATE (n)', 'LOAD_CSV_NOT_ALLOWED'],
  ['CALL dbms.listConfig()', 'PROCEDURE_NOT_ALLOWED'],
  ['call DBMS.LISTCONFIG() yield name return name', 'PROCEDURE_NOT_ALLOWED'],
  ['CALL `dbms`.`listConfig`()', 'PROCEDURE_NOT_ALLOWED'],
  ["CALL db.createLabel('Hacked')", 'PROCEDURE_NOT_ALLOWED'],
  ["CALL db.createProperty('hacked')", 'PROCEDURE_NOT_ALLOWED'],
  ['CALL db.clearQueryCaches()', 'PROCEDURE_NOT_ALLOWED'],
  ["CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')", 'PROCEDURE_NOT_ALLOWED'],
  ["CALL apoc.cypher.runWrite('CREATE (n)', {})", 'PROCEDURE_NOT_ALLOWED'],
  ['RETURN apoc.create.uuid() AS id', 'FUNCTION_NOT_ALLOWED'],
  ['USE system SHOW DATABASES', 'DATABASE_SWITCH_NOT_ALLOWED'],
  ['USE neo4j MATCH (n) RETURN count(n)', 'DATABASE_SWITCH_NOT_ALLOWED'],
  ['CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)', 'SCHEMA_CHANGE_NOT_ALLOWED'],
  ['DROP CONSTRAINT entity_id', 'SCHEMA_CHANGE_NOT_ALLOWED'],
  ['CREATE CONSTRAINT hacked FOR (n:X) REQUIRE n.id IS UNIQUE', 'SCHEMA_CHANGE_NOT_ALLOWED'],
  ['SHOW TRANSACTIONS', 'COMMAND_NOT_ALLOWED'],
  ["TERMINATE TRANSACTIONS 'neo4j-transaction-1'", 'COMMAND_NOT_ALLOWED'],
  ['GRANT ROLE admin TO neo4j', 'COMMAND_NOT_ALLOWED'],
  ["ALTER USER neo4j SET PASSWORD 'hacked-password'", 'COMMAND_NOT_ALLOWED'],
  ['STOP DATABASE neo4j', 'COMMAND_NOT_ALLOWED'],
  ['MATCH (n) RETURN n; CREATE (m)', 'SYNTAX_ERROR'],
  ['MATCH (n RETURN n', 'SYNTAX_ERROR'],
  ['MATCH (a), (b) RETURN count(*)', 'CARTESIAN_PRODUCT'],
  ['MATCH p = (a)-[*]->(b) RETURN count(p)', 'UNBOUNDED_PATH'],
  ['MATCH ((a)-->(b))+ RETURN count(a)', 'UNBOUNDED_PATH'],
  ['MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS RETURN 1', 'WRITE_NOT_ALLOWED'],
];

describe('refused queries', () => {
  it(`refuse a corpus of ${ATTEMPTS.length} write, admin and runaway attempts, and leave the graph unchanged`, async () => {
    const before = await checksum();
    const answers: [string, string][] = [];
    for (const [query, , params] of ATTEMPTS) {
      const { status, json } = await cypher({ query, params });
      const body = json();
      expect(status, query).toBeGreaterThanOrEqual(400);
      expect(status, query).toBeLessThan(500);
      expect(body.error.message.length, query).toBeGreaterThan(0);
      answers.push([query, body.error.code]);
    }
    expect(answers).toEqual(ATTEMPTS.map(([query, code]) => [query, code]));
    expect(await checksum()).toBe(before);
  });

  it('answers 408 to a query that runs past its time limit', async () => {
    const limited = await startTestService({ CYPHER_TIMEOUT_MS: '1000', ...ANALYST });
    try {
      // 10^16 rows: no machine finishes this, so only the time limit can end it.
      const { status, json } = await cypher(
        {
          query: 'UNWIND range(1, 100000000) AS a UNWIND range(1, 100000000) AS b RETURN count(*)',
        },
        { service: limited },
      );
      expect(status).toBe(408);
      expect(json().error.code).toBe('QUERY_TIMEOUT');
      // Neo4j stopped the transaction; the connection pool serves the next query.
      expect((await cypher({ query: 'RETURN 1 AS one' }, { service: limited })).json()).toEqual({
        columns: ['one'],
        rows: [[1]],
        truncated: false,
        truncatedBy: null,
      });
    } finally {
      await limited.stop();
    }
  });

  it.each([
    ['not json', 'INVALID_REQUEST'],
    [JSON.stringify({ params: {} }), 'INVALID_REQUEST'],
    [JSON.stringify({ query: 'RETURN 1', params: [1] }), 'INVALID_REQUEST'],
    [JSON.stringify({ query: 'RETURN 1 AS x //'.padEnd(10_500, ' ') }), 'QUERY_TOO_LONG'],
  ])('refuses the malformed body %#', async (body, code) => {
    const { status, json } = await cypher(body);
    expect(status).toBe(400);
    expect(json().error.code).toBe(code);
  });

  it('accepts only POST with a JSON body', async () => {
    const get = await fetch(`${seeded().url}/cypher`);
    expect(get.status).toBe(405);
    const form = await fetch(`${seeded().url}/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'query=RETURN+1',
    });
    expect(form.status).toBe(415);
  });

  it('requires the bearer token when CYPHER_TOKEN is set', async () => {
    const guarded = await startTestService({
      CYPHER_TOKEN: 'a-long-enough-test-token',
      ...ANALYST,
    });
    try {
      expect((await cypher({ query: 'RETURN 1 AS x' }, { service: guarded })).status).toBe(401);
      const wrong = await cypher(
        { query: 'RETURN 1 AS x' },
        { service: guarded, headers: { authorization: 'Bearer wrong' } },
      );
      expect(wrong.status).toBe(401);
      const right = await cypher(
        { query: 'RETURN 1 AS x' },
        { service: guarded, headers: { authorization: 'Bearer a-long-enough-test-token' } },
      );
      expect(right.json()).toEqual({
        columns: ['x'],
        rows: [[1]],
        truncated: false,
        truncatedBy: null,
      });
      const graphql = await postGraphQL(guarded.url, '{ cypher(query: "RETURN 1 AS x") { rows } }');
      expect(graphql.body.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHORIZED' });
    } finally {
      await guarded.stop();
    }
  });

  it('is off, cleanly, with CYPHER_ENABLED=false', async () => {
    const off = await startTestService({ CYPHER_ENABLED: 'false' });
    try {
      const { status, json } = await cypher({ query: 'RETURN 1 AS x' }, { service: off });
      expect(status).toBe(404);
      expect(json().error.code).toBe('CYPHER_DISABLED');
      const graphql = await postGraphQL(off.url, '{ cypher(query: "RETURN 1 AS x") { rows } }');
      expect(graphql.body.data).toBeNull();
      expect(graphql.body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await off.stop();
    }
  });
});
