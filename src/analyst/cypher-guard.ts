/**
 * The first check on an analyst's Cypher, before Neo4j sees it: the text may hold no character
 * that Neo4j's parser could read differently from ours, must parse (with the grammar Neo4j
 * publishes for its tools) as one read query made only of allowed clauses, functions and
 * procedures, and may walk no path longer than the maximum number of hops. Anything else is
 * refused with a code and where it is. Neo4j's EXPLAIN then checks the plan
 * (src/analyst/run-cypher.ts).
 */
import { DEFAULT_MAX_HOPS } from './cypher-allowlist.js';
import { refuseAmbiguousText } from './cypher-characters.js';
import { parseCypher } from './cypher-parse.js';
import { CypherRefusal } from './cypher-refusal.js';
import { checkStatementTree } from './cypher-tree.js';

export { ALLOWED_PROCEDURES } from './cypher-allowlist.js';

export const MAX_QUERY_LENGTH = 10_000;

export interface CypherGuardOptions {
  /** Longest path a pattern may walk, in relationships (CYPHER_MAX_HOPS). */
  maxHops?: number;
}

export function checkCypherText(query: string, options: CypherGuardOptions = {}): void {
  if (query.trim().length === 0) throw new CypherRefusal('INVALID_REQUEST', '"query" is empty');
  if (query.length > MAX_QUERY_LENGTH) {
    throw new CypherRefusal(
      'QUERY_TOO_LONG',
      `the query has ${query.length} characters; at most ${MAX_QUERY_LENGTH}`,
    );
  }
  refuseAmbiguousText(query);
  try {
    checkStatementTree(parseCypher(query), options.maxHops ?? DEFAULT_MAX_HOPS);
  } catch (error) {
    if (error instanceof CypherRefusal) throw error;
    // Whatever the parser could not cope with is not run: the guard fails closed.
    throw new CypherRefusal('SYNTAX_ERROR', 'the query could not be read; check its syntax');
  }
}
