/**
 * "ours": the project's own server (src/app.ts) pointed at the shared Neo4j, with the default
 * limits, no seeding, logging only warnings, and the response cache off: the benchmark repeats
 * the same requests, which the cache would answer from memory. "ours (cached)" is the same
 * with the cache on, at its default size, which `--cached` measures apart.
 */
import { startService } from '../../../src/app.js';
import { parseConfig } from '../../../src/config.js';
import { createLogger } from '../../../src/logger.js';
import { HOST, type StartServer } from './types.js';

export const startOurs: StartServer = (boltUri, port) => startWithCache(boltUri, port, '0');
export const startOursCached: StartServer = (boltUri, port) =>
  startWithCache(boltUri, port, undefined);

async function startWithCache(boltUri: string, port: number, cacheBytes: string | undefined) {
  const config = parseConfig({
    NEO4J_URI: boltUri,
    SEED_ON_START: 'false',
    PORT: String(port),
    HOST,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...(cacheBytes === undefined ? {} : { RESPONSE_CACHE_MAX_BYTES: cacheBytes }),
  });
  const logger = createLogger(config.log);
  const service = await startService(config, logger);
  return { url: `${service.url}/graphql`, stop: () => service.stop() };
}
