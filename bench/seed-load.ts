/**
 * `npm run bench:seed [entities]`: the seed loader's throughput on a synthetic seed file of the
 * given size (default 5,000 entities, 3 relationships and 1 claim each), loaded twice into a
 * fresh embedded Neo4j: cold (Cypher plans not cached yet) and warm (a reload that replaces all).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import getPort from 'get-port';
import { stringify } from 'yaml';
import { createLogger } from '../src/logger.js';
import { GraphDatabase } from '../src/neo4j/database.js';
import { EmbeddedNeo4j } from '../src/neo4j/embedded/embedded-neo4j.js';
import { loadSeeds } from '../src/seeds/load.js';

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
    launcherDir: resolve('.data/neo4j-launcher'),
  },
  logger,
);
const database = GraphDatabase.connect(
  { uri: neo4j.boltUri, user: 'neo4j', password: '', database: undefined, queryTimeoutMs: 600_000 },
  logger,
);
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

/** One document whose sentences hold every quote, one source, entities in a ring with claims. */
async function writeSyntheticSeed(dir: string, count: number): Promise<void> {
  await import('node:fs/promises').then((fs) => fs.mkdir(dir, { recursive: true }));
  const sentence = (i: number) => `Entity ${i} is linked to entity ${(i + 1) % count}.`;
  await writeFile(
    join(dir, 'synthetic.txt'),
    Array.from({ length: count }, (_, i) => sentence(i)).join('\n\n'),
  );
  const kinds = ['Person', 'Organization', 'Place', 'Event', 'ArmedGroup'] as const;
  const id = (i: number) => `entity-${i}`;
  const quote = (i: number) => sentence(i).slice(0, -1);
  const seed = {
    document: { source: 'synthetic-document', file: 'synthetic.txt' },
    sources: [{ id: 'synthetic-document', kind: 'article', name: 'Synthetic document' }],
    entities: Array.from({ length: count }, (_, i) => ({
      id: id(i),
      kind: kinds[i % kinds.length],
      name: `Entity ${i}`,
      aliases: [`E${i}`],
      description: `Synthetic entity ${i}.`,
      sources: ['synthetic-document'],
      ...(kinds[i % kinds.length] === 'Place'
        ? { location: { latitude: (i % 180) - 90, longitude: (i % 360) - 180, precisionKm: 1 } }
        : {}),
      ...(kinds[i % kinds.length] === 'Event'
        ? { date: `20${10 + (i % 14)}-0${1 + (i % 9)}` }
        : {}),
    })),
    relationships: Array.from({ length: count }, (_, i) =>
      (['LEADS', 'MEMBER_OF', 'NEAR'] as const).map((type, k) => ({
        type,
        from: id(i),
        to: id((i + 1 + k * 7) % count),
        evidence: [{ source: 'synthetic-document', quote: quote(i) }],
      })),
    ).flat(),
    claims: Array.from({ length: count }, (_, i) => ({
      id: `claim-${i}`,
      about: [id(i)],
      property: 'soldiers_killed',
      label: 'Soldiers killed',
      value: i % 50,
      qualifier: 'at_least',
      claimedBy: 'synthetic-document',
      reportedIn: 'synthetic-document',
      quote: quote(i),
    })),
  };
  await writeFile(join(dir, 'synthetic.yaml'), stringify(seed));
}
