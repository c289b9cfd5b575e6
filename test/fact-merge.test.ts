/**
 * One fact, many sources: two made-up documents (test/fixtures/fact-merge/) state the same
 * fact, the same fact with a more precise date, and a fact with a conflicting date, and describe
 * the same entities. Loaded together they give one relationship per fact with the evidence of
 * both; unloading either document leaves exactly the other's evidence.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../src/seeds/load.js';
import { readStoreShape } from '../src/store/graph-stats.js';
import { rowReader, snapshotGraph } from './support/graph.js';
import { useSeedFolder } from './support/seed-folder.js';

const FIXTURES = new URL('./fixtures/fact-merge/', import.meta.url).pathname;
const seeds = useSeedFolder(FIXTURES);

const read = rowReader(() => seeds.service().database);

/** Every fact between entities, with its dates and its evidence's files, sources and dates. */
const facts = () =>
  read(
    `MATCH (a:Entity)-[r]->(b:Entity)
     RETURN a.id + ' ' + type(r) + ' ' + b.id AS fact, r.id AS id,
            toString(r.validFrom) AS from, r.validFromPrecision AS precision,
            r.validFromPhrase AS phrase, r.description AS description,
            r.sourceIds AS sources, r.evidenceSeedFiles AS files,
            r.evidenceValidFrom AS statedFrom, r.evidenceValidFromPhrases AS statedPhrases
     ORDER BY fact, from`,
  );

const entity = (id: string) =>
  read(
    `MATCH (e:Entity {id: $id})
     RETURN e.aliases AS aliases, e.sourceIds AS sources, e.seedFiles AS files,
            e.description AS description, labels(e) AS labels`,
    { id },
  ).then((rows) => rows[0]);

async function unload(file: string): Promise<void> {
  await rm(join(seeds.dir(), file));
  await loadSeeds(seeds.service().database, { dir: seeds.dir() });
}

