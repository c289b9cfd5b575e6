/**
 * One claim, many reports: the Harbour Police's toll (police.yaml, the statement) is defined by
 * chronicle.yaml and restated by wire.yaml, which adds its own report (two other publications,
 * its own quote and confidence). Loaded together they give one claim with the reports of both;
 * unloading either leaves exactly the other's; a restatement that says something else is refused.
 * Also: a store written before claims were merged across files is migrated in place.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../src/seeds/load.js';
import { SeedError } from '../src/seeds/seed-error.js';
import { migrateStore, RETIRED_INDEXES } from '../src/store/migrations.js';
import { clearGraph, rowReader, snapshotGraph } from './support/graph.js';
import { useSeedFolder } from './support/seed-folder.js';
import { postGraphQL } from './support/service.js';

const FIXTURES = new URL('./fixtures/claim-merge/', import.meta.url).pathname;
const seeds = useSeedFolder(FIXTURES);
const database = () => seeds.service().database;
const read = rowReader(database);
const load = (only: string[] = []) => loadSeeds(database(), { dir: seeds.dir(), only });

const CLAIM = 'harbour-storm-boats-sunk-police';

interface ClaimAnswer {
  claim: {
    value: number;
    qualifier: string;
    label: string;
    confidence: string;
    quote: string;
    claimedBy: { slug: string };
    about: { slug: string }[];
    reportedIn: { slug: string };
    reports: { slug: string }[];
    sentence: { text: string };
    evidence: {
      source: { slug: string };
      quote: string;
      confidence: string;
      sentence: { text: string };
    }[];
  } | null;
}

async function claim(): Promise<ClaimAnswer['claim']> {
  const { status, body } = await postGraphQL<ClaimAnswer>(
    seeds.service().url,
    `query ($slug: String!) { claim(slug: $slug) {
       value qualifier label confidence quote claimedBy { slug } about { slug }
       reportedIn { slug } reports { slug } sentence { text }
       evidence { source { slug } quote confidence sentence { text } } } }`,
    { slug: CLAIM },
  );
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data!.claim;
}

const CHRONICLE_REPORT = {
  source: { slug: 'harbour-chronicle' },
  quote: 'The Harbour Police said at least 4 boats sank',
  confidence: 'REPORTED',
  sentence: { text: 'The Harbour Police said at least 4 boats sank in the storm.' },
};
const WIRE_SENTENCE = {
  text: "Four or more boats went down in Sunday's storm, according to the Harbour Police.",
};
const WIRE_REPORTS = [
  {
    source: { slug: 'harbour-wire' },
    quote: 'Four or more boats went down',
    confidence: 'UNVERIFIED',
    sentence: WIRE_SENTENCE,
  },
  {
    source: { slug: 'harbour-radio' },
    quote: 'Four or more boats went down',
    confidence: 'UNVERIFIED',
    sentence: WIRE_SENTENCE,
  },
];

async function unload(file: string): Promise<void> {
  await rm(join(seeds.dir(), file));
  await load();
}

describe('a claim that two documents report, each in its own seed file', () => {
  it('is one claim with the reports of both, in seed file order', async () => {
    await load();
    expect(await claim()).toEqual({
      value: 4,
      qualifier: 'AT_LEAST',
      label: 'Boats sunk',
      confidence: 'REPORTED',
      quote: CHRONICLE_REPORT.quote,
      claimedBy: { slug: 'harbour-police-statement' },
      about: [{ slug: 'harbour-storm' }],
      reportedIn: { slug: 'harbour-chronicle' },
      reports: [{ slug: 'harbour-chronicle' }, { slug: 'harbour-wire' }, { slug: 'harbour-radio' }],
      sentence: CHRONICLE_REPORT.sentence,
      evidence: [CHRONICLE_REPORT, ...WIRE_REPORTS],
    });
    expect(await read(`MATCH (c:Claim) RETURN c.id AS id`)).toEqual([{ id: CLAIM }]);
    expect(
      await read(
        `MATCH (:Claim {id: $id})-[link]->(target)
         RETURN type(link) AS link, count(target) AS count ORDER BY link`,
        { id: CLAIM },
      ),
    ).toEqual([
      { link: 'ABOUT', count: 1 },
      { link: 'CLAIMED_BY', count: 1 },
      { link: 'REPORTED_IN', count: 3 },
      { link: 'STATED_IN', count: 2 },
    ]);
  });

  it('is found from each publication that reports it and from its claimant', async () => {
    await load();
    const { body } = await postGraphQL<Record<string, { claims: { totalCount: number } }>>(
      seeds.service().url,
      `{ radio: source(slug: "harbour-radio") { claims { totalCount } }
         chronicle: source(slug: "harbour-chronicle") { claims { totalCount } }
         police: source(slug: "harbour-police-statement") { claims { totalCount } }
         other: source(slug: "harbour-police-statement") { claims(properties: ["x"]) { totalCount } } }`,
    );
    expect(body.data).toEqual({
      radio: { claims: { totalCount: 1 } },
      chronicle: { claims: { totalCount: 1 } },
      police: { claims: { totalCount: 1 } },
      other: { claims: { totalCount: 0 } },
    });
  });

  it('gives the same graph in any load order, and when a file is reloaded', async () => {
    await load();
    const together = await snapshotGraph(database());
    await load(['wire']);
    expect(await snapshotGraph(database())).toEqual(together);
    await load(['chronicle']);
    expect(await snapshotGraph(database())).toEqual(together);
    await clearGraph(database());
    await load(['police']);
    await load(['wire']);
    await load(['chronicle']);
    expect(await snapshotGraph(database())).toEqual(together);
  });

  it('keeps exactly the chronicle’s report when the wire report is unloaded', async () => {
    await load();
    await unload('wire.yaml');
    expect(await claim()).toMatchObject({
      confidence: 'REPORTED',
      reports: [{ slug: 'harbour-chronicle' }],
      evidence: [CHRONICLE_REPORT],
    });
  });

  it('keeps exactly the wire’s reports when the chronicle is unloaded', async () => {
    await load();
    await unload('chronicle.yaml');
    expect(await claim()).toMatchObject({
      value: 4,
      confidence: 'UNVERIFIED',
      quote: 'Four or more boats went down',
      reportedIn: { slug: 'harbour-wire' },
      reports: [{ slug: 'harbour-wire' }, { slug: 'harbour-radio' }],
      sentence: WIRE_SENTENCE,
      evidence: WIRE_REPORTS,
    });
  });

  it('disappears with its last report', async () => {
    await load();
    await rm(join(seeds.dir(), 'wire.yaml'));
    await unload('chronicle.yaml');
    expect(await claim()).toBeNull();
    expect(await read(`MATCH (c:Claim) RETURN c.id AS id`)).toEqual([]);
    expect(await read(`MATCH (n) WHERE NOT n:Source AND NOT n:Sentence RETURN n.id AS id`)).toEqual(
      [],
    );
  });

  it('is refused, naming both places, when a file restates it with another value; the graph stays', async () => {
    await load();
    const before = await snapshotGraph(database());
    const path = join(seeds.dir(), 'wire.yaml');
    const text = (await readFile(path, 'utf8')).replace('value: 4', 'value: 5');
    await writeFile(path, text);
    const chronicle = await readFile(join(seeds.dir(), 'chronicle.yaml'), 'utf8');
    const lineOf = (content: string, fragment: string) =>
      content.split('\n').findIndex((line) => line.includes(fragment)) + 1;
    const error = await load(['wire']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).message).toContain(
      `${path}:${lineOf(text, 'value: 5')}:12: claims[0].value: claim "${CLAIM}" says value 5 here ` +
        `but 4 at ${join(seeds.dir(), 'chronicle.yaml')}:${lineOf(chronicle, 'value: 4')}:12:`,
    );
    expect(await snapshotGraph(database())).toEqual(before);
  });

  it('is refused when one file states it twice', async () => {
    const path = join(seeds.dir(), 'chronicle.yaml');
    const text = await readFile(path, 'utf8');
    const claims = text.slice(text.indexOf('claims:\n') + 'claims:\n'.length);
    await writeFile(path, text + claims);
    await expect(load()).rejects.toThrow(
      `duplicate claim id "${CLAIM}" (first defined at ${path}:`,
    );
    expect(await read(`MATCH (n) RETURN count(n) AS n`)).toEqual([{ n: 0 }]);
  });
});

describe('a store written before claims were merged across files', () => {
  /** The earlier shape: the claim one file's, its report on the node (and its retired indexes). */
  async function writeEarlierShape(): Promise<void> {
    await database().write(async (tx) => {
      await tx.run(`
        MATCH (c:Claim)-[r:REPORTED_IN]->(s:Source)
        WITH c, r, s ORDER BY r.seedFile, r.index
        WITH c, collect(r) AS reports, collect(s.id) AS publications
        SET c.seedFile = reports[0].seedFile, c.quote = reports[0].quote,
            c.confidence = reports[0].confidence, c.reportedIn = publications[0],
            c.reportedInIds = publications
        FOREACH (r IN reports | REMOVE r.seedFile, r.quote, r.confidence, r.sentenceId, r.index)`);
    });
    await database().write((tx) =>
      tx.run('CREATE INDEX entity_seed_file IF NOT EXISTS FOR (n:Entity) ON (n.seedFile)'),
    );
    await database().write((tx) =>
      tx.run('CREATE RANGE INDEX claim_reported_in IF NOT EXISTS FOR (n:Claim) ON (n.reportedIn)'),
    );
  }

  const retiredIndexes = () =>
    read(`SHOW INDEXES YIELD name WHERE name IN $names RETURN name ORDER BY name`, {
      names: RETIRED_INDEXES,
    });

  it('is migrated in place: the retired indexes dropped, the claims given their reports', async () => {
    await rm(join(seeds.dir(), 'wire.yaml'));
    await load();
    const current = await snapshotGraph(database());
    await writeEarlierShape();
    expect(await retiredIndexes()).toEqual([
      { name: 'claim_reported_in' },
      { name: 'entity_seed_file' },
    ]);
    expect(await migrateStore(database())).toEqual({
      droppedIndexes: ['claim_reported_in', 'entity_seed_file'],
      claimsMigrated: 1,
    });
    expect(await retiredIndexes()).toEqual([]);
    expect(await snapshotGraph(database())).toEqual(current);
    // A second run finds nothing to do.
    expect(await migrateStore(database())).toEqual({ droppedIndexes: [], claimsMigrated: 0 });
    expect(await snapshotGraph(database())).toEqual(current);
  });

  it('is migrated by a load too, which then merges a second file’s report', async () => {
    await rm(join(seeds.dir(), 'wire.yaml'));
    await load();
    await writeEarlierShape();
    await writeFile(
      join(seeds.dir(), 'wire.yaml'),
      await readFile(join(FIXTURES, 'wire.yaml'), 'utf8'),
    );
    await load(['wire']);
    expect(await retiredIndexes()).toEqual([]);
    expect(await claim()).toMatchObject({ evidence: [CHRONICLE_REPORT, ...WIRE_REPORTS] });
  });
});
