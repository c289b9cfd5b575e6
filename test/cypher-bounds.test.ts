/**
 * Analysts' Cypher within bounds whatever it computes, and failures as clean 4xx answers:
 * the answer comes by the time limit even when one expression computes for hours, and Neo4j
 * then forgets the transaction; one transaction's memory is capped and a query that fills the
 * heap with values Neo4j does not count is stopped before the JVM dies; answers are cut by size
 * as well as by rows; parameters and values nest at most 32 deep; Neo4j's errors reach the
 * analyst without Java class names or the EXPLAIN the plan check puts in front.
 *
 * Figures (time to answer, bytes, the JVM's memory) are printed, not asserted: the machine may
 * be busy. The only timing asserted is that the 408 comes while the query is still running.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { CypherRefusal } from '../src/analyst/cypher-refusal.js';
import { EMBEDDED_ANALYST_USER } from '../src/neo4j/embedded/analyst-user.js';
import { runOnAnalystLine, type CypherLimits } from '../src/analyst/run-cypher.js';
import { postCypher } from './support/cypher.js';
import { eventually, postGraphQL, startTestService, useSeededService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

// The embedded Neo4j's analyst login (and its watch over runaway queries) is what these bounds
// are about; a Neo4j of one's own (NEO4J_URI) has neither.
const external = Boolean(process.env.NEO4J_URI);
const ANALYST: Record<string, string> = external
  ? {}
  : { NEO4J_ANALYST_USER: EMBEDDED_ANALYST_USER };

const seeded = useSeededService({ CYPHER_TIMEOUT_MS: '120000', ...ANALYST });

async function cypher(service: RunningService, body: unknown, query = '') {
  const started = performance.now();
  const answer = await postCypher(service.url, body, { query });
  return { ...answer, seconds: (performance.now() - started) / 1000 };
}

/** The test Neo4j's JVM, found by its Bolt port (Linux), for its memory figures. */
function jvmMemory(): { rssMb: number; peakRssMb: number } | undefined {
  const port = new URL(testNeo4jUri()).port;
  for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (!command.includes('--port') || command[command.indexOf('--port') + 1] !== port) continue;
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1]);
      return { rssMb: Math.round(kb('VmRSS') / 1024), peakRssMb: Math.round(kb('VmHWM') / 1024) };
    } catch {
      // A process that ended meanwhile.
    }
  }
  return undefined;
}

