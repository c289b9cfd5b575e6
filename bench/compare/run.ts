/**
 * `npx tsx bench/compare/run.ts [options]`: compares three GraphQL implementations of the same
 * operations over the same Neo4j (see README.md): starts an embedded Neo4j loaded with the
 * project's seeds, starts each implementation in its own process on a free loopback port,
 * checks that all three return the same normalised data, then times them, interleaved.
 *
 * Options:
 *   --neo4j <bolt uri>   use a running Neo4j (e.g. from dev-graph.ts) instead of starting one
 *   --no-timing          only the equivalence check
 *   --requests <n>       timed requests per operation and implementation (default 200)
 *   --concurrency <n>    concurrent connections (default 4)
 *   --only <op,...>      only these operations (entity, neighbourhood, events, claims)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createLogger } from '../../src/logger.js';
import { postGraphql } from './client.js';
import { differences } from './compare.js';
import { startGraph, type SharedGraph } from './graph.js';
import { NIGER_PARAMS, operations } from './operations.js';
import { IMPLEMENTATIONS, type Implementation } from './servers/types.js';
import { runTiming, type Target } from './timing.js';

const DEADLINE_MS = 15 * 60_000;
const SERVER_START_TIMEOUT_MS = 90_000;

const { values: args } = parseArgs({
  options: {
    neo4j: { type: 'string' },
    'no-timing': { type: 'boolean', default: false },
    requests: { type: 'string', default: '200' },
    concurrency: { type: 'string', default: '4' },
    only: { type: 'string' },
  },
});

const abort = new AbortController();
const children: ChildProcess[] = [];
let graph: SharedGraph | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(children.map(stopChild));
    await graph?.stop();
  })();
  return cleaning;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`);
    abort.abort();
    void cleanup().then(() => process.exit(130));
  });
}
const deadline = setTimeout(() => {
  console.error(`deadline of ${DEADLINE_MS / 60_000} min reached: stopping`);
  abort.abort();
}, DEADLINE_MS);
deadline.unref();

/** Starts `serve.ts <implementation>` in its own process and waits for its URL. */
function startServer(implementation: Implementation, boltUri: string): Promise<string> {
  const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', serve, implementation, boltUri], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(`${implementation} did not start within ${SERVER_START_TIMEOUT_MS / 1000} s`),
        ),
      SERVER_START_TIMEOUT_MS,
    );
    child.once('exit', (code) => reject(new Error(`${implementation} exited (code ${code})`)));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const { url } = JSON.parse(line) as { url?: string };
        if (url) {
          clearTimeout(timer);
          resolve(url);
          return;
        }
      } catch {
        // not the ready line: a log line
      }
      console.error(`[${implementation}] ${line}`);
    });
  });
}

const fmt = (ms: number) => (Number.isNaN(ms) ? '-' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));

async function main(): Promise<number> {
  const logger = createLogger({ level: 'warn', pretty: false });
  let boltUri = args.neo4j;
  if (!boltUri) {
    const started = Date.now();
    graph = await startGraph(logger);
    boltUri = graph.boltUri;
    console.log(`Neo4j ${boltUri}, seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const urls = {} as Record<Implementation, string>;
  await Promise.all(
    IMPLEMENTATIONS.map(async (implementation) => {
      urls[implementation] = await startServer(implementation, boltUri);
      console.log(`${implementation.padEnd(14)} ${urls[implementation]}`);
    }),
  );

  const only = args.only?.split(',').map((name) => name.trim());
  const ops = operations(NIGER_PARAMS).filter((op) => !only || only.includes(op.name));

  console.log('\nEquivalence (normalised answers, each compared with "ours"):');
  let allSame = true;
  const working: Target[] = [];
  for (const op of ops) {
    const answers = {} as Record<Implementation, unknown>;
    const failures: string[] = [];
    for (const implementation of IMPLEMENTATIONS) {
      const request = op.requests[implementation];
      try {
        const data = await postGraphql(urls[implementation], request.query, request.variables);
        answers[implementation] = request.normalise(data);
        working.push({
          operation: op.name,
          implementation,
          url: urls[implementation],
          body: JSON.stringify({ query: request.query, variables: request.variables }),
        });
      } catch (error) {
        failures.push(`${implementation} failed: ${(error as Error).message}`);
      }
    }
    const lines: string[] = [...failures];
    for (const other of IMPLEMENTATIONS.slice(1)) {
      if (!('ours' in answers) || !(other in answers)) continue;
      const diff = differences(answers.ours, answers[other]);
      lines.push(
        diff.length === 0
          ? `${other}: same`
          : `${other}: DIFFERS in ${diff.length} place(s)\n${diff
              .slice(0, 8)
              .map((line) => `        ${line}`)
              .join('\n')}${diff.length > 8 ? `\n        ... ${diff.length - 8} more` : ''}`,
      );
      if (diff.length > 0) allSame = false;
    }
    if (failures.length > 0) allSame = false;
    const size = JSON.stringify(answers.ours ?? null).length;
    console.log(`  ${op.name} (${op.description}; ${size} bytes normalised)`);
    for (const line of lines) console.log(`      ${line}`);
  }

  if (!args['no-timing'] && !abort.signal.aborted) {
    const requests = Number(args.requests);
    const concurrency = Number(args.concurrency);
    console.log(
      `\nTiming: ${requests} requests per operation and implementation, concurrency ${concurrency}, interleaved`,
    );
    const results = await runTiming(
      working,
      {
        requests,
        warmup: Math.max(20, Math.round(requests / 10)),
        rounds: 4,
        concurrency,
        signal: abort.signal,
      },
      (message) => console.log(`  ${message}`),
    );
    console.log(
      `\n  ${'operation'.padEnd(14)} ${'implementation'.padEnd(14)} ${'n'.padStart(5)} ${'err'.padStart(4)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'mean ms'.padStart(8)}`,
    );
    for (const op of ops) {
      for (const r of results.filter((x) => x.operation === op.name)) {
        console.log(
          `  ${r.operation.padEnd(14)} ${r.implementation.padEnd(14)} ${String(r.count).padStart(5)} ${String(r.errors).padStart(4)} ${fmt(r.p50).padStart(8)} ${fmt(r.p99).padStart(8)} ${fmt(r.mean).padStart(8)}`,
        );
      }
    }
  }
  return allSame ? 0 : 1;
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(error);
} finally {
  await cleanup();
}
process.exit(code);
