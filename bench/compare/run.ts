/**
 * `npm run bench [-- options]`: the same eight operations served by three GraphQL
 * implementations over the same Neo4j holding a synthetic graph (see BENCHMARKS.md), and the
 * explorer's own operations served by ours. Per graph size: open (or generate) the graph, start
 * each implementation in its own process, choose the operations' parameters from the graph,
 * check that all three return the same normalised data, then time them interleaved and record
 * throughput, latency, Cypher statements per request and memory. Writes
 * bench/results/bench-<time>.json and the figures in BENCHMARKS.md.
 *
 *   --cached             also time every read of ours through its response cache, apart
 *   --full               sizes small, medium and large; the default (quick) is small only
 *   --sizes a,b          these sizes (huge: 1M entities, asked for by name only)
 *   --seed <n>           the generator's seed number (42)
 *   --requests <n>       timed requests per operation and implementation (300)
 *   --rounds <n>         interleaved rounds (5)
 *   --concurrency <n>    concurrent connections (4)
 *   --only <op,...>      only these operations (figures not written to BENCHMARKS.md)
 *   --no-timing          only the equivalence check
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createLogger } from '../../src/logger.js';
import { FULL_SIZES, GRAPH_SIZES, type GraphSize } from '../synthetic-graph.js';
import { postGraphql } from './client.js';
import { differences } from './compare.js';
import { EXPLORER_OPERATION_NAMES, explorerOperations } from './explorer-operations.js';
import { openGraph, type SharedGraph } from './graph.js';
import { OPERATION_NAMES, operations, pageRequests, type SuiteParams } from './operations.js';
import { oursReads } from './ours-reads.js';
import { chooseParams } from './params.js';
import {
  machine,
  oursTable,
  timingTable,
  updateBenchmarksMd,
  writeResults,
  sizeSummary,
  type BenchResults,
  type SizeResult,
} from './report.js';
import { ServerProcess } from './server-process.js';
import {
  IMPLEMENTATIONS,
  OURS_CACHED,
  type Implementation,
  type ServerName,
} from './servers/types.js';
import { runTiming, type Target } from './timing.js';

const { values: args } = parseArgs({
  options: {
    cached: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    seed: { type: 'string', default: '42' },
    requests: { type: 'string', default: '300' },
    rounds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '4' },
    only: { type: 'string' },
    'no-timing': { type: 'boolean', default: false },
  },
});

const sizes = (args.sizes?.split(',') ?? (args.full ? FULL_SIZES : ['small'])).map((size) =>
  size.trim(),
) as GraphSize[];
for (const size of sizes) {
  if (!(size in GRAPH_SIZES)) throw new Error(`unknown size "${size}"`);
}
const only = args.only?.split(',').map((name) => name.trim());
const KNOWN_OPERATIONS = [...OPERATION_NAMES, ...EXPLORER_OPERATION_NAMES];
for (const name of only ?? []) {
  if (!KNOWN_OPERATIONS.includes(name))
    throw new Error(`unknown operation "${name}" (known: ${KNOWN_OPERATIONS.join(', ')})`);
}
const options = {
  requests: Number(args.requests),
  rounds: Number(args.rounds),
  concurrency: Number(args.concurrency),
  warmup: 0,
  seed: Number(args.seed),
};
options.warmup = Math.max(30, Math.round(options.requests / 5));

const abort = new AbortController();
let servers: ServerProcess[] = [];
let graph: SharedGraph | undefined;

async function cleanup(): Promise<void> {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await graph?.stop();
  graph = undefined;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping`);
    abort.abort();
    void cleanup().then(() => process.exit(130));
  });
}

const log = (message: string) => console.log(message);

/** Our global id of the entity, and each implementation's cursor that ends page `page - 1`. */
async function completeParams(
  params: Omit<SuiteParams, 'entityGlobalId' | 'pageCursors'>,
  urls: Record<Implementation, string>,
): Promise<SuiteParams> {
  const { entity } = (await postGraphql(
    urls.ours,
    'query($s: String!) { entity(slug: $s) { id } }',
    {
      s: params.entity,
    },
  )) as { entity: { id: string } };
  const cursors = { ours: null, 'neo4j-graphql': null, floor: null } as Record<
    Implementation,
    string | null
  >;
  for (let page = 1; page < params.page; page++) {
    const requests = pageRequests({ ...params, entityGlobalId: '', pageCursors: cursors }, cursors);
    for (const implementation of IMPLEMENTATIONS) {
      const request = requests[implementation];
      const data = await postGraphql(urls[implementation], request.query, request.variables);
      cursors[implementation] = request.endCursor(data);
    }
  }
  return { ...params, entityGlobalId: entity.id, pageCursors: cursors };
}

async function jvmMemory(pid: number | undefined) {
  if (!pid) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { rssMiB: Math.round(kib('VmRSS') / 1024), peakRssMiB: Math.round(kib('VmHWM') / 1024) };
  } catch {
    return null; // not Linux
  }
}

