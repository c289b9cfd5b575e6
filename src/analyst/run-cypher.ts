/**
 * Runs an analyst's own Cypher, read-only, behind two lines of defence.
 *
 * 1. Before Neo4j sees it: the text guard (cypher-guard.ts), then Neo4j's EXPLAIN
 *    (plan-check.ts) must show a read query with no LOAD CSV, no procedure off the allowlist and no cartesian
 *    product or unbounded path. Only `EXPLAIN ` is put in front of the analyst's text.
 * 2. In Neo4j: the query runs under the analyst login (GraphDatabase.analystRead), which Neo4j
 *    itself lets read the graph's database and nothing else: no write, no admin command, no
 *    other transaction, no setting, no other database, no file or URL (the embedded Neo4j's
 *    analyst user; a reader-role user on a server of one's own; see SECURITY.md). The second
 *    line holds alone: test/cypher-neo4j-line.test.ts sends hostile queries past the first.
 *
 * Bounds: the answer comes by the time limit whatever the query computes (408), at most
 * `maxRows` rows and `maxBytes` bytes of rows come back (`truncatedBy` says which cut), and
 * parameters and values may nest at most MAX_NESTING deep. Every failure caused by the query is
 * a CypherRefusal with a code and a message free of Java class names and of the EXPLAIN prefix
 * (neo4j-refusals.ts).
 */
import neo4j from 'neo4j-driver';
import { checkCypherText } from './cypher-guard.js';
import { CypherRefusal } from './cypher-refusal.js';
import { refusalFor, type Neo4jFailure } from './neo4j-refusals.js';
import { checkPlan } from './plan-check.js';
import { checkNesting, MAX_NESTING, toJson, type Json } from './serialize.js';
import type { GraphDatabase, Transaction } from '../neo4j/database.js';

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
  /** Bytes of rows (as JSON) an answer may carry; the rows past it are cut. */
  maxBytes: number;
  /** Longest path a pattern may walk (CYPHER_MAX_HOPS); the guard's default when unset. */
  maxHops?: number;
  /** False: analysts' Cypher is turned off (CYPHER_ENABLED=false). */
  enabled?: boolean;
}

export type Truncation = 'rows' | 'bytes';

export interface CypherResult {
  columns: string[];
  rows: Json[][];
  /** True when rows were left out: the rest were not read. */
  truncated: boolean;
  /** Which limit cut the answer: `rows` (CYPHER_MAX_ROWS) or `bytes` (CYPHER_MAX_BYTES). */
  truncatedBy: Truncation | null;
}

export async function runAnalystCypher(
  database: GraphDatabase,
  query: string,
  params: Record<string, unknown>,
  limits: CypherLimits,
): Promise<CypherResult> {
  checkCypherText(query, { maxHops: limits.maxHops });
  return runOnAnalystLine(database, query, params, limits);
}

/**
 * The query without the text guard: the parameters' nesting is checked, then with `checkPlan`
 * (the default) EXPLAIN's checks, then the query itself under the analyst login, bounded. Tests
 * call it with `checkPlan: false` to show what Neo4j's restrictions stop on their own.
 */
export async function runOnAnalystLine(
  database: GraphDatabase,
  query: string,
  params: Record<string, unknown>,
  limits: CypherLimits,
  options: { checkPlan?: boolean } = {},
): Promise<CypherResult> {
  const nesting = checkNesting(params, 'params');
  if (nesting) {
    throw new CypherRefusal(
      'INVALID_REQUEST',
      `${nesting} is nested more than ${MAX_NESTING} deep; flatten the parameters`,
    );
  }
  const parameters = toNeo4jParams(params);
  try {
    return await database.analystRead(
      async (tx, signal) => {
        if (options.checkPlan ?? true) {
          await checkPlan(tx, query, parameters).catch((error: unknown) => {
            throw error instanceof CypherRefusal ? error : new ExplainFailure(error);
          });
        }
        return await readRows(tx, query, parameters, limits, signal);
      },
      { timeoutMs: limits.timeoutMs },
    );
  } catch (error) {
    if (error instanceof CypherRefusal) throw error;
    const explained = error instanceof ExplainFailure;
    const failure = (explained ? error.cause : error) as Neo4jFailure;
    throw await refusalFor(failure, explained, database);
  }
}

/**
 * Reads rows until the query ends, `maxRows` rows are read, or one more row would take the
 * answer past `maxBytes` (each row counted as its JSON, with the comma between rows); then the
 * rest is left unread and the transaction ends.
 */
async function readRows(
  tx: Transaction,
  query: string,
  params: Record<string, unknown>,
  limits: CypherLimits,
  signal: AbortSignal,
): Promise<CypherResult> {
  const result = tx.run(query, params);
  const rows: Json[][] = [];
  let bytes = 0;
  let truncatedBy: Truncation | null = null;
  for await (const record of result) {
    if (signal.aborted) break;
    if (rows.length === limits.maxRows) {
      truncatedBy = 'rows';
      break;
    }
    const row = record.keys.map((key) => toJson(record.get(key)));
    const size = Buffer.byteLength(JSON.stringify(row)) + 1;
    if (bytes + size > limits.maxBytes) {
      truncatedBy = 'bytes';
      break;
    }
    bytes += size;
    rows.push(row);
  }
  return {
    columns: [...(await result.keys())].map(String),
    rows,
    truncated: truncatedBy !== null,
    truncatedBy,
  };
}

/** A failure of the EXPLAIN run: its positions count the `EXPLAIN ` put before the query. */
class ExplainFailure {
  constructor(readonly cause: unknown) {}
}

/** JSON numbers that are whole become Neo4j integers (so `LIMIT $n` works); the rest as given. */
function toNeo4jParams(value: Record<string, unknown>): Record<string, unknown> {
  // Recursion is safe here: checkNesting has bounded the depth.
  const convert = (item: unknown): unknown => {
    if (typeof item === 'number' && Number.isSafeInteger(item)) return neo4j.int(item);
    if (Array.isArray(item)) return item.map(convert);
    if (item && typeof item === 'object') {
      return Object.fromEntries(Object.entries(item).map(([key, inner]) => [key, convert(inner)]));
    }
    return item;
  };
  return convert(value) as Record<string, unknown>;
}
