/**
 * `npm run load [-- --connections N --duration S]`: a load test of the real server on loopback.
 * Starts `src/main.ts` in a child process (so its memory is its own) over a fresh embedded Neo4j
 * seeded from seeds/, checks every example operation once, replays them round-robin with
 * autocannon (default 50 connections for 30 s), and reports throughput, latency, failures and
 * the server's peak memory; the figures also go to bench/results/load-<timestamp>.json.
 * Exits 1 when any request failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { basename, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import getPort from 'get-port';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const TSX_LOADER = join(PROJECT, 'node_modules/tsx/dist/loader.mjs');
const EXAMPLES_DIR = join(PROJECT, 'examples');
const RESULTS_DIR = join(PROJECT, 'bench/results');
/** Loopback only: the server listens here and every request goes here. */
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 180_000;
const CHECK_TIMEOUT_MS = 15_000;
const LOAD_TIMEOUT_S = 10;
const STOP_TIMEOUT_MS = 30_000;
const SAMPLE_INTERVAL_MS = 200;
const JSON_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

interface Options {
  connections: number;
  durationSeconds: number;
}

interface Operation {
  name: string;
  /** The POST body, serialized once. */
  body: string;
}

interface Server {
  child: ChildProcess;
  url: string;
  exited: Promise<void>;
  /** Warnings, errors and non-JSON lines the server printed, for the report. */
  problems: string[];
  /** The last lines it printed, to explain a failed start. */
  tail: string[];
}

interface MemoryPeaks {
  serverRssMiB: { atStart: number; peak: number };
  jvmRssMiB: { atStart: number; peak: number } | undefined;
}

interface LoadOutcome {
  result: autocannon.Result;
  /** Operation name → 200 responses that carried `errors`. */
  graphqlErrors: Map<string, number>;
  /** Error code → connection errors (timeouts, resets, refusals). */
  errorCodes: Map<string, number>;
  memory: MemoryPeaks;
}

class Interrupted extends Error {}

const options = parseArguments(process.argv.slice(2));
const interruption = handleInterrupts();
const operations = await readOperations(EXAMPLES_DIR);
const dataDir = await mkdtemp(join(tmpdir(), 'sahel-graph-load-'));
const server = await startServer(dataDir);
let exitCode = 1;
try {
  console.log(`Waiting for the server at ${server.url} (first start of Neo4j takes a while)`);
  const readySeconds = await waitUntilReady(server, interruption);
  console.log(`Ready after ${readySeconds.toFixed(1)} s\n`);
  await checkOperations(server.url, operations, interruption);
  console.log(
    `\nLoad: ${options.connections} connections for ${options.durationSeconds} s, ` +
      `${operations.length} operations round-robin`,
  );
  const outcome = await runLoad(server, operations, options, interruption);
  interruption.throwIfAborted();
  printReport(outcome, server.problems);
  const file = await saveResults(outcome, options, operations, readySeconds);
  console.log(`\nFigures written to ${relative(PROJECT, file)}`);
  exitCode = failures(outcome) > 0 ? 1 : 0;
} catch (error) {
  if (interruption.aborted) {
    exitCode = 130;
  } else {
    console.error(`\nLoad test failed: ${(error as Error).message}`);
    if (server.problems.length > 0) printServerProblems(server.problems);
  }
} finally {
  await stopServer(server);
  await rm(dataDir, { recursive: true, force: true, maxRetries: 3 });
}
process.exit(exitCode);

function parseArguments(argv: string[]): Options {
  const parsed: Options = { connections: 50, durationSeconds: 30 };
  const flags: Record<string, keyof Options> = {
    '--connections': 'connections',
    '--duration': 'durationSeconds',
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2);
    const key = flags[flag!];
    const value = Number(inline ?? argv[++i]);
    if (!key || !Number.isInteger(value) || value < 1) {
      console.error('usage: npm run load [-- --connections N --duration SECONDS]');
      process.exit(2);
    }
    parsed[key] = value;
  }
  return parsed;
}

/** Every examples/*.graphql, with the variables of `<name>.variables.json` when there is one. */
async function readOperations(dir: string): Promise<Operation[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (file) => {
      const name = basename(file, '.graphql');
      const query = await readFile(join(dir, file), 'utf8');
      const variablesFile = join(dir, `${name}.variables.json`);
      const variables: unknown = existsSync(variablesFile)
        ? JSON.parse(await readFile(variablesFile, 'utf8'))
        : undefined;
      return { name, body: JSON.stringify({ query, variables }) };
    }),
  );
}

