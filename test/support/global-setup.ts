/**
 * Starts one embedded Neo4j for the whole test run (or uses NEO4J_URI when it is set) and
 * hands its Bolt URI to the test files through `inject('neo4jUri')`; and gives the run a
 * scratch folder (for the seeded graph's fingerprint, see seeded-graph.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';
import { createLogger } from '../../src/logger.js';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded/embedded-neo4j.js';
import { TEST_JVM } from './jvm.js';

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(join(tmpdir(), 'sahel-graph-test-run-'));
  project.provide('seededGraphFingerprint', join(runDir, 'seeded-graph.json'));
  const removeRunDir = () => rm(runDir, { recursive: true, force: true });
  if (process.env.NEO4J_URI) {
    project.provide('neo4jUri', process.env.NEO4J_URI);
    return removeRunDir;
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'sahel-graph-test-neo4j-'));
  const neo4j = await EmbeddedNeo4j.start(
    {
      boltPort: await getPort(),
      dataDir,
      heap: '768m',
      pageCache: '128m',
      launcherDir: resolve(process.env.NEO4J_LAUNCHER_DIR ?? '.data/neo4j-launcher'),
    },
    createLogger({ level: 'info', pretty: false }),
    { ...process.env, ...TEST_JVM },
  );
  project.provide('neo4jUri', neo4j.boltUri);
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
    await removeRunDir();
  };
}
