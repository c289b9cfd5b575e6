/**
 * The Neo4j the three implementations share: an embedded Neo4j on a free loopback port with a
 * temporary data directory, loaded with the project's seeds (or a synthetic seed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import getPort from 'get-port';
import type { Logger } from '../../src/logger.js';
import { GraphDatabase } from '../../src/neo4j/database.js';
import { EmbeddedNeo4j } from '../../src/neo4j/embedded/embedded-neo4j.js';
import { loadSeeds } from '../../src/seeds/load.js';
import { writeSyntheticSeed } from '../synthetic-seed.js';

export interface SharedGraph {
  boltUri: string;
  database: GraphDatabase;
  stop(): Promise<void>;
}

export async function startGraph(
  logger: Logger,
  options: { syntheticEntities?: number } = {},
): Promise<SharedGraph> {
  const work = await mkdtemp(join(tmpdir(), 'sahel-graph-bench-compare-'));
  let neo4j: EmbeddedNeo4j | undefined;
  let database: GraphDatabase | undefined;
  const stop = async () => {
    await database?.close().catch(() => undefined);
    await neo4j?.stop().catch(() => undefined);
    await rm(work, { recursive: true, force: true });
  };
  try {
    neo4j = await EmbeddedNeo4j.start(
      {
        boltPort: await getPort({ host: '127.0.0.1' }),
        dataDir: join(work, 'neo4j'),
        heap: '1g',
        pageCache: '512m',
        launcherDir: resolve('.data/neo4j-launcher'),
      },
      logger,
    );
    database = GraphDatabase.connect(
      {
        uri: neo4j.boltUri,
        user: 'neo4j',
        password: '',
        database: undefined,
        queryTimeoutMs: 600_000,
      },
      logger,
    );
    if (options.syntheticEntities) {
      const seedDir = join(work, 'seeds');
      await writeSyntheticSeed(seedDir, options.syntheticEntities);
      await loadSeeds(database, { dir: seedDir });
    } else {
      await loadSeeds(database);
    }
    return { boltUri: neo4j.boltUri, database, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
