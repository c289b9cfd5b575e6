/**
 * Runs an analyst's own Cypher, read-only: in a READ transaction with a timeout, after Neo4j's
 * EXPLAIN has shown it to be a read query with no LOAD CSV, no procedure off the allowlist and
 * no cartesian product or unbounded path; at most `maxRows` rows come back. The query text is
 * the analyst's; only EXPLAIN is put in front of it.
 */
import neo4j from 'neo4j-driver';
import { ALLOWED_PROCEDURES, checkCypherText } from '../analyst/cypher-guard.js';
import { CypherRefusal } from '../analyst/cypher-refusal.js';
import { toJson, type Json } from '../analyst/serialize.js';
import type { GraphDatabase, Transaction } from '../neo4j/database.js';

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
}

export interface CypherResult {
  columns: string[];
  rows: Json[][];
  /** True when the query had more rows than `maxRows`: the rest were not read. */
  truncated: boolean;
}

const RUNAWAY_NOTIFICATIONS: Record<string, [string, string]> = {
  'Neo.ClientNotification.Statement.CartesianProduct': [
    'CARTESIAN_PRODUCT',
    'the query builds a cartesian product of disconnected patterns; connect them or add a WHERE that joins them',
  ],
  'Neo.ClientNotification.Statement.UnboundedVariableLengthPattern': [
    'UNBOUNDED_PATH',
    'the query has a variable-length pattern without an upper bound; give one, e.g. [*..4]',
  ],
};

export async function runAnalystCypher(
  database: GraphDatabase,
  query: string,
  params: Record<string, unknown>,
  limits: CypherLimits,
): Promise<CypherResult> {
  checkCypherText(query);
  const parameters = toNeo4jParams(params);
  try {
    return await database.read(
      async (tx) => {
        await checkPlan(tx, query, parameters);
        return readRows(tx, query, parameters, limits.maxRows);
      },
      { timeoutMs: limits.timeoutMs },
    );
  } catch (error) {
    throw error instanceof CypherRefusal
      ? error
      : refusalFor(error as { code?: string; message?: string });
  }
}

async function checkPlan(
  tx: Transaction,
  query: string,
  params: Record<string, unknown>,
): Promise<void> {
  const { summary } = await tx.run(`EXPLAIN ${query}`, params);
  if (summary.queryType === 's') {
    throw new CypherRefusal(
      'SCHEMA_CHANGE_NOT_ALLOWED',
      'the query changes indexes or constraints; only read queries are allowed',
    );
  }
  if (summary.queryType !== 'r') {
    throw new CypherRefusal(
      'WRITE_NOT_ALLOWED',
      'the query would change the graph; only read queries are allowed',
    );
  }
  for (const notification of summary.notifications) {
    const runaway = RUNAWAY_NOTIFICATIONS[notification.code];
    if (runaway) throw new CypherRefusal(runaway[0], runaway[1]);
  }
  const operators: {
    operatorType: string;
    arguments: Record<string, unknown>;
    children: unknown[];
  }[] = [];
  const walk = (plan: unknown) => {
    if (!plan || typeof plan !== 'object') return;
    const step = plan as (typeof operators)[number];
    operators.push(step);
    step.children?.forEach(walk);
  };
  walk(summary.plan);
  for (const operator of operators) {
    if (operator.operatorType.startsWith('LoadCSV')) {
      throw new CypherRefusal(
        'LOAD_CSV_NOT_ALLOWED',
        'LOAD CSV reads files and URLs; it is not allowed here',
      );
    }
    if (operator.operatorType.startsWith('ProcedureCall')) {
      const name = String(operator.arguments.Details ?? '')
        .split('(')[0]!
        .trim()
        .toLowerCase();
      if (!ALLOWED_PROCEDURES.has(name)) {
        throw new CypherRefusal('PROCEDURE_NOT_ALLOWED', `procedure ${name} is not allowed`);
      }
    }
  }
}

async function readRows(
  tx: Transaction,
  query: string,
  params: Record<string, unknown>,
  maxRows: number,
): Promise<CypherResult> {
  const result = tx.run(query, params);
  const rows: Json[][] = [];
  let truncated = false;
  for await (const record of result) {
    if (rows.length === maxRows) {
      truncated = true;
      break;
    }
    rows.push(record.keys.map((key) => toJson(record.get(key))));
  }
  return { columns: [...(await result.keys())].map(String), rows, truncated };
}

function refusalFor(error: { code?: string; message?: string }): CypherRefusal {
  const code = error.code ?? '';
  const message = error.message ?? 'the query failed';
  if (code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new CypherRefusal(
      'QUERY_TIMEOUT',
      'the query ran past its time limit and was stopped',
      408,
    );
  }
  if (code === 'Neo.ClientError.Statement.SyntaxError')
    return new CypherRefusal('SYNTAX_ERROR', message);
  if (code === 'Neo.ClientError.Statement.AccessMode' || code.includes('Forbidden')) {
    return new CypherRefusal(
      'WRITE_NOT_ALLOWED',
      'the query would change the graph; only read queries are allowed',
    );
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return new CypherRefusal(
      'SERVICE_UNAVAILABLE',
      'Neo4j is not reachable; try again shortly',
      503,
    );
  }
  if (code.startsWith('Neo.ClientError.')) return new CypherRefusal('QUERY_FAILED', message);
  return new CypherRefusal('QUERY_FAILED', 'the query failed in the database', 500);
}

/** JSON numbers that are whole become Neo4j integers (so `LIMIT $n` works); the rest as given. */
function toNeo4jParams(value: Record<string, unknown>): Record<string, unknown> {
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
