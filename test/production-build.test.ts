/**
 * The production artifact, built as the Dockerfile builds it: only `dependencies` installed
 * (`npm ci --omit=dev`), src/ compiled by tsc to dist/, seeds/ and schema/ beside it, and the
 * explorer's bundle in explorer/dist. It must start with `node dist/main.js`, seed an empty
 * graph, serve GraphQL, GraphiQL and the explorer, and stop cleanly on SIGTERM. A runtime import
 * of a dev dependency fails here.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import getPort from 'get-port';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { persistedDocuments } from '../explorer/bundle.js';
import { startCli, type CliRun } from './support/cli.js';
import { clearGraph, postGraphQL, startTestService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

const run = promisify(execFile);
const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const TSC = join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc');

let artifact: string;
let server: CliRun | undefined;

beforeAll(async () => {
  artifact = await mkdtemp(join(tmpdir(), 'sahel-graph-production-'));
  for (const file of ['package.json', 'package-lock.json']) {
    await cp(join(PROJECT, file), join(artifact, file));
  }
  // The install (mostly disk), the compilation (CPU) and the copies are independent: at once.
  await Promise.all([
    // --prefer-offline: the packages are in npm's cache since the project's own `npm ci`.
    run(
      'npm',
      ['ci', '--omit=dev', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'],
      { cwd: artifact, env: { ...process.env, NODE_ENV: 'production' } },
    ),
    run(process.execPath, [
      TSC,
      '-p',
      join(PROJECT, 'tsconfig.build.json'),
      '--outDir',
      join(artifact, 'dist'),
    ]),
    ...['seeds', 'schema'].map((folder) =>
      cp(join(PROJECT, folder), join(artifact, folder), { recursive: true }),
    ),
    // Built with the dev dependencies (by the tests' global setup), as the Dockerfile's build
    // stage does.
    cp(join(PROJECT, 'explorer', 'dist'), join(artifact, 'explorer', 'dist'), { recursive: true }),
  ]);
  const service = await startTestService();
  await clearGraph(service.database);
  await service.stop();
});

afterAll(async () => {
  server?.child.kill('SIGKILL');
  await rm(artifact, { recursive: true, force: true });
});

describe('the production build', () => {
  it('has no dev dependency installed, so the test below proves the runtime ones suffice', async () => {
    const installed = await readdir(join(artifact, 'node_modules'));
    expect(installed).toContain('graphql-yoga');
    for (const devOnly of ['vitest', 'typescript', 'playwright-core', '@neo4j']) {
      expect(installed).not.toContain(devOnly);
    }
  });

  it('starts with node dist/main.js, seeds the empty graph, serves GraphQL, GraphiQL and the explorer (its operations by hash), and exits 0 on SIGTERM', async () => {
    server = startCli(
      {
        NODE_ENV: 'production',
        NEO4J_URI: testNeo4jUri(),
        ...passThrough('NEO4J_USER', 'NEO4J_PASSWORD'),
        PORT: String(await getPort()),
        LOG_LEVEL: 'info',
      },
      { cwd: artifact, nodeArguments: ['dist/main.js'] },
    );
    const seeded = await server.waitForLog('Seeds loaded', 120_000);
    expect(seeded.files).toEqual(['background', 'niger-2023-09-29']);
    const serving = await server.waitForLog('sahel-graph is serving', 120_000);
    const url = (serving.graphiql as string).replace(/\/graphql$/, '');

    const { status, body } = await postGraphQL<{ entity: { name: string } }>(
      url,
      '{ entity(slug: "mohamed-bazoum") { name } }',
    );
    expect(status).toBe(200);
    expect(body.data?.entity.name).toBe('Mohamed Bazoum');

    const graphiql = await fetch(`${url}/graphql`, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('<title>sahel-graph</title>');

    const explorer = await fetch(`${url}/`);
    expect(explorer.status).toBe(200);
    expect(await explorer.text()).toContain('<title>sahel-graph explorer</title>');

    // The explorer's operations by hash, from the manifest its build put in explorer/dist.
    const { hash } = (await persistedDocuments()).get('Suggestions')!;
    const byHash = await fetch(
      `${url}/graphql?${new URLSearchParams({
        variables: JSON.stringify({ query: 'Bazoum' }),
        extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
      })}`,
    );
    const answer = (await byHash.json()) as {
      data?: { search: { edges: { node: { name: string } }[] } };
      errors?: unknown[];
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.search.edges.map((edge) => edge.node.name)).toContain('Mohamed Bazoum');

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  });
});

/** The named variables of this process's environment, for a Neo4j that needs credentials. */
function passThrough(...names: string[]): Record<string, string> {
  return Object.fromEntries(
    names.flatMap((name) => (process.env[name] ? [[name, process.env[name]]] : [])),
  );
}
