/**
 * `tsx bench/compare/serve.ts <implementation> <bolt uri>`: one implementation's server in its
 * own process, on a free loopback port; prints `{"url": ...}` on one line once it serves. A
 * `stats` line on stdin is answered with one JSON line: Cypher statements sent so far, memory.
 * Stops cleanly on SIGTERM, SIGINT or when its stdin closes (the parent died). Only the named
 * implementation's module is loaded: each process's peak memory is its own code's, not also the
 * others' modules (ours are much the largest).
 */
import { createInterface } from 'node:readline';
import getPort from 'get-port';
import { statementCount } from './query-counter.js';
import { HOST, OURS_CACHED, type ServerName, type StartServer } from './servers/types.js';

const STARTERS: Record<ServerName, () => Promise<StartServer>> = {
  ours: async () => (await import('./servers/ours.js')).startOurs,
  'neo4j-graphql': async () => (await import('./servers/neo4j-graphql.js')).startNeo4jGraphql,
  floor: async () => (await import('./servers/floor.js')).startFloor,
  [OURS_CACHED]: async () => (await import('./servers/ours.js')).startOursCached,
};

const [name, boltUri] = process.argv.slice(2);
if (!(name && name in STARTERS) || !boltUri) {
  console.error(`usage: serve.ts <${Object.keys(STARTERS).join('|')}> <bolt uri>`);
  process.exit(2);
}
const start = await STARTERS[name as ServerName]();
const server = await start(boltUri, await getPort({ host: HOST }));
console.log(JSON.stringify({ url: server.url }));

export interface ServerStats {
  statements: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Peak resident memory since the process started. */
  maxRssBytes: number;
}

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const timer = setTimeout(() => process.exit(1), 10_000);
  void server.stop().then(
    () => {
      clearTimeout(timer);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line.trim() !== 'stats') return;
  const memory = process.memoryUsage();
  const stats: ServerStats = {
    statements: statementCount(),
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify({ stats }));
});
commands.on('close', stop);
