/**
 * The first line's last check, on Neo4j's own plan of the analyst's query (EXPLAIN, which runs
 * nothing): a read query, no LOAD CSV, no procedure off the allowlist, and none of the plans
 * Neo4j itself warns about as runaway (a cartesian product, a path without an upper bound).
 */
import { ALLOWED_PROCEDURES } from './cypher-guard.js';
import { CypherRefusal, loadCsvRefused, writeRefused } from './cypher-refusal.js';
import type { Transaction } from '../neo4j/database.js';

/** What is put before the analyst's text, and nothing else. */
export const EXPLAIN = 'EXPLAIN ';

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

/** Refuses the query, by a CypherRefusal, when its plan breaks one of the rules above. */
export async function checkPlan(
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
    throw writeRefused();
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
      throw loadCsvRefused();
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
