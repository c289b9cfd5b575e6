/**
 * Starts the whole service: the embedded Neo4j (unless NEO4J_URI names a server), the driver,
 * and the HTTP app; and stops them in the reverse order.
 */
import type { Config } from './config.js';
import { listen } from './http-server.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { GraphDatabase } from './neo4j/database.js';
import { SupervisedNeo4j } from './neo4j/embedded/supervisor.js';
import { loadSeeds } from './seeds/load.js';
import { createApp } from './server.js';
import { readStoreShape } from './store/graph-stats.js';

export interface RunningService {
  url: string;
  database: GraphDatabase;
  stop(): Promise<void>;
}

export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const embedded = config.neo4j.uri
    ? undefined
    : await SupervisedNeo4j.start(config.embedded, logger);
  const uri = config.neo4j.uri ?? embedded!.boltUri;
  const metrics = new Metrics();
  const database = GraphDatabase.connect(
    GraphDatabase.connectionOptions(config, uri),
    logger,
    metrics,
  );
  try {
    if (config.neo4j.uri) await reportReachability(database, logger);
    if (config.seedOnStart) await seedEmptyGraph(database, logger);
    const app = createApp({ config, database, logger, metrics });
    const http = await listen(app, {
      ...config.http,
      logger,
      maxBodyBytes: config.limits.maxBodyBytes,
      onResponse: (method, path, status, seconds) =>
        metrics.httpRequest(method, path, status, seconds),
    });
    logger.info({ graphiql: `${http.url}/graphql`, neo4j: uri }, 'sahel-graph is serving');
    return {
      url: http.url,
      database,
      async stop() {
        await http.close(config.shutdownGraceMs);
        await app.dispose();
        await database.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await database.close();
    await embedded?.stop();
    throw error;
  }
}

/**
 * The first start fills an empty graph from seeds/, and a start on a store of the older shape
 * (a relationship per seed file for each fact) rebuilds it from seeds/. Invalid seed files stop
 * the start (the SeedError names file and line); a database that does not answer yet only gets
 * a warning.
 */
async function seedEmptyGraph(database: GraphDatabase, logger: Logger): Promise<void> {
  let shape: Awaited<ReturnType<typeof readStoreShape>>;
  try {
    shape = await readStoreShape(database);
  } catch (error) {
    logger.warn({ error: (error as Error).message }, 'Neo4j does not answer; seeding skipped');
    return;
  }
  const olderShape = shape.entitiesOfOlderShape || shape.claimsOfOlderShape;
  if (shape.entities > 0 && !olderShape) return;
  logger.info(
    shape.entities === 0
      ? 'The graph is empty: loading seeds/'
      : 'The graph was written before facts and claims were merged across seed files: ' +
          'rebuilding it from seeds/',
  );
  const summary = await loadSeeds(database);
  logger.info(summary, 'Seeds loaded');
}

/** An external Neo4j that is down at start is no reason not to serve: /ready reports it. */
async function reportReachability(database: GraphDatabase, logger: Logger): Promise<void> {
  try {
    await database.ping();
  } catch (error) {
    logger.warn(
      { uri: database.uri, error: (error as Error).message },
      'Neo4j does not answer yet; /ready says 503 until it does',
    );
  }
}
