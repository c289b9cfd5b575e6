/**
 * Each way the embedded Neo4j can fail to start gives one clear message naming the fix and a
 * non-zero exit: never a hang or a stack trace.
 */
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { runCliToExit } from './support/cli.js';
import { pathWith } from './support/commands.js';
import { SHORT_LIVED_JVM } from './support/jvm.js';
import { testConfig } from './support/service.js';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sahel-graph-failures-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A server start on free ports whose embedded Neo4j would live in its own data directory. */
async function embeddedEnvironment(overrides: Record<string, string> = {}) {
  return {
    PORT: String(await getPort()),
    NEO4J_EMBEDDED_PORT: String(await getPort()),
    NEO4J_DATA_DIR: await mkdtemp(join(scratch, 'data-')),
    NEO4J_HEAP: '512m',
    NEO4J_PAGECACHE: '64m',
    SEED_ON_START: 'false',
    ...SHORT_LIVED_JVM,
    ...overrides,
  };
}

function expectCleanFailure(
  result: { code: number | null; output: string },
  message: RegExp,
  fix: RegExp,
) {
  expect(result.code).toBe(1);
  const [first, second, ...rest] = result.output
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('{'));
  expect(first).toMatch(/^sahel-graph cannot start: /);
  expect(first).toMatch(message);
  expect(second).toMatch(/^Fix: /);
  expect(second).toMatch(fix);
  expect(rest).toEqual([]);
  expect(result.output).not.toMatch(/^\s+at /m);
}

// At once: each start has its own ports and data directory, and none touches the run's graph.
describe.concurrent('start-up failures of the embedded Neo4j', () => {
  it('names Java 17+ when there is no Java', async () => {
    const result = await runCliToExit(await embeddedEnvironment({ PATH: await pathWith(scratch) }));
    expectCleanFailure(
      result,
      /Java was not found/,
      /install Java 17\+.*NEO4J_URI.*docker compose up/,
    );
  });

  it('names Maven when the launcher must be built and there is no mvn', async () => {
    const result = await runCliToExit(
      await embeddedEnvironment({
        PATH: await pathWith(scratch, 'java'),
        NEO4J_LAUNCHER_DIR: await mkdtemp(join(scratch, 'launcher-')),
      }),
    );
    expectCleanFailure(result, /Maven \(`mvn`\) was not found/, /install Maven.*NEO4J_URI/);
  });

  it('names the Bolt port when it is taken', async () => {
    const holder: Server = createServer();
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as { port: number };
    try {
      const result = await runCliToExit(
        await embeddedEnvironment({ NEO4J_EMBEDDED_PORT: String(port) }),
      );
      expectCleanFailure(
        result,
        new RegExp(`Bolt port ${port} on 127.0.0.1 is already in use`),
        /NEO4J_EMBEDDED_PORT.*NEO4J_URI/,
      );
    } finally {
      holder.close();
    }
  });

  it('names the data directory when it is a file', async () => {
    const file = join(scratch, 'not-a-directory');
    await writeFile(file, 'x');
    const result = await runCliToExit(await embeddedEnvironment({ NEO4J_DATA_DIR: file }));
    expectCleanFailure(
      result,
      /NEO4J_DATA_DIR .* exists but is not a directory/,
      /set NEO4J_DATA_DIR/,
    );
  });

  it('names the data directory when another Neo4j holds it', async () => {
    const dataDir = await mkdtemp(join(scratch, 'locked-'));
    const holder = await EmbeddedNeo4j.start(
      {
        ...testConfig().embedded,
        boltPort: await getPort(),
        dataDir,
        heap: '512m',
        pageCache: '64m',
      },
      createLogger({ level: 'warn', pretty: false }),
      { ...process.env, ...SHORT_LIVED_JVM },
    );
    try {
      const result = await runCliToExit(
        await embeddedEnvironment({ NEO4J_DATA_DIR: dataDir }),
        120_000,
      );
      expectCleanFailure(
        result,
        /is in use by another Neo4j process/,
        /stop the other process using .*NEO4J_DATA_DIR/,
      );
    } finally {
      await holder.stop();
    }
  });

  it('names the HTTP port when it is taken, and stops the Neo4j it had started', async () => {
    const holder: Server = createServer();
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as { port: number };
    try {
      const result = await runCliToExit(await embeddedEnvironment({ PORT: String(port) }), 120_000);
      expectCleanFailure(result, new RegExp(`cannot listen on 127.0.0.1:${port}`), /set PORT/);
      const jvm = /"jvmPid":(\d+)/.exec(result.output);
      expect(jvm).not.toBeNull();
      expect(() => process.kill(Number(jvm![1]), 0)).toThrow();
    } finally {
      holder.close();
    }
  });

  it('names a bad variable and what it expects, before starting anything', async () => {
    const result = await runCliToExit({ PORT: 'abc', NEO4J_URI: 'http://localhost:7474' });
    expect(result.code).toBe(1);
    expect(result.output).toContain('sahel-graph cannot start: Invalid configuration:');
    expect(result.output).toContain('PORT="abc": must be a whole number from 0 to 65535');
    expect(result.output).toContain('NEO4J_URI="http://localhost:7474": must be a Neo4j URI');
    expect(result.output).not.toMatch(/^\s+at /m);
  });
});
