/**
 * `npm run bench:graph -- [--size small|medium|large] [--seed N] [--neo4j bolt://…]`: generates
 * the synthetic graph of that size and loads it through the project's batched writer, into a
 * fresh embedded Neo4j (or the given one, whose graph it replaces), reporting load throughput.
 * Bigger sizes need Node's heap raised: NODE_OPTIONS=--max-old-space-size=8192.
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
import type { ValidSeedFile } from '../src/seeds/validate.js';
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
  const parts = inParts(syntheticGraph(size, Number(values.seed)));
  const plans = parts.map((part, i) => {
    const plan = planSeedFile(part);
    return i === 0 ? plan : { ...plan, sentences: [] }; // the document's sentences come with part 0
  });
  const planned = (performance.now() - started) / 1000;
  await ensureGraphSchema(database);
  started = performance.now();
  const summary = { nodes: 0, relationships: 0 };
  for (const [i, plan] of plans.entries()) {
    const written = await writeSeedPlans(
      database,
      [plan],
      i === 0 ? { pruneExcept: plans.map((p) => p.seedFile) } : {},
    );
    summary.nodes += written.nodes;
    summary.relationships += written.relationships;
  }
  const seconds = (performance.now() - started) / 1000;
  const rate = (count: number) => Math.round(count / seconds).toLocaleString('en');
  console.log(
    `${size} (seed ${values.seed}): ${summary.nodes.toLocaleString('en')} nodes and ` +
      `${summary.relationships.toLocaleString('en')} relationships written in ${seconds.toFixed(1)} s ` +
      `= ${rate(summary.nodes)} nodes/s, ${rate(summary.relationships)} relationships/s ` +
      `(generated and planned in ${planned.toFixed(1)} s; ${plans.length} transactions)`,
  );
} finally {
  await database.close();
  await neo4j?.stop();
  if (work) await rm(work, { recursive: true, force: true });
}

/**
 * The graph as several seed files, each loaded in its own transaction (Neo4j caps the memory of
 * one): the nodes first, then the relationships and claims in slices that end at those nodes.
 */
function inParts(graph: ValidSeedFile, relationshipsPerPart = 150_000): ValidSeedFile[] {
  const { seed } = graph;
  const slices = Math.max(1, Math.ceil(seed.relationships.length / relationshipsPerPart));
  const claimsPerSlice = Math.ceil(seed.claims.length / slices);
  const nodes: ValidSeedFile = {
    ...graph,
    name: `${graph.name}-nodes`,
    seed: { ...seed, relationships: [], claims: [] },
  };
  const links = Array.from({ length: slices }, (_, i) => ({
    ...graph,
    name: `${graph.name}-links-${i}`,
    seed: {
      ...seed,
      sources: [],
      entities: [],
      relationships: seed.relationships.slice(
        i * relationshipsPerPart,
        (i + 1) * relationshipsPerPart,
      ),
      claims: seed.claims.slice(i * claimsPerSlice, (i + 1) * claimsPerSlice),
    },
  }));
  return [nodes, ...links];
}
