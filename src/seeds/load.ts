/** Validates the seed folder and loads all of it, or the named files, into Neo4j. */
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GraphDatabase } from '../neo4j/database.js';
import { ensureGraphSchema } from '../store/graph-schema.js';
import { migrateStore } from '../store/migrations.js';
import { writeSeedPlans, type WriteSummary } from '../store/seed-writer.js';
import { entityRows } from './entity-rows.js';
import { planSeedFiles } from './plan.js';
import { readSeedDirectory } from './validate.js';

export const SEED_DIR = fileURLToPath(new URL('../../seeds/', import.meta.url));

export interface LoadSummary extends WriteSummary {
  validateSeconds: number;
  schemaSeconds: number;
  writeSeconds: number;
}

/**
 * Loads `only` (file names, with or without .yaml) or, when empty, every file, in which case
 * what files no longer in the folder had contributed is removed. Every file of the folder is
 * validated either way, since files refer to each other's entities. `onWriting` is told when
 * validation is over and the one write transaction begins, `onRowsWritten` after each statement
 * of that transaction.
 */
export async function loadSeeds(
  database: GraphDatabase,
  options: {
    dir?: string;
    only?: string[];
    onWriting?: () => void;
    onRowsWritten?: (progress: { seedFile: string; rows: number }) => void;
  } = {},
): Promise<LoadSummary> {
  const timer = stopwatch();
  const files = await readSeedDirectory(resolve(options.dir ?? SEED_DIR));
  const wanted = (options.only ?? []).map((name) => basename(name, extname(name)));
  const unknown = wanted.filter((name) => !files.some((file) => file.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `no seed file named ${unknown.join(', ')} (have: ${files.map((file) => file.name).join(', ')})`,
    );
  }
  const chosen = wanted.length > 0 ? files.filter((file) => wanted.includes(file.name)) : files;
  const describedEntities = entityRows(files);
  const plans = planSeedFiles(chosen, describedEntities);
  const validateSeconds = timer.lap();
  await migrateStore(database);
  await ensureGraphSchema(database);
  const schemaSeconds = timer.lap();
  options.onWriting?.();
  const summary = await writeSeedPlans(database, plans, {
    ...(wanted.length === 0 ? { pruneExcept: files.map((file) => file.name) } : {}),
    describedEntities,
    onRowsWritten: options.onRowsWritten,
  });
  return { ...summary, validateSeconds, schemaSeconds, writeSeconds: timer.lap() };
}

/** Seconds since the previous lap. */
function stopwatch() {
  let last = performance.now();
  return {
    lap() {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    },
  };
}
