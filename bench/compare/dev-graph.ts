/**
 * `npx tsx bench/compare/dev-graph.ts`: starts the seeded shared Neo4j and keeps it running
 * (prints its Bolt URI) until Ctrl-C; for working on the queries without restarting Neo4j.
 * `run.ts` accepts `--neo4j <bolt uri>` to use it.
 */
import { createLogger } from '../../src/logger.js';
import { startGraph } from './graph.js';

const logger = createLogger({ level: 'warn', pretty: false });
const graph = await startGraph(logger);
console.log(graph.boltUri);
const stop = () => {
  void graph.stop().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
