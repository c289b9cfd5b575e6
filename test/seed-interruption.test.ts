/**
 * A seed load killed outright (SIGKILL) half way through its write leaves the graph as it was
 * before, or as a finished load leaves it: never in between.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { loadSeeds } from '../src/seeds/load.js';
import { writeSyntheticSeed } from '../bench/synthetic-seed.js';
import { snapshotGraph } from './support/graph.js';
import { clearGraph, startTestService } from './support/service.js';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const TSX_LOADER = fileURLToPath(new URL('../node_modules/tsx/dist/loader.mjs', import.meta.url));
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
 * Runs `npm run seed -- --dir <dir>` and kills it with SIGKILL as soon as it logs that the first
 * rows are written: the transaction is open and holds some of the rows.
 */
function killSeedWhileWriting(dir: string): Promise<{ killed: boolean; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, 'src/scripts/seed.ts', '--dir', dir],
      {
        cwd: PROJECT,
        env: {
          PATH: process.env.PATH ?? '',
          NEO4J_URI: inject('neo4jUri'),
          LOG_LEVEL: 'debug',
          LOG_FORMAT: 'json',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    let killed = false;
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (!killed && output.includes('"msg":"Seed rows written"')) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', () => resolve({ killed, output }));
  });
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
