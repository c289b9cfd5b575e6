/**
 * The service's Yoga app in the test process, without a socket: requests go straight to
 * `app.fetch`, as graphql-yoga's own plugin tests do. For HTTP behaviour that no socket is
 * needed for (status codes, headers, pages); the real server is tested where the socket is
 * the point (slow clients, shutdown, the production build, the browser).
 */
import { afterAll, beforeAll } from 'vitest';
import { GraphDatabase } from '../../src/neo4j/database.js';
import { createLogger } from '../../src/logger.js';
import { Metrics } from '../../src/metrics.js';
import { createApp } from '../../src/server.js';
import { testConfig } from './service.js';

export interface InProcessApp {
  /** A request to the app: `path` from its root, e.g. `/graphql?query=...`. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  database: GraphDatabase;
}

/** Starts the app before the file's tests and disposes of it after them. */
export function useInProcessApp(environment: Record<string, string> = {}): () => InProcessApp {
  let app: ReturnType<typeof createApp> | undefined;
  let database: GraphDatabase | undefined;
  beforeAll(() => {
    const config = testConfig(environment);
    const logger = createLogger(config.log);
    const metrics = new Metrics();
    database = GraphDatabase.connect(
      GraphDatabase.connectionOptions(config, config.neo4j.uri!),
      logger,
      metrics,
    );
    app = createApp({ config, database, logger, metrics });
  });
  afterAll(async () => {
    await app?.dispose();
    await database?.close();
  });
  return () => ({
    fetch: async (path, init) => app!.fetch(new Request(`http://in-process${path}`, init)),
    database: database!,
  });
}
