/**
 * `npm run bench:seed [entities]`: the seed loader's throughput on a synthetic seed file of the
 * given size (default 5,000 entities, 3 relationships and 1 claim each), loaded twice into a
 * fresh embedded Neo4j: cold (Cypher plans not cached yet) and warm (a reload that replaces all).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import getPort from 'get-port';
import { createLogger } from '../src/logger.js';
import { benchDatabase } from './bench-database.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { loadSeeds } from '../src/seeds/load.js';
import { writeSyntheticSeed } from './synthetic-seed.js';
import { launcherDirOf } from '../src/config.js';

const entityCount = Number(process.argv[2] ?? 5000);
const work = await mkdtemp(join(tmpdir(), 'sahel-graph-bench-seed-'));
const seedDir = join(work, 'seeds');
await writeSyntheticSeed(seedDir, entityCount);

const logger = createLogger({ level: 'warn', pretty: false });
const neo4j = await EmbeddedNeo4j.start(
  {
    boltPort: await getPort(),
    dataDir: join(work, 'neo4j'),
    heap: '2g',
    pageCache: '512m',
    launcherDir: launcherDirOf(),
  },
  logger,
);
const database = benchDatabase(neo4j.boltUri, logger);
try {
  for (const round of ['cold', 'warm']) {
    const summary = await loadSeeds(database, { dir: seedDir });
    const rate = (count: number) => Math.round(count / summary.writeSeconds);
    console.log(
      `${round}: ${summary.nodes} nodes, ${summary.relationships} relationships in ${summary.writeSeconds.toFixed(2)} s ` +
        `= ${rate(summary.nodes)} nodes/s, ${rate(summary.relationships)} relationships/s ` +
        `(validation and planning ${summary.validateSeconds.toFixed(2)} s, indexes ${summary.schemaSeconds.toFixed(2)} s)`,
    );
  }
} finally {
  await database.close();
  await neo4j.stop();
  await rm(work, { recursive: true, force: true });
}
