/**
 * `npm run bench:graph -- [--size small|medium|large|huge] [--entities N]
 * [--relationships-per-entity N] [--batch N] [--seed N] [--neo4j bolt://…] [--json] [--plan-only]`:
 * generates the synthetic graph of that size (or of N entities) and loads it, part by part,
 * through the project's batched writer into a fresh embedded Neo4j (or the given one, whose
 * graph it replaces), reporting load throughput and the process's peak memory (with --json, as
 * one JSON line). Memory grows with --batch (items per part and transaction), not with the size.
 * With --plan-only, no Neo4j: the graph is generated and planned part by part and dropped, to
 * measure the generator's own time and memory.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import getPort from 'get-port';
import { createLogger } from '../src/logger.js';
import { benchDatabase } from './bench-database.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { DEFAULT_BATCH, GRAPH_SIZES, type GraphSize } from './synthetic-graph.js';
import { loadSyntheticGraph, peakRssMiB, syntheticPlans } from './synthetic-load.js';
import { launcherDirOf } from '../src/config.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'small' },
    entities: { type: 'string' },
    'relationships-per-entity': { type: 'string' },
    batch: { type: 'string', default: String(DEFAULT_BATCH) },
    seed: { type: 'string', default: '42' },
    neo4j: { type: 'string' },
    json: { type: 'boolean', default: false },
    'plan-only': { type: 'boolean', default: false },
  },
});
const named = values.size as GraphSize;
if (!(named in GRAPH_SIZES))
  throw new Error(`--size must be one of ${Object.keys(GRAPH_SIZES).join(', ')}`);
const wholeNumber = (option: string, value: string | undefined, fallback: number) => {
  const number = Number(value ?? fallback);
  if (!Number.isSafeInteger(number) || number < 1)
    throw new Error(`--${option} must be a whole number above 0, not "${value}"`);
  return number;
};
const shape = {
  entities: wholeNumber('entities', values.entities, GRAPH_SIZES[named].entities),
  relationshipsPerEntity: wholeNumber(
    'relationships-per-entity',
    values['relationships-per-entity'],
    GRAPH_SIZES[named].relationshipsPerEntity,
  ),
};
const size =
  values.entities || values['relationships-per-entity']
    ? `${shape.entities}x${shape.relationshipsPerEntity}`
    : named;

const batch = wholeNumber('batch', values.batch, DEFAULT_BATCH);
if (values['plan-only']) {
  const started = performance.now();
  let parts = 0;
  let rows = 0;
  for (const plan of syntheticPlans(size, shape, Number(values.seed), batch)) {
    parts += 1;
    rows += plan.entities.length + plan.evidence.length + plan.claims.length + plan.mentions.length;
  }
  const planned = { size, batch, parts, rows, seconds: (performance.now() - started) / 1000 };
  console.log(JSON.stringify({ ...planned, peakRssMiB: peakRssMiB() }));
  process.exit(0);
}

const logger = createLogger({ level: 'warn', pretty: false });
const work = values.neo4j ? undefined : await mkdtemp(join(tmpdir(), 'sahel-graph-bench-graph-'));
const neo4j = work
  ? await EmbeddedNeo4j.start(
      {
        boltPort: await getPort(),
        dataDir: join(work, 'neo4j'),
        heap: '6g',
        pageCache: '2g',
        launcherDir: launcherDirOf(),
      },
      logger,
    )
  : undefined;
const database = benchDatabase(values.neo4j ?? neo4j!.boltUri, logger, 3_600_000);
try {
  const load = await loadSyntheticGraph(database, size, shape, Number(values.seed), batch);
  const rate = (count: number) => Math.round(count / load.seconds).toLocaleString('en');
  console.log(
    values.json
      ? JSON.stringify(load)
      : `${size} (seed ${load.seed}): ${load.nodes.toLocaleString('en')} nodes and ` +
          `${load.relationships.toLocaleString('en')} relationships written in ${load.seconds.toFixed(1)} s ` +
          `= ${rate(load.nodes)} nodes/s, ${rate(load.relationships)} relationships/s ` +
          `(generated and planned in ${load.plannedSeconds.toFixed(1)} s; ${load.transactions} transactions; ` +
          `peak memory ${load.peakRssMiB} MiB)`,
  );
} finally {
  await database.close();
  await neo4j?.stop();
  if (work) await rm(work, { recursive: true, force: true });
}
