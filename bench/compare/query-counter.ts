/**
 * Counts the Cypher statements a server process sends, whichever library sends them: every
 * statement goes through `Session.run` (auto-commit) or `Transaction.run` (managed and explicit
 * transactions, `executeQuery`) of the one neo4j-driver installed. Imported before any server.
 */
import neo4j from 'neo4j-driver';

let statements = 0;

for (const type of [neo4j.Session, neo4j.Transaction]) {
  const prototype = type.prototype as { run: (...args: unknown[]) => unknown };
  const run = prototype.run;
  prototype.run = function (this: unknown, ...args: unknown[]) {
    statements += 1;
    return run.apply(this, args);
  };
}

export const statementCount = () => statements;
