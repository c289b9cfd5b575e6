/**
 * A seed load killed outright (SIGKILL) half way through its write, its transaction open with
 * rows written, leaves the graph exactly as it was before.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { loadSeeds } from '../src/seeds/load.js';
import { syntheticEntityId, writeSyntheticSeed } from '../bench/synthetic-seed.js';
import { fileURLToPath } from 'node:url';
import { projectScript, startCli } from './support/cli.js';
import { snapshotGraph } from './support/graph.js';
import { clearGraph, startTestService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));

let service: RunningService;
let blocker: Driver;
let work: string;

beforeAll(async () => {
  service = await startTestService();
  blocker = neo4j.driver(testNeo4jUri());
  work = await mkdtemp(join(tmpdir(), 'sahel-graph-interrupt-'));
  // Small: the lock below, not the load's size, keeps the load from committing before the kill.
  await writeSyntheticSeed(join(work, 'seeds'), 50);
});
afterAll(async () => {
  await blocker.close();
  await service.stop();
  await rm(work, { recursive: true, force: true });
});

/**
 * Runs `npm run seed -- --dir <dir>`'s script (transpiled, see cli.ts) and kills it with SIGKILL
 * as soon as it logs that the first rows (the seed's source) are written. Meanwhile a transaction
 * of the test's own holds the seed's first entity, uncommitted, so the load's next statement,
 * which writes the entities, waits for that lock: however fast the machine, the load cannot
 * commit before the kill, and the kill finds its transaction open with rows written. The test's
 * transaction is then rolled back.
 */
async function killSeedWhileWriting(
  dir: string,
): Promise<{ rowsWritten: unknown; exit: unknown; output: string }> {
  const session = blocker.session();
  const holding = await session.beginTransaction();
  try {
    await holding.run('CREATE (:Entity {id: $id})', { id: syntheticEntityId(0) });
    const run = startCli(
      { NEO4J_URI: testNeo4jUri(), LOG_LEVEL: 'debug' },
      projectScript('scripts/seed.ts', '--dir', dir),
    );
    // A load that exits, or stays silent, before the log is reported with its output, within
    // the test's time limit.
    const written = await run.waitForLog('Seed rows written', 4 * 60_000).catch(() => undefined);
    run.child.kill('SIGKILL');
    return { rowsWritten: written?.rows, exit: await run.exited, output: run.output() };
  } finally {
    await holding.rollback();
    await session.close();
  }
}

describe('a seed load killed half way', () => {
  it('leaves the graph as it was before', async () => {
    await clearGraph(service.database);
    await loadSeeds(service.database, { dir: FIXTURES });
    const before = await snapshotGraph(service.database);

    const run = await killSeedWhileWriting(join(work, 'seeds'));
    expect(run.rowsWritten, run.output).toBeGreaterThan(0);
    expect(run.exit, run.output).toEqual({ code: null, signal: 'SIGKILL' });
    expect(run.output).not.toMatch(/^Loaded /m);
    expect(await snapshotGraph(service.database)).toEqual(before);

    // The rows the killed load had written would have changed the graph.
    await loadSeeds(service.database, { dir: join(work, 'seeds') });
    expect(await snapshotGraph(service.database)).not.toEqual(before);
  });
});
