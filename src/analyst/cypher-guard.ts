/**
 * The text checks on an analyst's Cypher, made before Neo4j plans it: comments and string
 * literals are set aside first, so nothing can hide in them, then the query may use no LOAD
 * CSV, no USE of another database, no SHOW or TERMINATE command, and only procedures and
 * namespaced functions from short allowlists. Whether it writes is Neo4j's to say (EXPLAIN).
 */
import { CypherRefusal } from './cypher-refusal.js';

export const MAX_QUERY_LENGTH = 10_000;

/** Read-only schema introspection and search. */
export const ALLOWED_PROCEDURES = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
  'dbms.components',
]);

/** Namespaces of built-in functions that only compute (point.distance, date.truncate, ...). */
const ALLOWED_FUNCTION_NAMESPACES = new Set([
  'point',
  'date',
  'datetime',
  'localdatetime',
  'localtime',
  'time',
  'duration',
  'vector',
]);

export function checkCypherText(query: string): void {
  if (query.trim().length === 0) throw new CypherRefusal('INVALID_REQUEST', '"query" is empty');
  if (query.length > MAX_QUERY_LENGTH) {
    throw new CypherRefusal(
      'QUERY_TOO_LONG',
      `the query has ${query.length} characters; at most ${MAX_QUERY_LENGTH}`,
    );
  }
  const code = withoutCommentsAndStrings(query);
  if (/\bLOAD\s+CSV\b/i.test(code)) {
    throw new CypherRefusal(
      'LOAD_CSV_NOT_ALLOWED',
      'LOAD CSV reads files and URLs; it is not allowed here',
    );
  }
  if (/(^|[^.\w`])USE\s/i.test(code)) {
    throw new CypherRefusal(
      'DATABASE_SWITCH_NOT_ALLOWED',
      'USE of another database is not allowed; queries run on the graph',
    );
  }
  const command = /(^|[^.\w`])(SHOW|TERMINATE|GRANT|DENY|REVOKE|ALTER|START|STOP)\s/i.exec(code);
  if (command) {
    throw new CypherRefusal(
      'COMMAND_NOT_ALLOWED',
      `${command[2]!.toUpperCase()} commands are not allowed; only read queries are`,
    );
  }
  // Neo4j warns of an unbounded length only in some plans; these patterns are refused here.
  const unbounded = [
    /\*\s*(\d+\s*\.\.\s*)?\]/, // [*], [:T*2..]
    /\)\s*[+*]\s*(?=[(<-]|(RETURN|WHERE|WITH|MATCH)\b|,|$)/i, // ((a)-->(b))+
    /\]\s*->?\s*[+*]/, // ()-[:T]->+()
    /\{\s*\d*\s*,\s*\}/, // ((a)-->(b)){1,}
  ];
  if (unbounded.some((pattern) => pattern.test(code))) {
    throw new CypherRefusal(
      'UNBOUNDED_PATH',
      'the query has a variable-length pattern without an upper bound; give one, e.g. [*..4] or {1,4}',
    );
  }
  for (const [, name] of code.matchAll(
    /\bCALL\s+([A-Za-z_`][\w`]*(?:\s*\.\s*[A-Za-z_`][\w`]*)*)/gi,
  )) {
    const procedure = name!.replace(/[\s`]/g, '').toLowerCase();
    if (!ALLOWED_PROCEDURES.has(procedure)) {
      throw new CypherRefusal(
        'PROCEDURE_NOT_ALLOWED',
        `procedure ${procedure} is not allowed (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})`,
      );
    }
  }
  for (const match of code.matchAll(/(?<![\w.`$])([A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+)\s*\(/g)) {
    if (/\bCALL\s+$/i.test(code.slice(0, match.index))) continue; // a procedure, checked above
    const qualified = match[1]!.replace(/\s/g, '').toLowerCase();
    const namespace = qualified.split('.')[0]!;
    if (!ALLOWED_FUNCTION_NAMESPACES.has(namespace) && !ALLOWED_PROCEDURES.has(qualified)) {
      throw new CypherRefusal('FUNCTION_NOT_ALLOWED', `function ${qualified} is not allowed`);
    }
  }
}

/**
 * The query with comments removed and the contents of string literals blanked (kept as empty
 * quotes), so keywords can be looked for in what Neo4j would execute.
 */
export function withoutCommentsAndStrings(query: string): string {
  let out = '';
  let i = 0;
  while (i < query.length) {
    const char = query[i]!;
    const next = query[i + 1];
    if (char === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n') i += 1;
      out += ' ';
    } else if (char === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end < 0 ? query.length : end + 2;
      out += ' ';
    } else if (char === "'" || char === '"') {
      let j = i + 1;
      while (j < query.length && query[j] !== char) j += query[j] === '\\' ? 2 : 1;
      out += `${char}${char}`;
      i = j + 1;
    } else if (char === '`') {
      // A quoted name is kept (CALL `dbms`.`listConfig` must still be seen for what it is).
      const end = query.indexOf('`', i + 1);
      const stop = end < 0 ? query.length : end + 1;
      out += query.slice(i, stop);
      i = stop;
    } else {
      out += char;
      i += 1;
    }
  }
  return out;
}
