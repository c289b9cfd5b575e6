/**
 * What the run needs before any test file, made at once (a fresh clone's Neo4j start is mostly
 * one core's work: the launcher's build and its class archive's recording):
 * - one embedded Neo4j per test worker for the whole run (or NEO4J_URI when it is set), whose
 *   Bolt URIs go to the test files (see worker-neo4j.ts);
 * - src/ transpiled for the tests' child processes (transpiled-src.ts);
 * - the explorer's bundle when it is stale, built once here rather than by two files at once;
 * - a scratch folder (for the seeded graphs' fingerprints, see seeded-graph.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import type { TestProject } from 'vitest/node';
import { launcherDirOf } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded/embedded-neo4j.js';
import { ensureBundle } from '../../explorer/bundle.js';
import { transpileSrc } from './transpiled-src.js';
import { TEST_JVM } from './jvm.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runDir = await mkdtemp(join(tmpdir(), 'sahel-graph-test-run-'));
  project.provide('runDir', runDir);
  const removeRunDir = () => rm(runDir, { recursive: true, force: true });
  const external = process.env.NEO4J_URI;
  const logger = createLogger({ level: 'info', pretty: false });
  const neo4jStarts = external
    ? []
    : Array.from({ length: project.config.maxWorkers }, () => startWorkerNeo4j(logger));
  const [builds, ...starts] = await Promise.allSettled([
    Promise.all([transpileSrc(), ensureBundle()]),
    ...neo4jStarts,
  ]);
  const started = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
  const stopAll = async () => {
    await Promise.all(started.map((neo4j) => neo4j.stop()));
    await removeRunDir();
  };
  const failure = [builds, ...starts].find((outcome) => outcome.status === 'rejected');
  if (failure) {
    await stopAll();
    throw failure.reason;
  }
  project.provide('neo4jUris', external ? [external] : started.map((neo4j) => neo4j.uri));
  return stopAll;
}

/** An embedded Neo4j on a store of its own, which `stop` removes. */
async function startWorkerNeo4j(logger: Logger): Promise<{ uri: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sahel-graph-test-neo4j-'));
  const removeStore = () => rm(dataDir, { recursive: true, force: true });
  try {
    const neo4j = await EmbeddedNeo4j.start(
      {
        boltPort: await getPort(),
        dataDir,
        heap: '768m',
        pageCache: '128m',
        launcherDir: launcherDirOf(),
      },
      logger,
      { ...process.env, ...TEST_JVM },
    );
    return { uri: neo4j.boltUri, stop: () => neo4j.stop().then(removeStore) };
  } catch (error) {
    await removeStore();
    throw error;
  }
}
