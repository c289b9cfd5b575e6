/**
 * Loads a synthetic graph (synthetic-graph.ts) through the project's planner and batched writer,
 * in several transactions: Neo4j caps the memory of one (70 % of its heap by default).
 */
import type { GraphDatabase } from '../src/neo4j/database.js';
import { entityRows } from '../src/seeds/entity-rows.js';
import { planSeedFiles } from '../src/seeds/plan.js';
import type { ValidSeedFile } from '../src/seeds/validate.js';
import { ensureGraphSchema } from '../src/store/graph-schema.js';
import { writeSeedPlans } from '../src/store/seed-writer.js';
import { syntheticGraph, type GraphSize } from './synthetic-graph.js';

export interface SyntheticLoad {
  size: GraphSize;
  seed: number;
  nodes: number;
  relationships: number;
  /** Writing time, from the first transaction to the last commit. */
  seconds: number;
  /** Generating and planning time, before any write. */
  plannedSeconds: number;
  transactions: number;
}

/** Generates the graph and replaces the database's graph with it. */
export async function loadSyntheticGraph(
  database: GraphDatabase,
  size: GraphSize,
  seed: number,
): Promise<SyntheticLoad> {
  let started = performance.now();
  const parts = inParts(syntheticGraph(size, seed));
  // The document's sentences come with part 0.
  const plans = planSeedFiles(parts, entityRows(parts)).map((plan, i) =>
    i === 0 ? plan : { ...plan, sentences: [] },
  );
  const plannedSeconds = (performance.now() - started) / 1000;
  await ensureGraphSchema(database);
  started = performance.now();
  let nodes = 0;
  let relationships = 0;
  for (const [i, plan] of plans.entries()) {
    const written = await writeSeedPlans(
      database,
      [plan],
      i === 0 ? { pruneExcept: plans.map((p) => p.seedFile) } : {},
    );
    nodes += written.nodes;
    relationships += written.relationships;
  }
  const seconds = (performance.now() - started) / 1000;
  return { size, seed, nodes, relationships, seconds, plannedSeconds, transactions: plans.length };
}

/**
 * The graph as several seed files, each loaded in its own transaction: the nodes first, then
 * the relationships and claims in slices that end at those nodes.
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
