/**
 * What only ours is timed on: the explorer's own operations (by hash, as GET), and, with
 * `--cached`, every read again through the response cache ("ours (cached)": the same server
 * with the cache on). A cached answer must be the uncached one, byte for byte, both when it is
 * computed (a miss) and when it is served from the cache (a hit).
 */
import { getGraphql, postGraphqlBody } from './client.js';
import type { ExplorerOperation } from './explorer-operations.js';
import type { ServerProcess } from './server-process.js';
import type { Target } from './timing.js';

export interface OursRead {
  name: string;
  request: Target['request'];
}

export async function oursReads(
  reads: OursRead[],
  explorer: ExplorerOperation[],
  ours: ServerProcess,
  cached: ServerProcess | undefined,
  log: (message: string) => void,
): Promise<{ targets: Target[]; identical: Record<string, boolean> }> {
  const targets: Target[] = [];
  const identical: Record<string, boolean> = {};
  const explorerReads = explorer.map(({ name, search }) => ({ name, request: { search } }));
  if (explorer.length > 0) log("\nThe explorer's operations (ours only, by hash):");
  for (const [i, read] of explorerReads.entries()) {
    const size = (await answer(ours, read.request)).length;
    log(`  ${read.name} (${explorer[i]!.description}; ${size} bytes)`);
    targets.push({
      operation: read.name,
      implementation: ours.implementation,
      server: ours,
      ...read,
    });
  }
  if (!cached) return { targets, identical };
  log('\nCached answers (a miss, then a hit) against uncached ones:');
  for (const read of [...reads, ...explorerReads]) {
    const uncached = await answer(ours, read.request);
    const [miss, hit] = [await answer(cached, read.request), await answer(cached, read.request)];
    identical[read.name] = miss === uncached && hit === uncached;
    log(`  ${read.name}: ${identical[read.name] ? 'identical' : 'DIFFERS'}`);
    targets.push({
      operation: read.name,
      implementation: cached.implementation,
      server: cached,
      ...read,
    });
  }
  return { targets, identical };
}

/** The answer's data as JSON text: what a client gets, to be compared exactly. */
async function answer(server: ServerProcess, request: Target['request']): Promise<string> {
  const data =
    'body' in request
      ? await postGraphqlBody(server.url, request.body)
      : await getGraphql(server.url, request.search);
  return JSON.stringify(data);
}
