/**
 * `npm run bench:graph -- [--size small|medium|large] [--seed N] [--neo4j bolt://…] [--json]`:
 * generates the synthetic graph of that size and loads it through the project's batched writer,
 * into a fresh embedded Neo4j (or the given one, whose graph it replaces), reporting load
 * throughput (with --json, as one JSON line). Bigger sizes need Node's heap raised:
 * NODE_OPTIONS=--max-old-space-size=12288.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import getPort from 'get-port';
import { createLogger } from '../src/logger.js';
import { benchDatabase } from './bench-database.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { GRAPH_SIZES, type GraphSize } from './synthetic-graph.js';
import { loadSyntheticGraph } from './synthetic-load.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '42' },
    neo4j: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});
const size = values.size as GraphSize;
if (!(size in GRAPH_SIZES))
  throw new Error(`--size must be one of ${Object.keys(GRAPH_SIZES).join(', ')}`);

const logger = createLogger({ level: 'warn', pretty: false });
const work = values.neo4j ? undefined : await mkdtemp(join(tmpdir(), 'sahel-graph-bench-graph-'));
const neo4j = work
  ? await EmbeddedNeo4j.start(
      {
        boltPort: await getPort(),
        dataDir: join(work, 'neo4j'),
        heap: '6g',
        pageCache: '2g',
        launcherDir: resolve('.data/neo4j-launcher'),
      },
      logger,
    )
  : undefined;
const database = benchDatabase(values.neo4j ?? neo4j!.boltUri, logger, 3_600_000);
try {
  const load = await loadSyntheticGraph(database, size, Number(values.seed));
  const rate = (count: number) => Math.round(count / load.seconds).toLocaleString('en');
  console.log(
    values.json
      ? JSON.stringify(load)
      : `${size} (seed ${load.seed}): ${load.nodes.toLocaleString('en')} nodes and ` +
          `${load.relationships.toLocaleString('en')} relationships written in ${load.seconds.toFixed(1)} s ` +
          `= ${rate(load.nodes)} nodes/s, ${rate(load.relationships)} relationships/s ` +
          `(generated and planned in ${load.plannedSeconds.toFixed(1)} s; ${load.transactions} transactions)`,
  );
} finally {
  await database.close();
  await neo4j?.stop();
  if (work) await rm(work, { recursive: true, force: true });
}
