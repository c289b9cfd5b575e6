/**
 * One seeded graph per worker for the read-only test files of a run. Seeding again for every file cost
 * seconds each; instead the graph is seeded only when its content differs from what the last
 * seeding in this run left: a fingerprint of every node, relationship and index, recorded in a
 * file of the run (so any writing test in between, whatever it did, leads to a fresh seeding).
 * Beside it is the graph's version (Neo4j's bookmark, which every commit changes): while it is
 * the same, nothing has written since, and the fingerprint (up to a second) is not taken again.
 */
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { GraphDatabase } from '../../src/neo4j/database.js';
import { loadSeeds } from '../../src/seeds/load.js';
import { clearGraph, snapshotGraph } from './graph.js';
import { workerIndex } from './worker-neo4j.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's scratch folder, where each worker's seeded graph's fingerprint is kept. */
    runDir: string;
  }
}

interface SeededGraphRecord {
  graphVersion: string;
  fingerprint: string;
}

/** Leaves the graph exactly as clearing it and loading seeds/ does, seeding only if it is not. */
export async function ensureSeededGraph(database: GraphDatabase): Promise<void> {
  const record = join(inject('runDir'), `seeded-graph-${workerIndex() + 1}.json`);
  const recorded = await readFile(record, 'utf8').then(
    (text) => JSON.parse(text) as SeededGraphRecord,
    () => undefined,
  );
  if (recorded?.graphVersion === (await database.graphVersion())) return;
  let current = recorded && (await fingerprint(database));
  if (current === undefined || current !== recorded?.fingerprint) {
    await clearGraph(database);
    await loadSeeds(database);
    current = await fingerprint(database);
  }
  const seeded: SeededGraphRecord = {
    fingerprint: current,
    graphVersion: await database.graphVersion(),
  };
  await writeFile(record, JSON.stringify(seeded));
}

/** A hash of the whole content: nodes, relationships (in a stable order) and indexes. */
async function fingerprint(database: GraphDatabase): Promise<string> {
  const { nodes, relationships } = (await snapshotGraph(database)) as {
    nodes: unknown[];
    relationships: unknown[];
  };
  const indexes = await database.read(async (tx) =>
    (
      await tx.run(
        'SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, options RETURN *',
      )
    ).records.map((record) => record.toObject()),
  );
  const sorted = (items: unknown[]) => items.map((item) => JSON.stringify(item)).sort();
  return createHash('sha256')
    .update(JSON.stringify([sorted(nodes), sorted(relationships), sorted(indexes)]))
    .digest('hex');
}
