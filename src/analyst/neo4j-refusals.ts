/**
 * What an analyst is told when Neo4j fails their query: a CypherRefusal with a code, a message
 * cleaned of Java and of the plan check's prefix, and an HTTP status by the cause (the query's
 * fault, Neo4j busy or away, or ours).
 */
import { CypherRefusal, loadCsvRefused, writeRefused } from './cypher-refusal.js';
import { EXPLAIN } from './plan-check.js';
import { MAX_NESTING } from './serialize.js';
import { AnalystLoginTooWide, DeadlineExceeded, type GraphDatabase } from '../neo4j/database.js';

export interface Neo4jFailure {
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
export async function refusalFor(
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
    return loadCsvRefused();
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

/**
 * Neo4j's message for the analyst: what Neo4j says of their query, without the `EXPLAIN ` that
 * the plan check put in front (positions shift back), without Java class names and Neo4j's
 * "Caused by" chain, and at most 1,000 characters.
 */
function cleanMessage(message: string, explained: boolean): string {
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