/** `src/main.ts` as `npm start` runs it, with only the environment it needs. */
async function startServer(dataDir: string): Promise<Server> {
  const port = await getPort({ host: HOST });
  const boltPort = await getPort({ host: HOST, exclude: [port] });
  const child = spawn(process.execPath, ['--import', TSX_LOADER, 'src/main.ts'], {
    cwd: PROJECT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...(process.env.JAVA_HOME ? { JAVA_HOME: process.env.JAVA_HOME } : {}),
      HOST,
      PORT: String(port),
      NEO4J_EMBEDDED_PORT: String(boltPort),
      NEO4J_DATA_DIR: dataDir,
      // Empty overrides a .env that names an external Neo4j or protects the Cypher endpoint.
      NEO4J_URI: '',
      CYPHER_TOKEN: '',
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      SEED_ON_START: 'true',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server: Server = {
    child,
    url: `http://${HOST}:${port}`,
    exited: new Promise((resolve) => child.once('exit', () => resolve())),
    problems: [],
    tail: [],
  };
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => collectLine(server, line));
  }
  return server;
}

function collectLine(server: Server, line: string): void {
  server.tail.push(line);
  if (server.tail.length > 40) server.tail.shift();
  try {
    const entry = JSON.parse(line) as { level?: number; msg?: string };
    // LOG_LEVEL=warn already drops the rest; keep the level test for safety.
    if ((entry.level ?? 0) >= 40) server.problems.push(line);
  } catch {
    if (line.trim()) server.problems.push(line);
  }
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/**
 * Ctrl-C (or SIGTERM) ends the run early, then the usual bounded clean-up stops the server.
 * Repeated signals change nothing: tsx relays the terminal's Ctrl-C, so one press arrives twice.
 * The server shares our process group, so that Ctrl-C reaches it too; it starts its own clean
 * shutdown, which our SIGTERM then joins.
 */
function handleInterrupts(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    console.error(`\n${signal}: stopping the load test and the server`);
    controller.abort(new Interrupted(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller.signal;
}

/** Polls GET /ready until it answers 200; resolves with the seconds it took. */
async function waitUntilReady(server: Server, interruption: AbortSignal): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < READY_TIMEOUT_MS) {
    if (!isRunning(server.child)) {
      throw new Error(`the server exited before it was ready:\n${server.tail.join('\n')}`);
    }
    if (await answersReady(server.url)) return (Date.now() - started) / 1000;
    await sleep(500, undefined, { signal: interruption });
  }
  throw new Error(
    `the server was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${server.tail.join('\n')}`,
  );
}

async function answersReady(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false; // not listening yet
  }
}

/**
 * Sends every operation twice, one at a time: the first call must succeed (an operation that
 * fails alone would only add noise under load); the second shows its latency when warm.
 */
async function checkOperations(
  url: string,
  operations: Operation[],
  interruption: AbortSignal,
): Promise<void> {
  const failed: string[] = [];
  console.log('operation                     first ms   warm ms');
  for (const operation of operations) {
    interruption.throwIfAborted();
    const first = await callOnce(url, operation);
    const warm = first.problem ? first : await callOnce(url, operation);
    const problem = first.problem ?? warm.problem;
    console.log(
      `${operation.name.padEnd(28)} ${first.ms.toFixed(1).padStart(9)} ${warm.ms.toFixed(1).padStart(9)}` +
        (problem ? `   FAILED: ${problem}` : ''),
    );
    if (problem) failed.push(`${operation.name}: ${problem}`);
  }
  if (failed.length > 0)
    throw new Error(`operations failed before the load:\n${failed.join('\n')}`);
}

async function callOnce(
  url: string,
  operation: Operation,
): Promise<{ ms: number; problem: string | undefined }> {
  const started = performance.now();
  try {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: operation.body,
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    if (response.status !== 200)
      return { ms, problem: `HTTP ${response.status} ${text.slice(0, 300)}` };
    return { ms, problem: graphqlProblem(text) };
  } catch (error) {
    return { ms: performance.now() - started, problem: (error as Error).message };
  }
}

