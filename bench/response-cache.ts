/**
 * `npm run bench:cache [-- rounds [clients]]`: the example operations of examples/ over HTTP
 * against the seeded Niger graph, on two servers side by side, one with the response cache and
 * one without (RESPONSE_CACHE_MAX_BYTES=0): requests per second for each, each client running
 * rounds of all the examples one after another (default 50 rounds, 1 client), and a check that
 * both answer every request with the same bytes.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { startService, type RunningService } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { loadSeeds } from '../src/seeds/load.js';
import { readExamples } from '../test/support/examples.js';
import { launcherDirOf } from '../src/config.js';

const rounds = Number(process.argv[2] ?? 50);
const clients = Number(process.argv[3] ?? 1);
const logger = createLogger({ level: 'warn', pretty: false });
const work = await mkdtemp(join(tmpdir(), 'sahel-graph-bench-cache-'));
const neo4j = await EmbeddedNeo4j.start(
  {
    boltPort: await getPort(),
    dataDir: work,
    heap: '1g',
    pageCache: '256m',
    launcherDir: launcherDirOf(),
  },
  logger,
);

const serve = (cacheBytes: string) => {
  const config = parseConfig({
    NEO4J_URI: neo4j.boltUri,
    PORT: '0',
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    SEED_ON_START: 'false',
    RESPONSE_CACHE_MAX_BYTES: cacheBytes,
  });
  return startService(config, logger);
};

const examples = readExamples();
const ask = async (service: RunningService, example: (typeof examples)[number]) => {
  const response = await fetch(`${service.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: example.query, variables: example.variables }),
  });
  return response.text();
};

/** One client's rounds of every example; the answers of its last round. */
async function client(service: RunningService): Promise<string[]> {
  let answers: string[] = [];
  for (let round = 0; round < rounds; round += 1) {
    answers = [];
    for (const example of examples) answers.push(await ask(service, example));
  }
  return answers;
}

/** Requests per second of all the clients together, and the first client's last answers. */
async function measure(service: RunningService) {
  const started = performance.now();
  const [answers] = await Promise.all(Array.from({ length: clients }, () => client(service)));
  const seconds = (performance.now() - started) / 1000;
  return { perSecond: (clients * rounds * examples.length) / seconds, answers: answers! };
}

const cached = await serve('64000000');
const uncached = await serve('0');
try {
  await loadSeeds(cached.database);
  // One round each first: plans compiled, the cache filled, as on a server that has been up.
  for (const example of examples) await Promise.all([ask(cached, example), ask(uncached, example)]);
  const without = await measure(uncached);
  const withCache = await measure(cached);
  const same = without.answers.every((answer, i) => answer === withCache.answers[i]);
  console.log(
    `${examples.length} example operations x ${rounds} rounds x ${clients} clients:\n` +
      `  uncached: ${without.perSecond.toFixed(0)} requests/s\n` +
      `  cached:   ${withCache.perSecond.toFixed(0)} requests/s ` +
      `(${(withCache.perSecond / without.perSecond).toFixed(1)}x)\n` +
      `  answers identical: ${same}`,
  );
  if (!same) process.exitCode = 1;
} finally {
  await cached.stop();
  await uncached.stop();
  await neo4j.stop();
  await rm(work, { recursive: true, force: true });
}
