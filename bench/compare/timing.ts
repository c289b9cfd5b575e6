/**
 * Interleaved timing: the requests of each (operation, implementation) pair are split into
 * rounds, and each round runs every pair once, in an order that rotates from round to round,
 * so that drift (JIT, caches, GC, a noisy neighbour) spreads over all pairs. Latencies are
 * collected per request (autocannon's `response` event), so percentiles are exact; throughput is
 * requests over the time the pair's requests were running at the fixed concurrency.
 */
import autocannon from 'autocannon';
import type { ServerProcess } from './server-process.js';

export interface Target {
  operation: string;
  implementation: string;
  server: ServerProcess;
  /** A POST of this JSON body, or a GET with this query string (the explorer's requests). */
  request: { body: string } | { search: string };
}

export interface TimingOptions {
  requests: number;
  warmup: number;
  rounds: number;
  concurrency: number;
  signal: AbortSignal;
}

export interface TimingResult {
  operation: string;
  implementation: string;
  count: number;
  errors: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  mean: number;
  /** The lowest and highest p50 of the rounds: how much the runs agree. */
  p50Rounds: [number, number];
  /** Cypher statements the server sent per request. */
  statementsPerRequest: number;
}

interface Fired {
  latencies: number[];
  errors: number;
  seconds: number;
}

function fire(target: Target, amount: number, concurrency: number, signal: AbortSignal) {
  return new Promise<Fired>((resolve, reject) => {
    const latencies: number[] = [];
    const started = performance.now();
    let lastAnswer = started;
    const instance = autocannon(
      {
        ...('body' in target.request
          ? {
              url: target.server.url,
              method: 'POST' as const,
              headers: { 'content-type': 'application/json', accept: 'application/json' },
              body: target.request.body,
            }
          : {
              url: `${target.server.url}?${target.request.search}`,
              method: 'GET' as const,
              headers: { accept: 'application/json' },
            }),
        amount,
        connections: Math.min(concurrency, amount),
        timeout: 60,
      },
      (error, result) => {
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else
          resolve({
            latencies,
            errors: result.errors + result.timeouts + result.non2xx,
            // Up to the last answer: autocannon itself only finishes at its next 1 s tick.
            seconds: (lastAnswer - started) / 1000,
          });
      },
    );
    const onAbort = () => instance.stop();
    signal.addEventListener('abort', onAbort, { once: true });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      lastAnswer = performance.now();
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
const ascending = (values: number[]) => [...values].sort((a, b) => a - b);

export async function runTiming(
  targets: Target[],
  options: TimingOptions,
  progress: (message: string) => void,
): Promise<TimingResult[]> {
  const collected = targets.map(() => ({
    latencies: [] as number[],
    roundP50s: [] as number[],
    errors: 0,
    seconds: 0,
    requests: 0,
    statements: 0,
  }));
  progress(`warm-up: ${options.warmup} requests per pair`);
  for (const target of targets) {
    if (options.signal.aborted) break;
    await fire(target, options.warmup, options.concurrency, options.signal);
  }
  const perRound = Math.ceil(options.requests / options.rounds);
  for (let round = 0; round < options.rounds && !options.signal.aborted; round++) {
    progress(`round ${round + 1}/${options.rounds}: ${perRound} requests per pair`);
    for (let k = 0; k < targets.length && !options.signal.aborted; k++) {
      const index = (k + round * 5) % targets.length;
      const target = targets[index]!;
      const before = await target.server.stats();
      const fired = await fire(target, perRound, options.concurrency, options.signal);
      const after = await target.server.stats();
      const into = collected[index]!;
      into.latencies.push(...fired.latencies);
      into.roundP50s.push(percentile(ascending(fired.latencies), 0.5));
      into.errors += fired.errors;
      into.seconds += fired.seconds;
      into.requests += fired.latencies.length + fired.errors;
      into.statements += after.statements - before.statements;
    }
  }
  return targets.map((target, i) => {
    const data = collected[i]!;
    const sorted = ascending(data.latencies);
    const rounds = ascending(data.roundP50s);
    return {
      operation: target.operation,
      implementation: target.implementation,
      count: sorted.length,
      errors: data.errors,
      requestsPerSecond: data.seconds > 0 ? sorted.length / data.seconds : NaN,
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      mean: sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1),
      p50Rounds: [rounds[0] ?? NaN, rounds.at(-1) ?? NaN],
      statementsPerRequest: data.requests > 0 ? data.statements / data.requests : NaN,
    };
  });
}
