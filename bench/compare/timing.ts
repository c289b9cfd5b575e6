/**
 * Short interleaved timing: the requests of each (operation, implementation) pair are split
 * into rounds, and each round runs every pair once, in an order that rotates from round to
 * round, so that drift (JIT, caches, GC, a noisy neighbour) spreads over all pairs. Latencies
 * are collected per request (autocannon's `response` event), so percentiles are exact.
 */
import autocannon from 'autocannon';

export interface Target {
  operation: string;
  implementation: string;
  url: string;
  body: string;
}

export interface TimingOptions {
  requests: number;
  warmup: number;
  rounds: number;
  concurrency: number;
  signal: AbortSignal;
}

export interface TimingResult extends Target {
  count: number;
  errors: number;
  p50: number;
  p99: number;
  mean: number;
}

function fire(target: Target, amount: number, concurrency: number, signal: AbortSignal) {
  return new Promise<{ latencies: number[]; errors: number }>((resolve, reject) => {
    const latencies: number[] = [];
    const instance = autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: target.body,
        amount,
        connections: Math.min(concurrency, amount),
        timeout: 30,
      },
      (error, result) => {
        signal.removeEventListener('abort', onAbort);
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve({ latencies, errors: result.errors + result.timeouts + result.non2xx });
      },
    );
    const onAbort = () => instance.stop();
    signal.addEventListener('abort', onAbort, { once: true });
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
}

export async function runTiming(
  targets: Target[],
  options: TimingOptions,
  progress: (message: string) => void,
): Promise<TimingResult[]> {
  const collected = targets.map(() => ({ latencies: [] as number[], errors: 0 }));
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
      const { latencies, errors } = await fire(
        targets[index]!,
        perRound,
        options.concurrency,
        options.signal,
      );
      collected[index]!.latencies.push(...latencies);
      collected[index]!.errors += errors;
    }
  }
  return targets.map((target, i) => {
    const sorted = [...collected[i]!.latencies].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
    return {
      ...target,
      count: sorted.length,
      errors: collected[i]!.errors,
      p50: at(0.5),
      p99: at(0.99),
      mean: sorted.reduce((sum, x) => sum + x, 0) / (sorted.length || 1),
    };
  });
}
