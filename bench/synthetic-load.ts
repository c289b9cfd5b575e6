/**
 * Loads a synthetic graph (synthetic-graph.ts) through the project's planner and batched writer,
 * one part per transaction as the generator makes it (Neo4j caps the memory of one transaction
 * at 70 % of its heap by default; and the generator keeps no more than a part in memory).
 */
import type { GraphDatabase } from '../src/neo4j/database.js';
import { entityRows } from '../src/seeds/entity-rows.js';
import { planSeedFiles } from '../src/seeds/plan.js';
import { ensureGraphSchema } from '../src/store/graph-schema.js';
import { writeSeedPlans } from '../src/store/seed-writer.js';
import type { SeedPlan } from '../src/graph/seed-plan.js';
import { DEFAULT_BATCH, syntheticGraphParts, type GraphShape } from './synthetic-graph.js';

export interface SyntheticLoad {
  size: string;
  seed: number;
  nodes: number;
  relationships: number;
  /** Writing time, summed over the transactions. */
  seconds: number;
  /** Generating and planning time, summed over the parts. */
  plannedSeconds: number;
  transactions: number;
  /** Peak resident memory of the generating process, in MiB. */
  peakRssMiB?: number;
}

/**
 * The graph's parts, each planned as the loader writes it, one at a time: the document's
 * sentences come with the first.
 */
export function* syntheticPlans(
  size: string,
  shape: GraphShape,
  seed: number,
  batch = DEFAULT_BATCH,
): Generator<SeedPlan> {
  let first = true;
  for (const part of syntheticGraphParts(`synthetic-${size}`, shape, seed, batch)) {
    const [plan] = planSeedFiles([part], entityRows([part]));
    yield first ? plan! : { ...plan!, sentences: [] };
    first = false;
  }
}

/** Generates the graph part by part and replaces the database's graph with it. */
export async function loadSyntheticGraph(
  database: GraphDatabase,
  size: string,
  shape: GraphShape,
  seed: number,
  batch = DEFAULT_BATCH,
): Promise<SyntheticLoad> {
  await ensureGraphSchema(database);
  const load = { size, seed, nodes: 0, relationships: 0, seconds: 0, plannedSeconds: 0 };
  let transactions = 0;
  const plans = syntheticPlans(size, shape, seed, batch);
  for (;;) {
    let started = performance.now();
    const { value: plan, done } = plans.next();
    if (done) break;
    load.plannedSeconds += (performance.now() - started) / 1000;
    started = performance.now();
    // The first part's load removes whatever else the graph held (an older graph's parts).
    const written = await writeSeedPlans(
      database,
      [plan],
      transactions === 0 ? { pruneExcept: [plan.seedFile] } : {},
    );
    load.seconds += (performance.now() - started) / 1000;
    load.nodes += written.nodes;
    load.relationships += written.relationships;
    transactions += 1;
  }
  // The generator's, the planner's and the driver's memory together.
  return { ...load, transactions, peakRssMiB: peakRssMiB() };
}

/** The process's peak resident memory in MiB (Linux reports KiB). */
export const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);
