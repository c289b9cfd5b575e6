/** The benchmark's results: as tables on the console, as JSON, and in BENCHMARKS.md. */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import type { GraphSize } from '../synthetic-graph.js';
import type { SyntheticLoad } from '../synthetic-load.js';
import type { SuiteParams } from './operations.js';
import { OURS_CACHED, type Implementation, type ServerName } from './servers/types.js';
import type { TimingResult } from './timing.js';

export interface SizeResult {
  size: GraphSize;
  load: SyntheticLoad;
  neo4jMemory: { heap: string; pageCache: string };
  params: SuiteParams;
  /** Per operation: "same", or where an implementation's answer differs from ours. */
  equivalence: Record<string, Partial<Record<Implementation, string[]>>>;
  /** With `--cached`, per read of ours: whether the cached answers were the uncached one. */
  cachedIdentical?: Record<string, boolean>;
  timing: TimingResult[];
  memory: {
    /** Peak resident memory of each server process, in MiB. */
    serversMaxRssMiB: Partial<Record<ServerName, number>>;
    /** The Neo4j JVM's resident memory at the end and its peak, in MiB. */
    neo4j: { rssMiB: number; peakRssMiB: number } | null;
  };
}

export interface BenchResults {
  startedAt: string;
  machine: { cpu: string; cores: number; memoryGiB: number; os: string; node: string };
  options: { requests: number; rounds: number; concurrency: number; warmup: number; seed: number };
  sizes: SizeResult[];
}

export function machine(): BenchResults['machine'] {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
  };
}

const fixed = (x: number, digits = 1) =>
  Number.isFinite(x) ? (x < 10 && digits === 1 ? x.toFixed(2) : x.toFixed(digits)) : '-';

/** Ours against the others for one operation: throughput ratio and p50 ratio. */
export function ratios(timing: TimingResult[], operation: string) {
  const of = (implementation: Implementation) =>
    timing.find((r) => r.operation === operation && r.implementation === implementation);
  const ours = of('ours');
  const library = of('neo4j-graphql');
  const floor = of('floor');
  return {
    throughputVsLibrary: ours && library ? ours.requestsPerSecond / library.requestsPerSecond : NaN,
    p50VsLibrary: ours && library ? ours.p50 / library.p50 : NaN,
    p50VsFloor: ours && floor ? ours.p50 / floor.p50 : NaN,
  };
}

/** One timing as a cell: requests/s · p50 / p99 ms · statements per request. */
function timingCell(result: SizeResult, operation: string, server: ServerName): string {
  const r = result.timing.find((x) => x.operation === operation && x.implementation === server);
  return r
    ? `${fixed(r.requestsPerSecond, 0)} · ${fixed(r.p50)} / ${fixed(r.p99)} · ${fixed(r.statementsPerRequest, 1)}${r.errors ? ` · ${r.errors} err` : ''}`
    : '-';
}

/** A markdown table of one size's timings, one row per operation all three implementations ran. */
export function timingTable(result: SizeResult): string {
  const operations = [
    ...new Set(result.timing.filter((r) => r.implementation === 'floor').map((r) => r.operation)),
  ];
  const cell = (operation: string, implementation: Implementation) =>
    timingCell(result, operation, implementation);
  const lines = [
    '| operation | ours | @neo4j/graphql | floor | ours ÷ library, req/s | ours ÷ floor, p50 | same data |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const operation of operations) {
    const r = ratios(result.timing, operation);
    const differs = Object.entries(result.equivalence[operation] ?? {})
      .filter(([, diff]) => diff && diff.length > 0)
      .map(([implementation]) => implementation);
    lines.push(
      `| ${operation} | ${cell(operation, 'ours')} | ${cell(operation, 'neo4j-graphql')} | ${cell(operation, 'floor')} | ${fixed(r.throughputVsLibrary, 2)}× | ${fixed(r.p50VsFloor, 2)}× | ${differs.length ? `differs: ${differs.join(', ')}` : 'yes'} |`,
    );
  }
  return lines.join('\n');
}

/**
 * Ours alone, one row per read (the suite's and the explorer's): uncached and, with `--cached`,
 * through the response cache, with the ratio of their throughputs.
 */
export function oursTable(result: SizeResult): string {
  const operations = [
    ...new Set(result.timing.filter((r) => r.implementation === 'ours').map((r) => r.operation)),
  ];
  const throughput = (operation: string, server: ServerName) =>
    result.timing.find((r) => r.operation === operation && r.implementation === server)
      ?.requestsPerSecond ?? NaN;
  const lines = [
    `| operation | ours | ${OURS_CACHED} | cached ÷ uncached, req/s | identical answers |`,
    '| --- | --- | --- | --- | --- |',
  ];
  for (const operation of operations) {
    const identical = result.cachedIdentical?.[operation];
    lines.push(
      `| ${operation} | ${timingCell(result, operation, 'ours')} | ${timingCell(result, operation, OURS_CACHED)} | ${fixed(throughput(operation, OURS_CACHED) / throughput(operation, 'ours'), 1)}× | ${identical === undefined ? '-' : identical ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}

export function sizeSummary(result: SizeResult): string {
  const { load } = result;
  const mem = result.memory;
  const servers = Object.entries(mem.serversMaxRssMiB)
    .map(([implementation, mib]) => `${implementation} ${mib} MiB`)
    .join(', ');
  return [
    `**${result.size}**: ${load.nodes.toLocaleString('en')} nodes, ${load.relationships.toLocaleString('en')} relationships ` +
      `(seed ${load.seed}), loaded in ${load.seconds.toFixed(1)} s = ${Math.round(load.nodes / load.seconds).toLocaleString('en')} nodes/s, ` +
      `${Math.round(load.relationships / load.seconds).toLocaleString('en')} relationships/s (${load.transactions} transactions; generated and planned in ${load.plannedSeconds.toFixed(1)} s). ` +
      `Neo4j heap ${result.neo4jMemory.heap}, page cache ${result.neo4jMemory.pageCache}.`,
    `Peak server memory (RSS): ${servers}.` +
      (mem.neo4j
        ? ` Neo4j JVM: ${mem.neo4j.rssMiB} MiB at the end, peak ${mem.neo4j.peakRssMiB} MiB.`
        : ''),
  ].join('\n');
}

export async function writeResults(results: BenchResults): Promise<string> {
  const dir = 'bench/results';
  await mkdir(dir, { recursive: true });
  const file = join(dir, `bench-${results.startedAt.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  return file;
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the figures section of BENCHMARKS.md with these results. */
export async function updateBenchmarksMd(results: BenchResults, resultsFile: string) {
  const path = 'BENCHMARKS.md';
  const text = await readFile(path, 'utf8');
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${path} has no ${START} … ${END} section`);
  const m = results.machine;
  const o = results.options;
  const section = [
    START,
    '',
    `Run ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}; ` +
      `${o.requests} timed requests per operation and implementation in ${o.rounds} interleaved rounds at concurrency ${o.concurrency}, after ${o.warmup} warm-up requests. ` +
      `Raw figures: \`${resultsFile}\`.`,
    '',
    'Each cell: requests/s · p50 / p99 latency in ms · Cypher statements per request.',
    '',
    ...results.sizes.flatMap((size) => [
      sizeSummary(size),
      '',
      timingTable(size),
      '',
      `Ours alone: the explorer's operations${size.cachedIdentical ? ', and every read through the response cache' : ''}.`,
      '',
      oursTable(size),
      '',
    ]),
    END,
  ].join('\n');
  await writeFile(path, text.slice(0, from) + section + text.slice(to + END.length));
}
