/**
 * `npm run cypher-shell` runs Neo4j's own cypher-shell (its jars fetched by mvn on first use)
 * against the server's Neo4j: the embedded one's port by default, NEO4J_URI when set, and an
 * `-a` of the user's over either. Each run is awaited to its exit; the first may resolve jars
 * from Maven Central, hence the generous bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { cypherShellEnvironment } from '../src/neo4j/cypher-shell/connection.js';
import { pathWith } from './support/commands.js';
import { PROJECT, transpiled } from './support/transpiled-src.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

// The global setup's Neo4j is ours (auth off) unless NEO4J_URI named another for the run.
const ownNeo4j = !process.env.NEO4J_URI;

let scratch: string;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'sahel-graph-cypher-shell-'));
});
afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await rm(scratch, { recursive: true, force: true });
});

/**
 * `npm run cypher-shell -- ...args`: its script, transpiled (see transpiled-src.ts), with the
 * project's variables given here.
 */
async function cypherShell(args: string[], environment: Record<string, string>) {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('NEO4J_')),
  );
  const child = spawn(process.execPath, [transpiled('scripts/cypher-shell.ts'), ...args], {
    cwd: PROJECT,
    // NEO4J_URI empty, not unset: a developer's .env must not point the run elsewhere.
    env: { ...inherited, NEO4J_URI: '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await new Promise<[number | null]>((resolve) =>
    child.on('close', (exitCode) => resolve([exitCode])),
  );
  running.delete(child);
  return { code, stdout, stderr };
}

function boltPort(uri: string): string {
  return new URL(uri).port || '7687';
}

// At once: each run only reads, and those that need no Neo4j have ports or folders of their own.
describe.concurrent('npm run cypher-shell', { timeout: 20 * 60_000 }, () => {
  it.skipIf(!ownNeo4j)('runs a query on the embedded Neo4j port of the configuration', async () => {
    const result = await cypherShell(['--format', 'plain', 'RETURN 1 + 1 AS two'], {
      NEO4J_EMBEDDED_PORT: boltPort(testNeo4jUri()),
    });
    expect(result).toMatchObject({ code: 0, stdout: 'two\n2\n' });
  });

  it('connects to NEO4J_URI with the configured credentials', async () => {
    const result = await cypherShell(['--format', 'plain', "RETURN 'Niamey' AS capital"], {
      NEO4J_URI: testNeo4jUri(),
      NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
      NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? '',
      // Nothing listens there: only NEO4J_URI can answer.
      NEO4J_EMBEDDED_PORT: String(await getPort()),
    });
    expect(result).toMatchObject({ code: 0, stdout: 'capital\n"Niamey"\n' });
  });

  it.skipIf(!ownNeo4j)("lets the user's -a win over the configured address", async () => {
    const result = await cypherShell(
      ['-a', testNeo4jUri(), '--format', 'plain', 'RETURN 3 AS three'],
      { NEO4J_EMBEDDED_PORT: String(await getPort()) },
    );
    expect(result).toMatchObject({ code: 0, stdout: 'three\n3\n' });
  });

  it("exits non-zero with cypher-shell's own message when no Neo4j answers", async () => {
    const port = String(await getPort());
    const result = await cypherShell(['RETURN 1'], { NEO4J_EMBEDDED_PORT: port });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Unable to connect to 127.0.0.1:${port}`);
  });

  it('names Java 17+ when there is no Java', async () => {
    const result = await cypherShell(['RETURN 1'], {
      PATH: await pathWith(scratch),
      JAVA_HOME: '',
    });
    expectCleanFailure(result, /Java was not found/, /install Java 17\+/);
  });

  it('names Maven when the classpath must be resolved and there is no mvn', async () => {
    const result = await cypherShell(['RETURN 1'], {
      PATH: await pathWith(scratch, 'java'),
      NEO4J_LAUNCHER_DIR: await mkdtemp(join(scratch, 'launcher-')),
    });
    expectCleanFailure(result, /Maven \(`mvn`\) was not found/, /install Maven/);
  });
});

function expectCleanFailure(
  result: { code: number | null; stdout: string; stderr: string },
  message: RegExp,
  fix: RegExp,
) {
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  const lines = result.stderr
    .trim()
    .split('\n')
    .filter((line) => !line.startsWith('First run:'));
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^cypher-shell cannot start: /);
  expect(lines[0]).toMatch(message);
  expect(lines[1]).toMatch(/^Fix: /);
  expect(lines[1]).toMatch(fix);
}

describe('the connection cypher-shell is given', () => {
  const environment = { HOME: '/home/analyst', NEO4J_URI: 'x', NEO4J_ADDRESS: 'y' };

  it('is the embedded Neo4j on loopback when NEO4J_URI is unset', () => {
    const config = parseConfig({ NEO4J_EMBEDDED_PORT: '7700' });
    expect(cypherShellEnvironment(config, environment)).toEqual({
      HOME: '/home/analyst',
      NEO4J_ADDRESS: 'bolt://127.0.0.1:7700',
    });
  });

  it("is NEO4J_URI with the server's credentials and database, in cypher-shell's names", () => {
    const config = parseConfig({
      NEO4J_URI: 'neo4j+s://graph.example.org',
      NEO4J_USER: 'analyst',
      NEO4J_PASSWORD: 'secret-password',
      NEO4J_DATABASE: 'sahel',
    });
    expect(cypherShellEnvironment(config, environment)).toEqual({
      HOME: '/home/analyst',
      NEO4J_ADDRESS: 'neo4j+s://graph.example.org',
      NEO4J_USERNAME: 'analyst',
      NEO4J_PASSWORD: 'secret-password',
      NEO4J_DATABASE: 'sahel',
    });
  });
});
