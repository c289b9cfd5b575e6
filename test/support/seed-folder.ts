/**
 * A test service without seeds, and before each test an empty graph and a fresh copy of a
 * fixture folder of seed files in a temporary folder (removed after the test).
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { RunningService } from '../../src/app.js';
import { clearGraph, startTestService } from './service.js';

export function useSeedFolder(fixtures: string) {
  let service: RunningService;
  let dir: string;
  beforeAll(async () => {
    service = await startTestService({ SEED_ON_START: 'false' });
  });
  afterAll(() => service.stop());
  beforeEach(async () => {
    await clearGraph(service.database);
    dir = await mkdtemp(join(tmpdir(), 'sahel-graph-seeds-'));
    await cp(fixtures, dir, { recursive: true });
    return () => rm(dir, { recursive: true, force: true });
  });
  return { service: () => service, dir: () => dir };
}
