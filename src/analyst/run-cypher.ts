/**
 * Runs an analyst's own Cypher, read-only, behind two lines of defence.
 *
 * 1. Before Neo4j sees it: the text guard (cypher-guard.ts), then Neo4j's EXPLAIN
 *    must show a read query with no LOAD CSV, no procedure off the allowlist and no cartesian
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
 * a CypherRefusal with a code and a message free of Java class names and of the EXPLAIN prefix.
 */
import neo4j from 'neo4j-driver';
import { ALLOWED_PROCEDURES, checkCypherText } from './cypher-guard.js';
import { CypherRefusal } from './cypher-refusal.js';
import { checkNesting, MAX_NESTING, toJson, type Json } from './serialize.js';
import {
  AnalystLoginTooWide,
  DeadlineExceeded,
  type GraphDatabase,
  type Transaction,
} from '../neo4j/database.js';

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

const EXPLAIN = 'EXPLAIN ';

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

async function checkPlan(
  tx: Transaction,
  query: string,
  params: Record<string, unknown>,
): Promise<void> {
  const { summary } = await tx.run(`${EXPLAIN}${query}`, params);
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
  // The plan's operators, without recursion (a plan is as deep as the query is long).
  const pending: unknown[] = [summary.plan];
  while (pending.length > 0) {
    const step = pending.pop() as {
      operatorType?: string;
      arguments?: Record<string, unknown>;
      children?: unknown[];
    } | null;
    if (!step || typeof step !== 'object') continue;
    pending.push(...(step.children ?? []));
    const operator = step.operatorType ?? '';
    if (operator.startsWith('LoadCSV')) {
      throw new CypherRefusal(
        'LOAD_CSV_NOT_ALLOWED',
        'LOAD CSV reads files and URLs; it is not allowed here',
      );
    }
    if (operator.startsWith('ProcedureCall')) {
      const name = String(step.arguments?.Details ?? '')
        .split('(')[0]!
        .trim()
        .toLowerCase();
      if (!ALLOWED_PROCEDURES.has(name)) {
        throw new CypherRefusal('PROCEDURE_NOT_ALLOWED', `procedure ${name} is not allowed`);
      }
    }
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

interface Neo4jFailure {
  code?: string;
  message?: string;
  name?: string;
}

const SERVICE_UNAVAILABLE = () =>
  new CypherRefusal('SERVICE_UNAVAILABLE', 'Neo4j is not reachable; try again shortly', 503);

/**
 * What the analyst is told of a failure, by Neo4j's status code class: their query's fault is
 * 4xx with Neo4j's message (cleaned); Neo4j unreachable or busy is 503; anything else is a 500
 * with a generic message (the endpoint logs the details).
 */
async function refusalFor(
  error: Neo4jFailure,
  explained: boolean,
  database: GraphDatabase,
): Promise<CypherRefusal> {
  const code = error.code ?? '';
  const message = cleanMessage(error.message ?? '', explained);
  const failed = (fallback: string) => new CypherRefusal('QUERY_FAILED', message || fallback);

  if (
    error instanceof DeadlineExceeded ||
    /^Neo\.\w+\.Transaction\.TransactionTimedOut/.test(code)
  ) {
    return new CypherRefusal(
      'QUERY_TIMEOUT',
      'the query ran past its time limit and was stopped',
      408,
    );
  }
  if (error instanceof AnalystLoginTooWide) {
    return new CypherRefusal(
      'SERVICE_UNAVAILABLE',
      "analysts' Cypher is unavailable: the server's analyst login is not restricted to reading",
      503,
    );
  }
  if (error.name === 'RangeError') {
    // The driver could not unpack a value nested thousands deep.
    return new CypherRefusal(
      'RESULT_TOO_DEEP',
      `a value in the answer is nested more than ${MAX_NESTING} deep`,
    );
  }
  if (
    /^Neo\.\w+\.General\.(TransactionMemoryLimit|MemoryPoolOutOfMemoryError|TransactionOutOfMemoryError|OutOfMemoryError)$/.test(
      code,
    )
  ) {
    return new CypherRefusal(
      'MEMORY_LIMIT_EXCEEDED',
      "the query needed more memory than an analyst's query may use; aggregate, filter or LIMIT earlier",
    );
  }
  if (/^Neo\.\w+\.Transaction\.Terminated$/.test(code)) {
    return new CypherRefusal(
      'QUERY_TERMINATED',
      'Neo4j ended the query before it finished; try again',
      503,
    );
  }
  if (code === 'Neo.ClientError.Statement.AccessMode') return writeRefused();
  if (code === 'Neo.ClientError.Security.Forbidden') return forbidden(error.message ?? '');
  if (/^Neo\.ClientError\.Security\./.test(code)) {
    // The analyst login itself was refused (wrong password, expired): not the query's doing.
    return new CypherRefusal(
      'SERVICE_UNAVAILABLE',
      "analysts' Cypher is unavailable: Neo4j refused the analyst login",
      503,
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return databaseRefused();
  if (code === 'Neo.ClientError.Statement.SyntaxError') {
    return new CypherRefusal('SYNTAX_ERROR', message || 'the query is not valid Cypher');
  }
  if (code.startsWith('Neo.ClientError.Request.')) {
    return new CypherRefusal('INVALID_REQUEST', message || 'the request is not valid');
  }
  if (code.startsWith('Neo.ClientError.')) return failed('the query failed');
  if (
    code.startsWith('Neo.DatabaseError.Statement.') ||
    code === 'Neo.DatabaseError.Transaction.TransactionStartFailed' ||
    code === 'Neo.DatabaseError.General.UnknownError'
  ) {
    // Failures Neo4j files under database errors that the query's own values cause (a
    // shortestPath between a node and itself, an index out of range, a negative substring, an
    // element id that is not one): a read-only query that fails this way is the query's doing.
    return failed('Neo4j could not run the query with these values');
  }
  if (code.startsWith('Neo.TransientError.')) {
    return new CypherRefusal('SERVICE_UNAVAILABLE', 'Neo4j is busy; try again shortly', 503);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    // Neo4j drops the connection of a query it cannot answer (a value nested thousands deep) or
    // had to stop (the embedded Neo4j stops one that fills its memory): if Neo4j still answers,
    // the query was the cause.
    const reachable = await database.ping().then(
      () => true,
      () => false,
    );
    return reachable
      ? new CypherRefusal(
          'QUERY_ABORTED',
          'Neo4j dropped the query while running it: it filled the memory Neo4j has for queries, or built a value nested too deep to send',
        )
      : SERVICE_UNAVAILABLE();
  }
  // Kept for the log (the endpoint logs refusals of 500 and more), never shown to the analyst.
  return Object.assign(new CypherRefusal('QUERY_FAILED', 'the query failed in the database', 500), {
    cause: error,
  });
}

const writeRefused = () =>
  new CypherRefusal(
    'WRITE_NOT_ALLOWED',
    'the query would change the graph; only read queries are allowed',
  );

const databaseRefused = () =>
  new CypherRefusal(
    'DATABASE_SWITCH_NOT_ALLOWED',
    "only the graph's own database can be queried (no USE of another)",
  );

/** Neo4j's refusals under the analyst login, named as the first line names them. */
function forbidden(message: string): CypherRefusal {
  if (/^Executing (admin )?procedure/i.test(message)) {
    return new CypherRefusal(
      'PROCEDURE_NOT_ALLOWED',
      'the procedure is not allowed; only schema introspection and full-text search are',
    );
  }
  if (/^LOAD\b/i.test(message)) {
    return new CypherRefusal(
      'LOAD_CSV_NOT_ALLOWED',
      'LOAD CSV reads files and URLs; it is not allowed here',
    );
  }
  if (/^Database access/i.test(message)) return databaseRefused();
  if (/^(Show|Terminate)\b/i.test(message)) {
    return new CypherRefusal(
      'COMMAND_NOT_ALLOWED',
      'SHOW and TERMINATE commands are not allowed here; schema procedures such as db.labels() are',
    );
  }
  if (/^(Create|Creating|Delete|Set|Remove|Merge|Write|Schema|Index|Constraint)\b/i.test(message)) {
    return writeRefused();
  }
  return new CypherRefusal('NOT_ALLOWED', 'the query needs a right that analysts do not have');
}

/** A failure of the EXPLAIN run: its positions count the `EXPLAIN ` put before the query. */
class ExplainFailure {
  constructor(readonly cause: unknown) {}
}

/**
 * Neo4j's message for the analyst: what Neo4j says of their query, without the `EXPLAIN ` that
 * the plan check put in front (positions shift back), without Java class names and Neo4j's
 * "Caused by" chain, and at most 1,000 characters.
 */
export function cleanMessage(message: string, explained: boolean): string {
  if (
    /^The shortest path algorithm does not work when the start and end nodes are the same/.test(
      message,
    )
  ) {
    return 'shortestPath met the same node at both ends (after a cartesian product, for example); exclude such rows with WHERE a <> b';
  }
  let text = message;
  if (explained) {
    // Neo4j quotes the query's line (the first with the prefix) and puts a caret under the spot.
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i += 1) {
      if (!lines[i]!.startsWith(`"${EXPLAIN}`)) continue;
      lines[i] = `"${lines[i]!.slice(1 + EXPLAIN.length)}`;
      const caret = lines[i + 1];
      if (caret !== undefined && /^ {8,}\^\s*$/.test(caret))
        lines[i + 1] = caret.slice(EXPLAIN.length);
    }
    text = lines
      .join('\n')
      .replace(
        /\(line (\d+), column (\d+) \(offset: (\d+)\)\)/g,
        (_whole, line: string, column: string, offset: string) =>
          `(line ${line}, column ${line === '1' ? Math.max(1, Number(column) - EXPLAIN.length) : column} (offset: ${Math.max(0, Number(offset) - EXPLAIN.length)}))`,
      );
  }
  // Java class names (java.lang.IllegalArgumentException: ...), except in the quoted query line.
  text = text
    .split('\n')
    .map((line) =>
      line.startsWith('"')
        ? line
        : line
            .replace(/\bCaused by:\s*/g, '')
            .replace(
              /\b(?:java|javax|jdk|sun|scala|org|com|io|net)\.(?:[\w$]+\.)+[A-Z][\w$]*:?[ \t]*/g,
              '',
            ),
    )
    .join('\n')
    .trim();
  return text.length > 1000 ? `${text.slice(0, 997)}...` : text;
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
