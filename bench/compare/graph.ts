/**
 * The Neo4j the three implementations share: an embedded Neo4j holding the synthetic graph of
 * one size. The store is kept under .data/bench/graphs/, named after the size, the seed number
 * and a hash of the generated data and of the code that writes it, so a rerun reuses it, and a
 * change to the data or to the writing code regenerates it (a change to the generator that
 * leaves its data alone does not). The graph is generated and written by `generate-graph.ts` in
 * a child process, part by part.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import getPort from 'get-port';
import type { Logger } from '../../src/logger.js';
import type { GraphDatabase } from '../../src/neo4j/database.js';
import { benchDatabase } from '../bench-database.js';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded/embedded-neo4j.js';
import { GRAPH_SIZES, syntheticGraphParts, type GraphSize } from '../synthetic-graph.js';
import type { SyntheticLoad } from '../synthetic-load.js';
import { launcherDirOf } from '../../src/config.js';

const GRAPHS_DIR = resolve('.data/bench/graphs');
/** What writes the generated data into the store: a change to any of these regenerates it. */
const WRITER_CODE = [
  'bench/synthetic-load.ts',
  'src/seeds/plan.ts',
  'src/store/seed-writer.ts',
  'src/store/graph-schema.ts',
];
/** Neo4j's memory per size: the page cache holds the whole store of the small and medium graphs. */
const MEMORY: Record<GraphSize, { heap: string; pageCache: string }> = {
  small: { heap: '1g', pageCache: '512m' },
  medium: { heap: '6g', pageCache: '3g' },
  large: { heap: '6g', pageCache: '4g' },
  // The store of 1M entities and 20M relationships is about ten times the large one's.
  huge: { heap: '8g', pageCache: '8g' },
};

export interface SharedGraph {
  boltUri: string;
  database: GraphDatabase;
  /** How the graph was loaded (possibly by an earlier run). */
  load: SyntheticLoad;
  neo4jMemory: { heap: string; pageCache: string };
  /** The JVM's process id, for its memory. */
  jvmPid: number | undefined;
  stop(): Promise<void>;
}

/** The hash of the writing code and of the generated data (streamed: a part at a time). */
async function graphHash(size: GraphSize, seed: number): Promise<string> {
  const hash = createHash('sha256');
  for (const file of WRITER_CODE) hash.update(await readFile(file));
  for (const part of syntheticGraphParts(`synthetic-${size}`, GRAPH_SIZES[size], seed)) {
    hash.update(JSON.stringify(part.seed));
  }
  return hash.digest('hex').slice(0, 12);
}

export async function openGraph(
  size: GraphSize,
  seed: number,
  logger: Logger,
  progress: (message: string) => void,
): Promise<SharedGraph> {
  const name = `${size}-seed${seed}-${await graphHash(size, seed)}`;
  const dir = join(GRAPHS_DIR, name);
  const marker = join(dir, 'load.json');
  const cached = existsSync(marker);
  if (!cached) {
    await mkdir(GRAPHS_DIR, { recursive: true });
    // Stores of this size from older code, and a half-written one, go.
    for (const entry of await readdir(GRAPHS_DIR)) {
      if (entry.startsWith(`${size}-`)) await rm(join(GRAPHS_DIR, entry), { recursive: true });
    }
  }
  const memory = MEMORY[size];
  const neo4j = await EmbeddedNeo4j.start(
    {
      boltPort: await getPort({ host: '127.0.0.1' }),
      dataDir: join(dir, 'neo4j'),
      ...memory,
      launcherDir: launcherDirOf(),
    },
    logger,
  );
  const database = benchDatabase(neo4j.boltUri, logger);
  const stop = async () => {
    await database.close().catch(() => undefined);
    await neo4j.stop().catch(() => undefined);
  };
  try {
    let load: SyntheticLoad;
    if (cached) {
      load = JSON.parse(await readFile(marker, 'utf8')) as SyntheticLoad;
      progress(`${size} graph: reusing ${dir}`);
    } else {
      progress(`${size} graph: generating and loading (seed ${seed}) into ${dir}`);
      load = await generateInto(neo4j.boltUri, size, seed);
      await writeFile(marker, JSON.stringify(load, null, 2));
    }
    // Warm the page cache: the timed requests should not pay for the first reads from disk.
    await database.query('MATCH (n) RETURN count(n.id) AS n');
    await database.query('MATCH ()-[r]->() RETURN count(r.sourceIds) AS n');
    return { boltUri: neo4j.boltUri, database, load, neo4jMemory: memory, jvmPid: neo4j.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function generateInto(boltUri: string, size: GraphSize, seed: number): Promise<SyntheticLoad> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve('bench/generate-graph.ts'),
      '--size',
      size,
      '--seed',
      String(seed),
      '--neo4j',
      boltUri,
      '--json',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code === 0) resolvePromise(JSON.parse(line) as SyntheticLoad);
      else reject(new Error(`generate-graph.ts exited with code ${code}: ${output.slice(-500)}`));
    });
  });
}