describe('two documents that state overlapping facts', () => {
  it('give one fact per statement of the world, with the evidence of both', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    expect(await facts()).toEqual([
      {
        fact: 'admiral-vega LEADS river-guard',
        id: 'admiral-vega:LEADS:river-guard',
        from: '2023-05-14',
        precision: 'day',
        phrase: null,
        description: null,
        sources: ['harbour-chronicle', 'harbour-wire'],
        files: ['chronicle', 'wire'],
        statedFrom: ['2023-05-14', '2023-05'],
        statedPhrases: ['', 'in May 2023'],
      },
      {
        fact: 'captain-rho LEADS harbour-police',
        id: 'captain-rho:LEADS:harbour-police:commander@2019..',
        from: '2019-01-01',
        precision: 'year',
        phrase: null,
        description: null,
        sources: ['harbour-chronicle'],
        files: ['chronicle'],
        statedFrom: ['2019'],
        statedPhrases: null,
      },
      {
        fact: 'captain-rho LEADS harbour-police',
        id: 'captain-rho:LEADS:harbour-police:commander@2021..',
        from: '2021-01-01',
        precision: 'year',
        phrase: null,
        description: 'Declined to comment.',
        sources: ['harbour-wire'],
        files: ['wire'],
        statedFrom: ['2021'],
        statedPhrases: null,
      },
      {
        fact: 'harbour-town LOCATED_IN blue-country',
        id: 'harbour-town:LOCATED_IN:blue-country',
        from: null,
        precision: null,
        phrase: null,
        description: null,
        sources: ['harbour-chronicle', 'harbour-wire'],
        files: ['chronicle', 'wire'],
        statedFrom: null,
        statedPhrases: null,
      },
      expect.objectContaining({ fact: 'new-ferry NEAR harbour-town', files: ['wire'] }),
      expect.objectContaining({
        fact: 'old-lighthouse LOCATED_IN harbour-town',
        files: ['chronicle'],
      }),
    ]);
  });

  it('give one node per entity, with the aliases, kinds and sources of every description', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const town = await entity('harbour-town');
    expect(town).toMatchObject({
      aliases: ['Harbourtown', 'Harbour-Town'],
      sources: ['harbour-chronicle', 'harbour-wire'],
      files: ['chronicle', 'wire'],
      description: 'A made-up harbour town.',
    });
    expect(new Set(town!.labels as string[])).toEqual(new Set(['Entity', 'Place', 'Town']));
    expect(await read(`MATCH (e:Entity {id: 'harbour-town'}) RETURN count(e) AS n`)).toEqual([
      { n: 1 },
    ]);
  });

  it('give the same graph whichever document is reloaded, and when loaded twice', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const first = await snapshotGraph(seeds.service().database);
    await loadSeeds(seeds.service().database, { dir: seeds.dir(), only: ['wire'] });
    expect(await snapshotGraph(seeds.service().database)).toEqual(first);
    await loadSeeds(seeds.service().database, { dir: seeds.dir(), only: ['chronicle'] });
    expect(await snapshotGraph(seeds.service().database)).toEqual(first);
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    expect(await snapshotGraph(seeds.service().database)).toEqual(first);
  });

  it('keep exactly the chronicle’s evidence when the wire report is unloaded', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    await unload('wire.yaml');
    expect(await facts()).toEqual([
      expect.objectContaining({
        fact: 'admiral-vega LEADS river-guard',
        from: '2023-05-14',
        sources: ['harbour-chronicle'],
        files: ['chronicle'],
      }),
      expect.objectContaining({
        fact: 'captain-rho LEADS harbour-police',
        id: 'captain-rho:LEADS:harbour-police:commander',
        from: '2019-01-01',
        files: ['chronicle'],
      }),
      expect.objectContaining({
        fact: 'harbour-town LOCATED_IN blue-country',
        sources: ['harbour-chronicle'],
      }),
      expect.objectContaining({ fact: 'old-lighthouse LOCATED_IN harbour-town' }),
    ]);
    expect(await entity('harbour-town')).toMatchObject({
      aliases: ['Harbourtown'],
      sources: ['harbour-chronicle'],
      files: ['chronicle'],
    });
    expect(await entity('new-ferry')).toBeUndefined();
    expect(await read(`MATCH (s:Source {id: 'harbour-wire'}) RETURN s.id AS id`)).toEqual([]);
  });

  it('keep exactly the wire report’s evidence, at its own precision, when the chronicle is unloaded', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    await unload('chronicle.yaml');
    expect(await facts()).toEqual([
      expect.objectContaining({
        fact: 'admiral-vega LEADS river-guard',
        from: '2023-05-01',
        precision: 'month',
        phrase: 'in May 2023',
        sources: ['harbour-wire'],
      }),
      expect.objectContaining({
        fact: 'captain-rho LEADS harbour-police',
        id: 'captain-rho:LEADS:harbour-police:commander',
        from: '2021-01-01',
        files: ['wire'],
      }),
      expect.objectContaining({
        fact: 'harbour-town LOCATED_IN blue-country',
        sources: ['harbour-wire'],
      }),
      expect.objectContaining({ fact: 'new-ferry NEAR harbour-town' }),
    ]);
    expect(await entity('harbour-town')).toMatchObject({
      aliases: ['Harbour-Town'],
      files: ['wire'],
      description: 'A harbour town, quiet on Monday.',
    });
    expect(await entity('old-lighthouse')).toBeUndefined();
  });

  it('rebuild a store of the older shape (a relationship per seed file) into the same graph', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const merged = await snapshotGraph(seeds.service().database);
    await seeds.service().database.write(async (tx) => {
      await tx.run(`MATCH (e:Entity) SET e.seedFile = e.seedFiles[0] REMOVE e.seedFiles`);
      await tx.run(`
        MATCH (a:Entity)-[r]->(b:Entity)
        WITH a, r, b, type(r) AS type, properties(r) AS fact
        UNWIND range(0, size(fact.sourceIds) - 1) AS i
        CREATE (a)-[old:$(type)]->(b)
        SET old.id = fact.evidenceSeedFiles[i] + ':' + fact.id, old.seedFile = fact.evidenceSeedFiles[i],
            old.sourceIds = [fact.sourceIds[i]], old.quotes = [fact.quotes[i]],
            old.sentenceIds = [fact.sentenceIds[i]]
        WITH DISTINCT r DELETE r`);
    });
    expect((await readStoreShape(seeds.service().database)).entitiesOfOlderShape).toBe(true);
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    expect((await readStoreShape(seeds.service().database)).entitiesOfOlderShape).toBe(false);
    expect(await snapshotGraph(seeds.service().database)).toEqual(merged);
  });

  it('leave nothing once both are unloaded', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    await rm(join(seeds.dir(), 'wire.yaml'));
    await unload('chronicle.yaml');
    expect(await read(`MATCH (n) RETURN count(n) AS n`)).toEqual([{ n: 0 }]);
  });
});