function graphqlProblem(text: string): string | undefined {
  let payload: { data?: unknown; errors?: { message?: string }[] };
  try {
    payload = JSON.parse(text) as typeof payload;
  } catch {
    return `not JSON: ${text.slice(0, 300)}`;
  }
  if (payload.errors) return payload.errors.map((error) => error.message).join('; ');
  if (payload.data == null) return 'no data in the response';
  return undefined;
}

/** One autocannon run over all operations; every connection loops over them in order. */
async function runLoad(
  server: Server,
  operations: Operation[],
  options: Options,
  interruption: AbortSignal,
): Promise<LoadOutcome> {
  const graphqlErrors = new Map<string, number>();
  const errorCodes = new Map<string, number>();
  const requests = operations.map((operation): autocannon.Request => ({
    method: 'POST',
    path: '/graphql',
    headers: JSON_HEADERS,
    body: operation.body,
    // A substring test, not JSON.parse, keeps the load generator cheap on a small machine:
    // `"errors":[` unescaped can only be a key, and no example selects a field named errors.
    onResponse: (status, body) => {
      if (status === 200 && body.includes('"errors":[')) increment(graphqlErrors, operation.name);
    },
  }));
  const memory = sampleMemory(server.child.pid!);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}/graphql`,
        connections: options.connections,
        duration: options.durationSeconds,
        timeout: LOAD_TIMEOUT_S,
        requests,
      },
      (error, result) => {
        interruption.removeEventListener('abort', stop);
        if (error) reject(error);
        else resolve(result);
      },
    );
    const stop = () => instance.stop();
    interruption.addEventListener('abort', stop, { once: true });
    instance.on('reqError', (error: NodeJS.ErrnoException) =>
      increment(errorCodes, error.code ?? error.message),
    );
  });
  return { result, graphqlErrors, errorCodes, memory: memory.stop() };
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/**
 * Samples the VmRSS of the server's Node process and of its Neo4j JVM. The JVM is found among
 * the server's children, again whenever it disappears (the server restarts a crashed one).
 */
function sampleMemory(serverPid: number): { stop(): MemoryPeaks } {
  let jvmPid = findJvm(serverPid);
  const atStart = { server: rssKiB(serverPid) ?? 0, jvm: jvmPid ? (rssKiB(jvmPid) ?? 0) : 0 };
  const peak = { ...atStart };
  const sample = () => {
    peak.server = Math.max(peak.server, rssKiB(serverPid) ?? 0);
    let jvm = jvmPid ? rssKiB(jvmPid) : undefined;
    if (jvm === undefined) {
      jvmPid = findJvm(serverPid);
      jvm = jvmPid ? rssKiB(jvmPid) : undefined;
    }
    peak.jvm = Math.max(peak.jvm, jvm ?? 0);
  };
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  const mib = (kib: number) => Math.round((kib / 1024) * 10) / 10;
  return {
    stop() {
      clearInterval(timer);
      sample();
      return {
        serverRssMiB: { atStart: mib(atStart.server), peak: mib(peak.server) },
        jvmRssMiB: peak.jvm > 0 ? { atStart: mib(atStart.jvm), peak: mib(peak.jvm) } : undefined,
      };
    },
  };
}

/** Undefined once the process is gone (a zombie has no VmRSS line either). */
function rssKiB(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function findJvm(parentPid: number): number | undefined {
  try {
    const children = readdirSync(`/proc/${parentPid}/task`).flatMap((task) =>
      readFileSync(`/proc/${parentPid}/task/${task}/children`, 'utf8').split(' ').filter(Boolean),
    );
    const java = children.find(
      (pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'java',
    );
    return java ? Number(java) : undefined;
  } catch {
    return undefined;
  }
}

function failures({ result, graphqlErrors }: LoadOutcome): number {
  const graphql = [...graphqlErrors.values()].reduce((sum, count) => sum + count, 0);
  return result.errors + result.non2xx + result.mismatches + graphql;
}

function printReport(outcome: LoadOutcome, serverProblems: string[]): void {
  const { result, graphqlErrors, errorCodes, memory } = outcome;
  const graphql = [...graphqlErrors.values()].reduce((sum, count) => sum + count, 0);
  const rows: [string, string][] = [
    ['requests', `${result.requests.total} in ${result.duration} s`],
    ['requests/s (mean)', result.requests.mean.toFixed(1)],
    ['latency p50', `${result.latency.p50} ms`],
    ['latency p99', `${result.latency.p99} ms`],
    ['latency max', `${result.latency.max} ms`],
    ['non-2xx responses', describeCounts(result.non2xx, statusCounts(result))],
    ['errors', describeCounts(result.errors, errorCodes)],
    ['timeouts', String(result.timeouts)],
    ['GraphQL errors', describeCounts(graphql, graphqlErrors)],
    [
      'server peak RSS',
      `${memory.serverRssMiB.peak} MiB (${memory.serverRssMiB.atStart} at start)`,
    ],
  ];
  if (memory.jvmRssMiB) {
    rows.push([
      'Neo4j JVM peak RSS',
      `${memory.jvmRssMiB.peak} MiB (${memory.jvmRssMiB.atStart} at start)`,
    ]);
  }
  console.log();
  for (const [label, value] of rows) console.log(`  ${label.padEnd(20)} ${value}`);
  if (serverProblems.length > 0) printServerProblems(serverProblems);
}

function describeCounts(total: number, counts: Map<string, number>): string {
  if (total === 0) return '0';
  const parts = [...counts].map(([key, count]) => `${key}: ${count}`);
  return parts.length > 0 ? `${total} (${parts.join(', ')})` : String(total);
}

function statusCounts(result: autocannon.Result): Map<string, number> {
  return new Map(
    Object.entries(result.statusCodeStats ?? {})
      .filter(([status]) => !status.startsWith('2'))
      .map(([status, { count }]) => [`HTTP ${status}`, count ?? 0]),
  );
}

function printServerProblems(problems: string[]): void {
  console.log(`\nThe server logged ${problems.length} warning or error line(s); the first ones:`);
  for (const line of problems.slice(0, 5)) console.log(`  ${line.slice(0, 400)}`);
}

async function saveResults(
  outcome: LoadOutcome,
  options: Options,
  operations: Operation[],
  readySeconds: number,
): Promise<string> {
  const { result, graphqlErrors, errorCodes, memory } = outcome;
  const figures = {
    startedAt: result.start,
    connections: options.connections,
    durationSeconds: result.duration,
    operations: operations.map((operation) => operation.name),
    requests: {
      total: result.requests.total,
      sent: result.requests.sent,
      perSecondMean: result.requests.mean,
    },
    latencyMs: {
      mean: result.latency.mean,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    non2xx: result.non2xx,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([status, { count }]) => [
        status,
        count ?? 0,
      ]),
    ),
    errors: result.errors,
    timeouts: result.timeouts,
    errorCodes: Object.fromEntries(errorCodes),
    graphqlErrors: Object.fromEntries(graphqlErrors),
    memory,
    serverReadySeconds: readySeconds,
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      totalMemoryMiB: Math.round(totalmem() / 1024 / 1024),
    },
  };
  await mkdir(RESULTS_DIR, { recursive: true });
  // Colons are not allowed in file names everywhere the repository may be checked out.
  const stamp = result.start.toISOString().replaceAll(':', '-');
  const file = join(RESULTS_DIR, `load-${stamp}.json`);
  await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
  return file;
}

/** SIGTERM, as an operator would; SIGKILL after STOP_TIMEOUT_MS. Then waits for the JVM too. */
async function stopServer(server: Server): Promise<void> {
  const jvmPid = server.child.pid ? findJvm(server.child.pid) : undefined;
  if (isRunning(server.child)) {
    server.child.kill('SIGTERM');
    if (!(await settlesWithin(server.exited, STOP_TIMEOUT_MS))) {
      console.error(`The server did not stop within ${STOP_TIMEOUT_MS / 1000} s: killing it`);
      server.child.kill('SIGKILL');
      await server.exited;
    }
  }
  // A killed server leaves its JVM to shut down by itself (its stdin closed); let it finish
  // before the data directory is deleted under it.
  if (jvmPid && !(await exitsWithin(jvmPid, STOP_TIMEOUT_MS))) {
    console.error(`The Neo4j JVM (pid ${jvmPid}) is still running`);
  }
}

async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  const timeout = new AbortController();
  const timer = sleep(ms, false, { signal: timeout.signal }).catch(() => false);
  const settled = await Promise.race([promise.then(() => true), timer]);
  timeout.abort();
  return settled;
}

async function exitsWithin(pid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (rssKiB(pid) !== undefined) {
    if (Date.now() > deadline) return false;
    await sleep(SAMPLE_INTERVAL_MS);
  }
  return true;
}
