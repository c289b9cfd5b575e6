/**
 * A seed load killed outright (SIGKILL) half way through its write leaves the graph as it was
 * before, or as a finished load leaves it: never in between.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { loadSeeds } from '../src/seeds/load.js';
import { writeSyntheticSeed } from '../bench/synthetic-seed.js';
import { fileURLToPath } from 'node:url';
import { projectScript, startCli } from './support/cli.js';
import { snapshotGraph } from './support/graph.js';
import { clearGraph, startTestService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/seeds/', import.meta.url));

let service: RunningService;
let work: string;

beforeAll(async () => {
  service = await startTestService();
  work = await mkdtemp(join(tmpdir(), 'sahel-graph-interrupt-'));
  await writeSyntheticSeed(join(work, 'seeds'), 6000);
});
afterAll(async () => {
  await service.stop();
  await rm(work, { recursive: true, force: true });
});

/**
 * Runs `npm run seed -- --dir <dir>`'s script (transpiled, see cli.ts) and kills it with SIGKILL as soon as it logs that the first
 * rows are written: the transaction is open and holds some of the rows.
 */
async function killSeedWhileWriting(dir: string): Promise<{ killed: boolean; output: string }> {
  const run = startCli(
    { NEO4J_URI: testNeo4jUri(), LOG_LEVEL: 'debug' },
    projectScript('scripts/seed.ts', '--dir', dir),
  );
  // The load exiting (or a long silence) before the log resolves as not killed.
  const killed = await run.waitForLog('Seed rows written', 10 * 60_000).then(
    () => run.child.kill('SIGKILL'),
    () => false,
  );
  await run.exited;
  return { killed, output: run.output() };
}

describe('a seed load killed half way', () => {
  it('leaves the graph either before or after, never in between', async () => {
    await clearGraph(service.database);
    await loadSeeds(service.database, { dir: FIXTURES });
    const before = await snapshotGraph(service.database);

    const run = await killSeedWhileWriting(join(work, 'seeds'));
    expect(run.killed, run.output).toBe(true);
    expect(run.output).not.toMatch(/^Loaded /m);
    const afterKill = await snapshotGraph(service.database);

    await loadSeeds(service.database, { dir: join(work, 'seeds') });
    const finished = await snapshotGraph(service.database);
    expect(finished).not.toEqual(before);
    expect([before, finished]).toContainEqual(afterKill);
  });
});
