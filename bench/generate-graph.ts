/**
 * `npm run bench:graph -- [--size small|medium|large] [--seed N] [--neo4j bolt://…]`: generates
 * the synthetic graph of that size and loads it through the project's batched writer, into a
 * fresh embedded Neo4j (or the given one, whose graph it replaces), reporting load throughput.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import getPort from 'get-port';
import { createLogger } from '../src/logger.js';
import { GraphDatabase } from '../src/neo4j/database.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { planSeedFile } from '../src/seeds/plan.js';
import { ensureGraphSchema } from '../src/store/graph-schema.js';
import { writeSeedPlans } from '../src/store/seed-writer.js';
import { GRAPH_SIZES, syntheticGraph, type GraphSize } from './synthetic-graph.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    seed: { type: 'string', default: '42' },
    neo4j: { type: 'string' },
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
const database = GraphDatabase.connect(
  {
    uri: values.neo4j ?? neo4j!.boltUri,
    user: 'neo4j',
    password: '',
    database: undefined,
    queryTimeoutMs: 3_600_000,
  },
  logger,
);
try {
  let started = performance.now();
  const plan = planSeedFile(syntheticGraph(size, Number(values.seed)));
  const planned = (performance.now() - started) / 1000;
  await ensureGraphSchema(database);
  started = performance.now();
  const summary = await writeSeedPlans(database, [plan], { pruneExcept: [plan.seedFile] });
  const seconds = (performance.now() - started) / 1000;
  const rate = (count: number) => Math.round(count / seconds).toLocaleString('en');
  console.log(
    `${size} (seed ${values.seed}): ${summary.nodes.toLocaleString('en')} nodes and ` +
      `${summary.relationships.toLocaleString('en')} relationships written in ${seconds.toFixed(1)} s ` +
      `= ${rate(summary.nodes)} nodes/s, ${rate(summary.relationships)} relationships/s ` +
      `(generated and planned in ${planned.toFixed(1)} s)`,
  );
} finally {
  await database.close();
  await neo4j?.stop();
  if (work) await rm(work, { recursive: true, force: true });
}
