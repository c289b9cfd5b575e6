/**
 * The second line of defence on its own: analysts' queries run under the embedded Neo4j's
 * analyst login, which Neo4j itself lets read the graph's database and nothing else. Every
 * query here skips the text guard (and EXPLAIN's plan check): what stops it is Neo4j. Meanwhile
 * another client's transaction and another analyst's stay open with a secret in their
 * parameters: no query may see them, end them, read a setting, reach another database or write.
 */
import neo4j, { type Driver, type Session, type Transaction } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CypherRefusal } from '../src/analyst/cypher-refusal.js';
import { EMBEDDED_ANALYST_USER } from '../src/neo4j/embedded/analyst-user.js';
import {
  runOnAnalystLine,
  type CypherLimits,
  type CypherResult,
} from '../src/analyst/run-cypher.js';
import { snapshotGraph } from './support/graph.js';
import { HOSTILE_CYPHER } from './support/hostile-cypher.js';
import { useSeededService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

// A Neo4j of one's own (NEO4J_URI) has no analyst user of ours: the line is the embedded one's.
const external = Boolean(process.env.NEO4J_URI);
const seeded = useSeededService(external ? {} : { NEO4J_ANALYST_USER: EMBEDDED_ANALYST_USER });

const LIMITS: CypherLimits = { timeoutMs: 20_000, maxRows: 1000, maxBytes: 2_000_000 };
const OTHER_CLIENT_SECRET = 'other-client-secret-4b1d';
const OTHER_ANALYST_SECRET = 'other-analyst-secret-9c2e';

/** Settings that SHOW SETTINGS or dbms.listConfig() would list first. */
const SETTING_NAMES =
  /server\.bolt\.listen_address|dbms\.security\.auth_enabled|server\.directories/;

type Outcome = { result: CypherResult } | { refusal: CypherRefusal };

/** The query on the Neo4j line alone: no text guard, no plan check. */
async function onLine(
  query: string,
  params: Record<string, unknown> = {},
  limits: CypherLimits = LIMITS,
): Promise<Outcome> {
  try {
    return {
      result: await runOnAnalystLine(seeded().database, query, params, limits, {
        checkPlan: false,
      }),
    };
  } catch (error) {
    if (error instanceof CypherRefusal) return { refusal: error };
    throw error;
  }
}

const codeOf = (outcome: Outcome) => ('refusal' in outcome ? outcome.refusal.code : 'ran');

/** A transaction kept open in the middle of streaming a query that carries a secret. */
interface OpenTransaction {
  session: Session;
  tx: Transaction;
  id: string;
}

describe.skipIf(external)('the Neo4j line alone (analyst login)', () => {
  let admin: Driver;
  let otherAnalyst: Driver;
  let otherClient: OpenTransaction;
  let otherAnalystTx: OpenTransaction;

  const transactionsSeenByAdmin = async () => {
    const { records } = await admin.executeQuery(
      'SHOW TRANSACTIONS YIELD transactionId, currentQuery, parameters, status RETURN *',
    );
    return records.map((record) => record.toObject());
  };

  async function openWithSecret(driver: Driver, secret: string): Promise<OpenTransaction> {
    const session = driver.session({ defaultAccessMode: neo4j.session.READ, fetchSize: 10 });
    const tx = await session.beginTransaction();
    // One record is read; the query then waits, running, until more are asked for.
    const stream = tx.run('UNWIND range(1, 1000000) AS i RETURN i, $secret AS secret', { secret });
    await stream[Symbol.asyncIterator]().next();
    const row = (await transactionsSeenByAdmin()).find((t) =>
      JSON.stringify(t.parameters ?? {}).includes(secret),
    );
    expect(row, 'the admin sees the open transaction and its secret').toBeDefined();
    return { session, tx, id: String(row!.transactionId) };
  }

  const stillOpen = async (open: OpenTransaction) =>
    (await transactionsSeenByAdmin()).some(
      (t) => t.transactionId === open.id && String(t.status).startsWith('Running'),
    );

  beforeAll(async () => {
    admin = neo4j.driver(testNeo4jUri());
    otherAnalyst = neo4j.driver(
      testNeo4jUri(),
      neo4j.auth.basic(EMBEDDED_ANALYST_USER, 'any password'),
    );
    otherClient = await openWithSecret(admin, OTHER_CLIENT_SECRET);
    otherAnalystTx = await openWithSecret(otherAnalyst, OTHER_ANALYST_SECRET);
  });

  afterAll(async () => {
    for (const open of [otherClient, otherAnalystTx]) {
      await open?.tx.rollback().catch(() => undefined);
      await open?.session.close();
    }
    await admin?.close();
    await otherAnalyst?.close();
  });

  const expectNothingLeaked = (outcome: Outcome) => {
    const text = JSON.stringify(outcome);
    expect(text).not.toContain(OTHER_CLIENT_SECRET);
    expect(text).not.toContain(OTHER_ANALYST_SECRET);
  };

  it('shows no other transaction, its query or its parameters', async () => {
    for (const query of [
      'SHOW\u001cTRANSACTIONS YIELD transactionId, currentQuery, parameters RETURN *',
      'SHOW TRANSACTIONS',
      'SHOW TRANSACTIONS YIELD *',
      "SHOW TRANSACTIONS 'neo4j-transaction-1', 'neo4j-transaction-2'",
    ]) {
      const outcome = await onLine(query);
      expectNothingLeaked(outcome);
      if ('result' in outcome) expect(outcome.result.rows, query).toEqual([]);
    }
  });

  it('terminates no other transaction', async () => {
    for (const open of [otherClient, otherAnalystTx]) {
      const outcome = await onLine('TERMINATE\u001fTRANSACTIONS $id', { id: open.id });
      expectNothingLeaked(outcome);
      if ('result' in outcome) {
        expect(JSON.stringify(outcome.result.rows)).toMatch(/not found/i);
      }
      expect(await stillOpen(open)).toBe(true);
    }
  });

  it('reads no setting', async () => {
    for (const query of [
      'SHOW SETTINGS',
      'SHOW\u001cSETTINGS YIELD name, value RETURN name, value',
      'CALL dbms.listConfig() YIELD name, value RETURN name, value',
      "CALL dbms.queryJmx('*:*') YIELD name RETURN name",
    ]) {
      const outcome = await onLine(query);
      if ('result' in outcome) expect(outcome.result.rows, query).toEqual([]);
      else expect(outcome.refusal.code, query).toBe('PROCEDURE_NOT_ALLOWED');
    }
  });

  it('reaches no other database and runs no administration command', async () => {
    for (const query of [
      'USE\u001csystem MATCH (n) RETURN count(n)',
      'USE system CALL dbms.components() YIELD name RETURN name',
      'SHOW DATABASES',
      'SHOW USERS',
    ]) {
      const outcome = await onLine(query);
      expect(codeOf(outcome), query).toBe('DATABASE_SWITCH_NOT_ALLOWED');
    }
    // Commands that change the system database: refused (by the READ transaction first; the
    // WRITE session below shows the login refuses them too).
    for (const query of [
      "CREATE USER intruder SET PASSWORD 'intruder-password'",
      "ALTER USER neo4j SET PASSWORD 'hacked-password'",
      'CREATE DATABASE intruder',
      'STOP DATABASE neo4j',
    ]) {
      const outcome = await onLine(query);
      expect(['DATABASE_SWITCH_NOT_ALLOWED', 'WRITE_NOT_ALLOWED'], query).toContain(
        codeOf(outcome),
      );
    }
    // The graph's own database stays readable under its name.
    const own = await onLine('USE neo4j MATCH (c:Country) RETURN count(c) AS n');
    expect(own).toMatchObject({ result: { rows: [[4]] } });
  });

  it('writes nothing, reads no file or URL, calls only the allowlisted procedures', async () => {
    const before = await snapshotGraph(seeded().database);
    const refusals: [string, string][] = [
      ['CREATE (n:Hacked) RETURN n', 'WRITE_NOT_ALLOWED'],
      ["MERGE (n:Entity {id: 'niger'}) SET n.name = 'Hacked'", 'WRITE_NOT_ALLOWED'],
      ["MATCH (n:Entity {id: 'niger'}) SET n.name = 'Hacked'", 'WRITE_NOT_ALLOWED'],
      ['MATCH (n:Claim) DETACH DELETE n', 'WRITE_NOT_ALLOWED'],
      ["MATCH (n:Entity {id: 'niger'}) REMOVE n:Entity", 'WRITE_NOT_ALLOWED'],
      ['CREATE INDEX hacked FOR (n:Entity) ON (n.hacked)', 'WRITE_NOT_ALLOWED'],
      ["CALL db.createLabel('Hacked')", 'WRITE_NOT_ALLOWED'],
      ['CALL db.clearQueryCaches()', 'PROCEDURE_NOT_ALLOWED'],
      ['CALL dbms.listConnections()', 'PROCEDURE_NOT_ALLOWED'],
      ["CALL dbms.killConnection('bolt-1')", 'PROCEDURE_NOT_ALLOWED'],
      ['CALL tx.setMetaData({hacked: true})', 'PROCEDURE_NOT_ALLOWED'],
      ["LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", 'LOAD_CSV_NOT_ALLOWED'],
      ["LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS line RETURN line", 'LOAD_CSV_NOT_ALLOWED'],
    ];
    for (const [query, code] of refusals) {
      expect(codeOf(await onLine(query)), query).toBe(code);
    }
    // In an explicit transaction Neo4j refuses CALL { } IN TRANSACTIONS outright (below, in an
    // auto-commit one, the analyst login refuses its write).
    const batched = await onLine("MATCH (n:Entity) CALL (n) { SET n.name = 'x' } IN TRANSACTIONS");
    expect(codeOf(batched)).not.toBe('ran');
    expect(await snapshotGraph(seeded().database)).toEqual(before);

    // The allowlisted procedures still answer.
    const labels = await onLine('CALL db.labels() YIELD label RETURN label');
    expect(JSON.stringify(labels)).toContain('Country');
    const search = await onLine(
      "CALL db.index.fulltext.queryNodes('entity_search', 'tiani') YIELD node RETURN node.id AS id",
    );
    expect(JSON.stringify(search)).toContain('abdourahamane-tchiani');
  });

  it('writes nothing even from a WRITE session in auto-commit transactions', async () => {
    // The analyst login, not the READ access mode the server asks for, is what refuses.
    const before = await snapshotGraph(seeded().database);
    const session = otherAnalyst.session({ defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const query of [
        'CREATE (n:Hacked) RETURN n',
        "MATCH (n:Entity {id: 'niger'}) SET n.name = 'Hacked'",
        "MATCH (n:Entity {id: 'niger'}) SET n:Hacked",
        "MATCH (n:Entity {id: 'niger'}) REMOVE n:Entity",
        'MATCH (n:Claim) DETACH DELETE n',
        "MATCH (a:Entity {id: 'niger'}), (b:Entity {id: 'mali'}) CREATE (a)-[:BORDERS]->(b)",
        "MATCH (n:Entity) CALL (n) { SET n.name = 'x' } IN TRANSACTIONS",
        'CALL { CREATE (:Hacked) } IN TRANSACTIONS',
        'CREATE CONSTRAINT hacked FOR (n:Hacked) REQUIRE n.id IS UNIQUE',
        'CREATE INDEX hacked FOR (n:Entity) ON (n.name)',
        "CALL db.createLabel('Hacked')",
        "CREATE USER intruder SET PASSWORD 'intruder-password'",
        "ALTER USER neo4j SET PASSWORD 'hacked-password'",
        'CREATE DATABASE intruder',
        'STOP DATABASE neo4j',
      ]) {
        await expect(session.run(query, { id: otherClient.id }), query).rejects.toMatchObject({
          code: 'Neo.ClientError.Security.Forbidden',
        });
      }
      // Not its own transaction: "not found", and it runs on.
      const terminate = await session.run('TERMINATE TRANSACTIONS $id', { id: otherClient.id });
      expect(terminate.records[0]?.get('message')).toMatch(/not found/i);
      expect(await stillOpen(otherClient)).toBe(true);
    } finally {
      await session.close();
    }
    expect(await snapshotGraph(seeded().database)).toEqual(before);
  });

  it(`holds against all ${HOSTILE_CYPHER.length} hostile texts with the text guard bypassed`, async () => {
    const before = await snapshotGraph(seeded().database);
    // A short time limit: the corpus's unbounded paths are runaway reads, stopped by it.
    const limits = { ...LIMITS, timeoutMs: 1000 };
    const outcomes: [string, string][] = [];
    const queue = [...HOSTILE_CYPHER];
    const worker = async () => {
      for (let attack = queue.shift(); attack; attack = queue.shift()) {
        const outcome = await onLine(attack.query, attack.params ?? {}, limits);
        expectNothingLeaked(outcome);
        if ('refusal' in outcome) {
          expect(outcome.refusal.status, attack.name).toBeLessThan(500);
        } else {
          // What ran read the graph: no other transaction, no setting.
          const text = JSON.stringify(outcome.result.rows);
          expect(text, attack.name).not.toContain(otherClient.id);
          expect(text, attack.name).not.toContain(otherAnalystTx.id);
          expect(text, attack.name).not.toMatch(SETTING_NAMES);
        }
        outcomes.push([attack.name, codeOf(outcome)]);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(outcomes).toHaveLength(HOSTILE_CYPHER.length);
    expect(await snapshotGraph(seeded().database)).toEqual(before);
    expect(await stillOpen(otherClient)).toBe(true);
    expect(await stillOpen(otherAnalystTx)).toBe(true);
    const tally = new Map<string, number>();
    for (const [, code] of outcomes) tally.set(code, (tally.get(code) ?? 0) + 1);
    console.log('Neo4j line alone, hostile corpus outcomes:', Object.fromEntries(tally));
  });
});
