/**
 * `npm run seed [file ...]`: loads all seed files, or the named ones, into Neo4j: the server's
 * NEO4J_URI, else the embedded Neo4j of a running `npm start`, else an embedded Neo4j started
 * for this load and stopped after it.
 */
import { parseConfig, readEnvironment } from '../config.js';
import { createLogger } from '../logger.js';
import { GraphDatabase } from '../neo4j/database.js';
import { EmbeddedNeo4j } from '../neo4j/embedded/embedded-neo4j.js';
import { loadSeeds } from '../seeds/load.js';
import { SeedError } from '../seeds/seed-error.js';
import { StartupError } from '../startup-error.js';

const config = parseConfig(readEnvironment());
const logger = createLogger(config.log);
let embedded: EmbeddedNeo4j | undefined;
let database: GraphDatabase | undefined;

try {
  database = await connect();
  const summary = await loadSeeds(database, { only: process.argv.slice(2) });
  const perSecond = (count: number) => Math.round(count / summary.seconds);
  console.log(
    `Loaded ${summary.files.join(', ')} in ${summary.seconds.toFixed(2)} s: ` +
      `${summary.nodes} nodes (${perSecond(summary.nodes)}/s), ` +
      `${summary.relationships} relationships (${perSecond(summary.relationships)}/s) created`,
  );
} catch (error) {
  process.exitCode = 1;
  if (error instanceof SeedError || error instanceof StartupError) {
    console.error(error instanceof StartupError ? error.describe() : error.message);
  } else {
    console.error(`Seeding failed, the graph is unchanged: ${(error as Error).message}`);
  }
} finally {
  await database?.close();
  await embedded?.stop();
}

async function connect(): Promise<GraphDatabase> {
  if (config.neo4j.uri) {
    return GraphDatabase.connect(GraphDatabase.connectionOptions(config, config.neo4j.uri), logger);
  }
  const running = GraphDatabase.connect(
    GraphDatabase.connectionOptions(config, `bolt://127.0.0.1:${config.embedded.boltPort}`),
    logger,
  );
  try {
    await running.ping();
    logger.info('Loading into the embedded Neo4j of the running server');
    return running;
  } catch {
    await running.close();
  }
  embedded = await EmbeddedNeo4j.start(config.embedded, logger);
  return GraphDatabase.connect(GraphDatabase.connectionOptions(config, embedded.boltUri), logger);
}
