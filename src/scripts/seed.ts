/**
 * `npm run seed [-- [--dir folder] file ...]`: loads all seed files, or the named ones, into
 * Neo4j: the server's NEO4J_URI, else the embedded Neo4j of a running `npm start`, else an
 * embedded Neo4j started for this load and stopped after it.
 */
import { once } from 'node:events';
import { connect as connectSocket } from 'node:net';
import { parseArgs } from 'node:util';
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
  const { values, positionals } = parseArgs({
    options: { dir: { type: 'string' } },
    allowPositionals: true,
  });
  console.log(`Loading seed files from ${values.dir ?? 'seeds/'}`);
  const summary = await loadSeeds(database, {
    dir: values.dir,
    only: positionals,
    onWriting: () => console.log('Seed files are valid; writing them in one transaction'),
    onRowsWritten: (progress) => logger.debug(progress, 'Seed rows written'),
  });
  const perSecond = (count: number) => Math.round(count / summary.writeSeconds);
  console.log(
    `Loaded ${summary.files.join(', ')}: ${summary.nodes} nodes and ${summary.relationships} ` +
      `relationships created in ${summary.writeSeconds.toFixed(2)} s ` +
      `(${perSecond(summary.nodes)} nodes/s, ${perSecond(summary.relationships)} relationships/s; ` +
      `validation ${summary.validateSeconds.toFixed(2)} s, indexes ${summary.schemaSeconds.toFixed(2)} s)`,
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
  const { boltPort } = config.embedded;
  if (await isListening(boltPort)) {
    logger.info({ boltPort }, 'Loading into the embedded Neo4j of the running server');
    return GraphDatabase.connect(
      GraphDatabase.connectionOptions(config, `bolt://127.0.0.1:${boltPort}`),
      logger,
    );
  }
  embedded = await EmbeddedNeo4j.start(config.embedded, logger);
  return GraphDatabase.connect(GraphDatabase.connectionOptions(config, embedded.boltUri), logger);
}

/** Whether something (a running `npm start`'s Neo4j) listens on the embedded Bolt port. */
async function isListening(port: number): Promise<boolean> {
  const socket = connectSocket(port, '127.0.0.1');
  try {
    await once(socket, 'connect');
    return true;
  } catch {
    return false;
  } finally {
    socket.destroy();
  }
}
