/**
 * The Node process owns the embedded Neo4j: however the server ends (SIGTERM, Ctrl-C, SIGKILL),
 * no JVM is left behind and the store is shut down cleanly; and a JVM that dies under the
 * running server is restarted without the server being restarted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAlive, startCli, type CliRun } from './support/cli.js';
import { SHORT_LIVED_JVM } from './support/jvm.js';
import { eventually, postGraphQL } from './support/service.js';

/** The store that the tests take turns with, in their order; and every test's stores. */
let dataDir: string;
const dataDirs: string[] = [];
const running: CliRun[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'sahel-graph-lifecycle-'));
  dataDirs.push(dataDir);
});

afterAll(async () => {
  for (const run of running) run.child.kill('SIGKILL');
  await Promise.all(dataDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function startServer({ seed = false, store = dataDir } = {}) {
  const run = startCli({
    PORT: String(await getPort()),
    NEO4J_EMBEDDED_PORT: String(await getPort()),
    NEO4J_DATA_DIR: store,
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    LOG_LEVEL: 'info',
    SEED_ON_START: seed ? 'true' : 'false',
    ...SHORT_LIVED_JVM,
  });
  running.push(run);
  const ready = await run.waitForLog('Embedded Neo4j is ready', 120_000);
  const serving = await run.waitForLog('sahel-graph is serving', 120_000);
  const url = (serving.graphiql as string).replace(/\/graphql$/, '');
  return { run, url, jvmPid: ready.jvmPid as number };
}

const debugLog = (store: string) => join(store, 'logs', 'debug.log');

/** How many times the user database of `store` has been checkpointed by a clean shutdown. */
function cleanShutdowns(store = dataDir): number {
  const log = debugLog(store);
  if (!existsSync(log)) return 0;
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(
      (line) =>
        line.includes('[neo4j/') && /triggered by "Database shutdown".*completed/.test(line),
    ).length;
}

/** The number of nodes the server at `url` reports. */
async function nodeCount(url: string): Promise<number> {
  const { body } = await postGraphQL<{ graphStats: { nodeCount: number } }>(
    url,
    '{ graphStats { nodeCount } }',
  );
  return body.data!.graphStats.nodeCount;
}

describe('the server process and its embedded Neo4j', () => {
  it('seeds an empty graph, serves it, and on SIGTERM exits 0 leaving no JVM and a clean store', async () => {
    const before = cleanShutdowns();
    const { run, url, jvmPid } = await startServer({ seed: true });
    expect(isAlive(jvmPid)).toBe(true);
    const seeded = await run.waitForLog('Seeds loaded', 5_000);
    expect(seeded.files).toEqual(['background', 'niger-2023-09-29']);
    expect(await nodeCount(url)).toBeGreaterThan(100);

    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(isAlive(jvmPid)).toBe(false);
    expect(cleanShutdowns()).toBe(before + 1);
    // Nothing leaves the machine: Neo4j's daily usage report is off.
    expect(readFileSync(join(dataDir, 'logs', 'debug.log'), 'utf8')).not.toContain(
      'Usage Data is being sent',
    );
  });

  it('shuts down under load: in-flight requests finish or fail cleanly, the store closes cleanly', async () => {
    const before = cleanShutdowns();
    const { run, url, jvmPid } = await startServer();
    const outcomes: (number | string)[] = [];
    let stopping = false;
    // SIGTERM goes once every client has had an answer, so the server is known to be under load.
    const CLIENTS = 20;
    let answered!: () => void;
    const everyClientAnswered = new Promise<void>((resolve) => (answered = resolve));
    // No time limit of the client's own: a cold server on a busy machine took over 30 s for
    // the first twenty answers. The server bounds every request (Neo4j's query timeout before
    // the SIGTERM, its grace and then its exit after it).
    const client = async () => {
      while (!stopping) {
        try {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              query:
                '{ entities(first: 50) { totalCount edges { node { slug relations(first: 5) { totalCount } } } } }',
            }),
          });
          await response.text();
          outcomes.push(response.status);
          if (outcomes.length >= CLIENTS) answered();
        } catch (error) {
          outcomes.push(
            (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name,
          );
          return; // the server has stopped listening
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, client);
    // A client that fails stops: if all fail first, no answer will come, and the assertions
    // below say why instead of the test waiting for ever.
    await Promise.race([everyClientAnswered, Promise.all(clients)]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    stopping = true;
    await Promise.all(clients);

    expect(outcomes.filter((outcome) => outcome === 200).length).toBeGreaterThan(0);
    const unclean = outcomes.filter((outcome) => typeof outcome === 'number' && outcome !== 200);
    expect(unclean).toEqual([]);
    for (const failure of outcomes.filter((outcome) => typeof outcome === 'string')) {
      expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET']).toContain(failure);
    }
    expect(isAlive(jvmPid)).toBe(false);
    expect(cleanShutdowns()).toBe(before + 1);
    // The next test's start proves that the store opens again without recovery.
  });

  it('opens the store left by the shutdown under load without recovery, does not seed again a graph that has data, and stops on Ctrl-C (SIGINT) the same way', async () => {
    const offset = readFileSync(debugLog(dataDir), 'utf8').length;
    const { run, url, jvmPid } = await startServer({ seed: true });
    expect(readFileSync(debugLog(dataDir), 'utf8').slice(offset)).not.toMatch(
      /recovery (is )?required|Recovery started/i,
    );
    expect(await nodeCount(url)).toBeGreaterThan(100);
    run.child.kill('SIGINT');
    expect(await run.exited).toEqual({ code: 0, signal: null });
    expect(run.output()).not.toContain('The graph is empty');
    expect(isAlive(jvmPid)).toBe(false);
  });

  // This test and the next at once: this one needs no graph and has a store of its own.
  it.concurrent('leaves no JVM behind when the Node process is killed outright', async () => {
    const store = await mkdtemp(join(tmpdir(), 'sahel-graph-lifecycle-killed-'));
    dataDirs.push(store);
    const { run, jvmPid } = await startServer({ store });
    run.child.kill('SIGKILL');
    await run.exited;
    expect(await eventually(async () => !isAlive(jvmPid), 30_000)).toBe(true);
    expect(cleanShutdowns(store)).toBe(1);
  });

  it.concurrent(
    'restarts a JVM that dies under the running server, which then serves again',
    async () => {
      const { run, url, jvmPid } = await startServer();
      const before = await nodeCount(url);
      expect(before).toBeGreaterThan(100);
      process.kill(jvmPid, 'SIGKILL');
      const ready = async () => (await fetch(`${url}/ready`)).status;
      expect(await eventually(async () => (await ready()) === 503, 60_000)).toBe(true);

      const restarted = await run.waitForLog(
        'The embedded Neo4j stopped unexpectedly; restarting it',
        60_000,
      );
      expect(restarted.signal).toBe('SIGKILL');
      expect(await eventually(async () => (await ready()) === 200, 90_000)).toBe(true);
      expect(await nodeCount(url)).toBe(before);

      run.child.kill('SIGTERM');
      expect((await run.exited).code).toBe(0);
      const jvmPids = run
        .output()
        .split('\n')
        .filter((line) => line.includes('"Embedded Neo4j is ready"'))
        .map((line) => (JSON.parse(line) as { jvmPid: number }).jvmPid);
      expect(jvmPids).toHaveLength(2);
      expect(jvmPids.filter(isAlive)).toEqual([]);
    },
  );
});