async function benchSize(size: GraphSize): Promise<{ result: SizeResult; allSame: boolean }> {
  const logger = createLogger({ level: 'warn', pretty: false });
  graph = await openGraph(size, options.seed, logger, log);
  const shared = graph;
  log(
    sizeSummary({
      size,
      load: shared.load,
      neo4jMemory: shared.neo4jMemory,
      memory: { serversMaxRssMiB: {}, neo4j: null },
    } as SizeResult).split('\n')[0]!,
  );
  servers = await Promise.all(
    ([...IMPLEMENTATIONS, ...(args.cached ? [OURS_CACHED] : [])] as ServerName[]).map((name) =>
      ServerProcess.start(name, shared.boltUri),
    ),
  );
  const compared = servers.filter((server) => server.implementation !== OURS_CACHED);
  const urls = Object.fromEntries(compared.map((s) => [s.implementation, s.url])) as Record<
    Implementation,
    string
  >;
  const params = await completeParams(await chooseParams(shared.database), urls);
  log(`parameters: ${JSON.stringify({ ...params, pageCursors: undefined })}`);

  const ops = operations(params).filter((op) => !only || only.includes(op.name));
  log('\nEquivalence (normalised answers, each compared with ours):');
  let allSame = true;
  const equivalence: SizeResult['equivalence'] = {};
  const targets: Target[] = [];
  for (const op of ops) {
    const answers: Partial<Record<Implementation, unknown>> = {};
    const lines: string[] = [];
    for (const server of compared) {
      const request = op.requests[server.implementation as Implementation];
      try {
        const data = await postGraphql(server.url, request.query, request.variables);
        answers[server.implementation as Implementation] = request.normalise(data);
        targets.push({
          operation: op.name,
          implementation: server.implementation,
          server,
          request: { body: JSON.stringify({ query: request.query, variables: request.variables }) },
        });
      } catch (error) {
        allSame = false;
        lines.push(`${server.implementation} failed: ${(error as Error).message}`);
      }
    }
    equivalence[op.name] = {};
    for (const other of IMPLEMENTATIONS.slice(1)) {
      if (!('ours' in answers) || !(other in answers)) continue;
      const diff = differences(answers.ours, answers[other]);
      equivalence[op.name]![other] = diff;
      if (diff.length > 0) allSame = false;
      lines.push(
        diff.length === 0
          ? `${other}: same`
          : `${other}: DIFFERS in ${diff.length} place(s)\n${diff
              .slice(0, 8)
              .map((line) => `        ${line}`)
              .join('\n')}`,
      );
    }
    const size = JSON.stringify(answers.ours ?? null).length;
    log(`  ${op.name} (${op.description}; ${size} bytes normalised)`);
    for (const line of lines) log(`      ${line}`);
  }

  const ours = targets.filter((target) => target.implementation === 'ours');
  const explorer = (await explorerOperations(params)).filter(
    (op) => !only || only.includes(op.name),
  );
  const reads = await oursReads(
    ours.map(({ operation, request }) => ({ name: operation, request })),
    explorer,
    compared.find((server) => server.implementation === 'ours')!,
    servers.find((server) => server.implementation === OURS_CACHED),
    log,
  );
  targets.push(...reads.targets);
  if (Object.values(reads.identical).includes(false)) allSame = false;

  let timing: SizeResult['timing'] = [];
  if (!args['no-timing'] && !abort.signal.aborted) {
    log(
      `\nTiming: ${options.requests} requests per pair in ${options.rounds} interleaved rounds, concurrency ${options.concurrency}`,
    );
    timing = await runTiming(targets, { ...options, signal: abort.signal }, (m) => log(`  ${m}`));
  }
  const serversMaxRssMiB: SizeResult['memory']['serversMaxRssMiB'] = {};
  for (const server of servers) {
    serversMaxRssMiB[server.implementation] = Math.round(
      (await server.stats()).maxRssBytes / 2 ** 20,
    );
  }
  const result: SizeResult = {
    size,
    load: shared.load,
    neo4jMemory: shared.neo4jMemory,
    params,
    equivalence,
    cachedIdentical: reads.identical,
    timing,
    memory: { serversMaxRssMiB, neo4j: await jvmMemory(shared.jvmPid) },
  };
  await cleanup();
  return { result, allSame };
}

async function main(): Promise<number> {
  const results: BenchResults = {
    startedAt: new Date().toISOString(),
    machine: machine(),
    options,
    sizes: [],
  };
  let allSame = true;
  for (const size of sizes) {
    if (abort.signal.aborted) break;
    log(`\n=== ${size} ===`);
    let outcome: Awaited<ReturnType<typeof benchSize>>;
    try {
      outcome = await benchSize(size);
    } catch (error) {
      // One size failing (e.g. out of memory) leaves the others' figures standing.
      console.error(`${size} failed:`, error);
      await cleanup();
      allSame = false;
      continue;
    }
    const { result, allSame: same } = outcome;
    allSame &&= same;
    results.sizes.push(result);
    if (result.timing.length > 0)
      log(`\n${sizeSummary(result)}\n\n${timingTable(result)}\n\n${oursTable(result)}`);
  }
  if (!args['no-timing'] && !abort.signal.aborted && results.sizes.length > 0) {
    const file = await writeResults(results);
    log(`\nresults: ${file}`);
    if (!only) {
      await updateBenchmarksMd(results, file);
      log('BENCHMARKS.md updated');
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