/** The major version of the Java that runs the embedded Neo4j (it prints it on stderr). */
function javaVersion(): number {
  const java = process.env.JAVA_HOME ? `${process.env.JAVA_HOME}/bin/java` : 'java';
  const { stderr } = spawnSync(java, ['-version'], { encoding: 'utf8' });
  return Number(/version "(?:1\.)?(\d+)/.exec(stderr ?? '')?.[1] ?? 0);
}

describe.skipIf(external)('time', () => {
  let limited: RunningService;
  let admin: Driver;

  beforeAll(async () => {
    limited = await startTestService({ CYPHER_TIMEOUT_MS: '1500', ...ANALYST });
    admin = neo4j.driver(testNeo4jUri());
  });
  afterAll(async () => {
    await limited?.stop();
    await admin?.close();
  });

  const running = async (marker: string) => {
    const { records } = await admin.executeQuery(
      'SHOW TRANSACTIONS YIELD transactionId, currentQuery WHERE currentQuery CONTAINS $marker AND NOT currentQuery STARTS WITH "SHOW" RETURN transactionId',
      { marker },
    );
    return records.length > 0;
  };

  it('answers 408 at the deadline to one expression that would compute for hours, then Neo4j forgets it', async () => {
    const marker = 'bounds-long-expression';
    // About 10^13 additions: days of work. Neo4j checks its timeout only when a query touches
    // the store, which this one never does.
    const query = `RETURN reduce(s = 0, x IN range(1, 10000000000000) | s + x) AS total, '${marker}' AS marker`;
    const before = jvmMemory();
    const answer = cypher(limited, { query });
    expect(await eventually(() => running(marker), 30_000), 'the query runs in Neo4j').toBe(true);
    const { status, json, seconds } = await answer;
    expect(status).toBe(408);
    expect(json().error.code).toBe('QUERY_TIMEOUT');
    const during = jvmMemory();
    // The embedded Neo4j stops the thread of a query that ignores its termination (Java 17-19).
    if (javaVersion() < 20) {
      const started = performance.now();
      expect(await eventually(async () => !(await running(marker)), 30_000)).toBe(true);
      console.log(
        `long expression: 408 after ${seconds.toFixed(2)} s (limit 1.5 s); transaction gone ${((performance.now() - started) / 1000).toFixed(2)} s later; JVM RSS ${before?.rssMb} MB before, ${during?.rssMb} MB at the answer (peak ${during?.peakRssMb} MB)`,
      );
    } else {
      console.log(`long expression: 408 after ${seconds.toFixed(2)} s; Java 20+ cannot stop it`);
    }
    // The service answers the next query at once.
    expect((await cypher(limited, { query: 'RETURN 1 AS one' })).json().rows).toEqual([[1]]);
  });
});

describe.skipIf(external)('memory', () => {
  it('caps the memory one analyst transaction may use: 400 MEMORY_LIMIT_EXCEEDED', async () => {
    // collect() holds 30 million integers: far more than a quarter of the test JVM's heap.
    const { status, json, seconds } = await cypher(seeded(), {
      query: 'UNWIND range(1, 30000000) AS x WITH collect(x) AS xs RETURN size(xs) AS n',
    });
    expect(status).toBe(400);
    expect(json().error.code).toBe('MEMORY_LIMIT_EXCEEDED');
    console.log(
      `memory cap: refused after ${seconds.toFixed(2)} s; JVM ${JSON.stringify(jvmMemory())}`,
    );
  });

  it('fails a query that asks for more heap than there is, alone; the JVM lives on', async () => {
    const jvmBefore = jvmMemory();
    // One array of 400 million references: larger than the heap, so only that allocation fails
    // (Neo4j's advice, -XX:+ExitOnOutOfMemoryError, would end the JVM here). Values Neo4j does
    // not count, added one by one until the heap is full, are not tested: whether the heap guard
    // or an OutOfMemoryError in another thread comes first depends on the machine's load, and in
    // the second case the launcher ends the JVM for the supervisor to restart (SECURITY.md).
    const { status, json, seconds } = await cypher(seeded(), {
      query: 'RETURN size([x IN range(1, 400000000) | x]) AS n',
    });
    expect(status).toBe(400);
    expect(json().error.code).toBe('MEMORY_LIMIT_EXCEEDED');
    const jvm = jvmMemory();
    console.log(
      `one allocation larger than the heap: refused after ${seconds.toFixed(2)} s; JVM RSS ${jvmBefore?.rssMb} MB before, ${jvm?.rssMb} MB after (peak ${jvm?.peakRssMb} MB)`,
    );
    expect(jvm, 'the same JVM still runs').toBeDefined();
    expect((await cypher(seeded(), { query: 'RETURN 1 AS one' })).json().rows).toEqual([[1]]);
  });
});

describe('bytes', () => {
  // Each row is about 16 kB of JSON: 1,000 rows would be 16 MB.
  const LARGE =
    "UNWIND range(1, 1000) AS i RETURN i, [x IN range(1, 1500) | 'abcdefgh'] AS padding";

  it('cuts an answer at CYPHER_MAX_BYTES, counted while reading rows, and says so', async () => {
    const service = await startTestService({ CYPHER_MAX_BYTES: '2000000', ...ANALYST });
    try {
      const before = jvmMemory();
      const { status, json, text, seconds } = await cypher(service, { query: LARGE });
      expect(status).toBe(200);
      const result = json();
      expect(result.truncated).toBe(true);
      expect(result.truncatedBy).toBe('bytes');
      expect(result.rows.length).toBeGreaterThan(0);
      expect(result.rows.length).toBeLessThan(1000);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(2_000_000 + 1_000);
      const after = jvmMemory();
      console.log(
        `large answer: ${result.rows.length} of 1000 rows, ${Buffer.byteLength(text)} bytes in ${seconds.toFixed(2)} s; JVM RSS ${before?.rssMb} MB before, ${after?.rssMb} MB after (peak ${after?.peakRssMb} MB)`,
      );

      const csv = await cypher(service, { query: LARGE }, '?format=csv');
      expect(csv.headers.get('x-result-truncated')).toBe('true');
      expect(csv.headers.get('x-result-truncated-by')).toBe('bytes');
      // The same rows (the limit counts them as JSON; CSV quotes the JSON of lists again).
      expect(csv.text.trim().split('\n')).toHaveLength(result.rows.length + 1);

      const graphql = await postGraphQL(
        service.url,
        `query ($q: String!) { cypher(query: $q) { truncated truncatedBy } }`,
        { q: LARGE },
      );
      expect(graphql.body.data).toEqual({ cypher: { truncated: true, truncatedBy: 'BYTES' } });
    } finally {
      await service.stop();
    }
  });
});

describe('nesting', () => {
  const deep = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

  it('refuses parameters nested 20,000 deep with 400 INVALID_REQUEST naming where', async () => {
    const body = `{"query": "RETURN $deep AS d", "params": {"deep": ${deep(20_000)}}}`;
    const { status, json } = await cypher(seeded(), body);
    expect(status).toBe(400);
    expect(json().error).toMatchObject({
      code: 'INVALID_REQUEST',
      message: expect.stringMatching(/^params\.deep(\[0\]){32} is nested more than 32 deep/),
    });
    // The same through GraphQL variables.
    const response = await fetch(`${seeded().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "query ($p: JSONObject) { cypher(query: \\"RETURN $deep AS d\\", params: $p) { rows } }", "variables": {"p": {"deep": ${deep(20_000)}}}}`,
    });
    const graphql = (await response.json()) as { errors?: { extensions?: unknown }[] };
    expect(graphql.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_REQUEST' });
    // 32 deep is fine, and comes back as it went.
    const fine = await cypher(
      seeded(),
      `{"query": "RETURN $deep AS d", "params": {"deep": ${deep(32)}}}`,
    );
    expect(fine.status).toBe(200);
    expect(JSON.stringify(fine.json().rows)).toBe(`[[${deep(32)}]]`);
  });

  it('refuses answers nested deeper than 32, however deep, with a 4xx', async () => {
    const answers: [number, string][] = [];
    for (const depth of [100, 3_000]) {
      const { status, json } = await cypher(seeded(), {
        query: `RETURN reduce(l = [], x IN range(1, ${depth}) | [l]) AS deep`,
      });
      expect(status, String(depth)).toBe(400);
      answers.push([depth, json().error.code]);
    }
    // Read and refused here, or unpacked by the driver until its stack runs out.
    expect(answers).toEqual([
      [100, 'RESULT_TOO_DEEP'],
      [3_000, 'RESULT_TOO_DEEP'],
    ]);
    // Ten thousand deep and more, Neo4j cannot send the answer (its Bolt server's stack runs
    // out, and then it fails to send that error): the connection goes silent, so the time limit
    // answers, and the embedded Neo4j closes the connection.
    const limited = await startTestService({ CYPHER_TIMEOUT_MS: '2000', ...ANALYST });
    try {
      const silent = await cypher(limited, {
        query: 'RETURN reduce(l = [], x IN range(1, 20000) | [l]) AS deep',
      });
      expect(silent.status).toBe(408);
      expect(silent.json().error.code).toBe('QUERY_TIMEOUT');
      expect((await cypher(limited, { query: 'RETURN 1 AS one' })).json().rows).toEqual([[1]]);
    } finally {
      await limited.stop();
    }
  });
});

describe('clean errors', () => {
  const LIMITS: CypherLimits = { timeoutMs: 60_000, maxRows: 100, maxBytes: 1_000_000 };

  /** Past the text guard (which finds syntax errors itself), to see what Neo4j says. */
  async function neo4jRefusal(query: string, checkPlan = true): Promise<CypherRefusal> {
    try {
      await runOnAnalystLine(seeded().database, query, {}, LIMITS, { checkPlan });
    } catch (error) {
      if (error instanceof CypherRefusal) return error;
      throw error;
    }
    throw new Error(`expected ${query} to be refused`);
  }

  it("places Neo4j's syntax errors in the analyst's text, without the EXPLAIN put before it", async () => {
    const first = await neo4jRefusal('MATCH (n RETURN n');
    expect(first.code).toBe('SYNTAX_ERROR');
    expect(first.status).toBe(400);
    expect(first.message).not.toMatch(/EXPLAIN/);
    expect(first.message).toContain('(line 1, column 10 (offset: 9))');
    expect(first.message).toContain('"MATCH (n RETURN n"\n          ^');
    const second = await neo4jRefusal('MATCH (n)\nRETURN m');
    expect(second.message).not.toMatch(/EXPLAIN/);
    expect(second.message).toContain('(line 2, column 8 (offset: 17))');
  });

  it('names no Java class', async () => {
    const { status, json } = await cypher(seeded(), {
      query: "CALL db.index.fulltext.queryNodes('no_such_index', 'x') YIELD node RETURN node",
    });
    expect(status).toBe(400);
    expect(json().error.code).toBe('QUERY_FAILED');
    expect(json().error.message).toMatch(/no such fulltext schema index: no_such_index/);
    expect(json().error.message).not.toMatch(/java\.|org\.neo4j|Exception|Caused by/);
  });

  it('answers 400, not 500, to shortestPath between a node and itself', async () => {
    // Over all pairs of countries (past the plan check, which refuses the cartesian product).
    const allPairs = await neo4jRefusal(
      'MATCH (a:Country), (b:Country) MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p',
      false,
    );
    expect(allPairs).toMatchObject({ status: 400, code: 'QUERY_FAILED' });
    expect(allPairs.message).toMatch(/^shortestPath met the same node at both ends/);
    // And through /cypher: a neighbour's neighbour can be the country itself (one BORDERS fact,
    // walked there and back by two MATCH clauses).
    const { status, json } = await cypher(seeded(), {
      query:
        'MATCH (a:Country)-[:BORDERS]-(m:Country) MATCH (m)-[:BORDERS]-(b:Country) MATCH p = shortestPath((a)-[*..4]-(b)) RETURN p',
    });
    expect(status).toBe(400);
    expect(json().error.message).not.toMatch(/Exception|dbms\.cypher/);
  });

  it("answers 400 to Neo4j's database errors that the query's values cause", async () => {
    for (const query of [
      'RETURN substring("abc", -1) AS s',
      'RETURN range(1, 10)[..-1000000000000] AS l',
    ]) {
      const { status, json } = await cypher(seeded(), { query });
      expect(status, query).toBe(400);
      expect(json().error.code, query).toBe('QUERY_FAILED');
    }
  });
});
