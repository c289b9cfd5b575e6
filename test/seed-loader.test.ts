/**
 * The seed loader against a real Neo4j, on small made-up seed files: what it writes, that
 * loading twice changes nothing, that a reload replaces exactly one file's facts, that a failed
 * load leaves the graph as it was, and that each kind of bad input is reported at file:line.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSeeds } from '../src/seeds/load.js';
import { SeedError } from '../src/seeds/seed-error.js';
import { rowReader, snapshotGraph } from './support/graph.js';
import { random } from './support/random.js';
import { useSeedFolder } from './support/seed-folder.js';

const FIXTURES = new URL('./fixtures/seeds/', import.meta.url).pathname;
const seeds = useSeedFolder(FIXTURES);

const read = rowReader(() => seeds.service().database);

async function edit(file: string, change: (text: string) => string): Promise<string> {
  const path = join(seeds.dir(), file);
  const text = change(await readFile(path, 'utf8'));
  await writeFile(path, text);
  return text;
}

describe('loading seed files', () => {
  it('writes entities with their kind labels, typed dates and points', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const [vega] = await read(
      `MATCH (e:Entity {id: 'admiral-vega'}) RETURN labels(e) AS labels, e.name AS name`,
    );
    expect(new Set(vega!.labels as string[])).toEqual(
      new Set(['Entity', 'Person', 'MilitaryOfficer']),
    );
    const [port] = await read(
      `MATCH (p:Place {id: 'port-alpha'})
       RETURN p.location.latitude AS latitude, p.location.longitude AS longitude,
              p.location.srid AS srid, p.locationPrecisionKm AS precisionKm`,
    );
    expect(port).toEqual({ latitude: 12.5, longitude: 3.25, srid: 4326, precisionKm: 2 });
    const [sinking] = await read(
      `MATCH (e:Event {id: 'boat-sinking-2024-01-08'})
       RETURN toString(e.date) AS date, e.datePrecision AS precision, e.datePhrase AS phrase`,
    );
    expect(sinking).toEqual({
      date: '2024-01-08',
      precision: 'day',
      phrase: 'Monday (January 8, 2024)',
    });
  });

  it('records on each relationship its sources, quotes, sentences and validity', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const [leads] = await read(
      `MATCH (:Person {id: 'admiral-vega'})-[r:LEADS]->(:Organization {id: 'river-guard'})
       RETURN r.sourceIds AS sources, r.quotes AS quotes, r.sentenceIds AS sentences,
              toString(r.validFrom) AS from, toString(r.validFromLatest) AS fromLatest,
              r.validFromPrecision AS precision`,
    );
    expect(leads).toEqual({
      sources: ['gazette-report'],
      quotes: ['The River Guard is led by Admiral Vega'],
      sentences: ['gazette-report#3'],
      from: '2023-05-01',
      fromLatest: '2023-05-31',
      precision: 'month',
    });
    const [sentence] = await read(
      `MATCH (s:Sentence {id: 'gazette-report#3'})-[:IN_DOCUMENT]->(d:Source) RETURN s.text AS text, d.id AS document`,
    );
    expect(sentence).toEqual({
      text: 'The River Guard is led by Admiral Vega.',
      document: 'gazette-report',
    });
  });

  it('links a relationship to an entity that another file defines', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const rows = await read(
      `MATCH (:Event {id: 'boat-sinking-2024-01-08'})-[r:OCCURRED_AT]->(p:Place) RETURN p.id AS place, r.sourceIds AS sources`,
    );
    expect(rows).toEqual([{ place: 'port-alpha', sources: ['river-guard-statement'] }]);
  });

  it('keeps conflicting claims side by side, each with claimant, reports and sentence', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const claims = await read(
      `MATCH (c:Claim)-[:ABOUT]->(:Event {id: 'boat-sinking-2024-01-08'})
       MATCH (c)-[:CLAIMED_BY]->(claimant:Source), (c)-[:STATED_IN]->(sentence:Sentence)
       RETURN c.value AS value, c.qualifier AS qualifier, claimant.id AS claimant,
              COLLECT { MATCH (c)-[r:REPORTED_IN]->(report) RETURN report.id ORDER BY r.index }
                AS reports,
              COLLECT { MATCH (c)-[r:REPORTED_IN]->() RETURN DISTINCT r.seedFile } AS files,
              COLLECT { MATCH (c)-[r:REPORTED_IN]->() RETURN DISTINCT r.sentenceId }
                AS reportSentences,
              sentence.index AS sentence, sentence.id AS sentenceId
       ORDER BY value`,
    );
    expect(claims).toEqual([
      {
        value: 4,
        qualifier: 'at_least',
        claimant: 'river-guard-statement',
        reports: ['gazette-report', 'harbour-bulletin'],
        files: ['report'],
        reportSentences: ['gazette-report#1'],
        sentence: 1,
        sentenceId: 'gazette-report#1',
      },
      {
        value: 6,
        qualifier: 'exact',
        claimant: 'harbour-officials',
        reports: ['gazette-report'],
        files: ['report'],
        reportSentences: ['gazette-report#2'],
        sentence: 2,
        sentenceId: 'gazette-report#2',
      },
    ]);
  });

  it('gives the same graph when loaded twice', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const first = await snapshotGraph(seeds.service().database);
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    expect(await snapshotGraph(seeds.service().database)).toEqual(first);
  });

  it('replaces exactly what a changed file contributes, and keeps other files and node identity', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const [before] = await read(
      `MATCH (p:Place {id: 'port-alpha'}) RETURN elementId(p) AS element`,
    );
    await edit('report.yaml', (text) =>
      text
        .replace(/  - id: boats-sunk-harbour-officials[\s\S]*$/, '')
        .replace('validFrom: 2023-05', 'validFrom: 2022')
        .replace(
          'kind: Person\n    subkinds: [MilitaryOfficer]',
          'kind: Person\n    subkinds: [Politician]',
        ),
    );
    await loadSeeds(seeds.service().database, { dir: seeds.dir(), only: ['report'] });

    expect(await read(`MATCH (c:Claim) RETURN c.id AS id`)).toEqual([
      { id: 'boats-sunk-river-guard' },
    ]);
    expect(
      await read(
        `MATCH ()-[r:LEADS]->() RETURN toString(r.validFrom) AS from, r.validFromPrecision AS p`,
      ),
    ).toEqual([{ from: '2022-01-01', p: 'year' }]);
    const [vega] = await read(`MATCH (e:Entity {id: 'admiral-vega'}) RETURN labels(e) AS labels`);
    expect(new Set(vega!.labels as string[])).toEqual(new Set(['Entity', 'Person', 'Politician']));
    const [after] = await read(`MATCH (p:Place {id: 'port-alpha'}) RETURN elementId(p) AS element`);
    expect(after).toEqual(before);
    expect(await read(`MATCH ()-[r:LOCATED_IN]->() RETURN r.evidenceSeedFiles AS files`)).toEqual([
      { files: ['gazetteer'] },
    ]);
    expect(await read(`MATCH ()-[r:OCCURRED_AT]->(p) RETURN p.id AS place`)).toEqual([
      { place: 'port-alpha' },
    ]);
  });

  it('removes what a deleted seed file had contributed, on a full load', async () => {
    await writeFile(join(seeds.dir(), 'extra.txt'), 'Lake Gamma is deep.');
    await writeFile(
      join(seeds.dir(), 'extra.yaml'),
      [
        'document: { source: extra-notes, file: extra.txt }',
        'sources: [{ id: extra-notes, kind: reference-work, name: Extra notes }]',
        'entities:',
        '  - { id: lake-gamma, kind: Place, name: Lake Gamma, description: A lake., sources: [extra-notes] }',
      ].join('\n'),
    );
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const fromExtra = `MATCH (n) WHERE n.seedFile = 'extra' OR 'extra' IN n.seedFiles
                       RETURN count(n) AS n`;
    expect(await read(fromExtra)).toEqual([{ n: 3 }]);
    await rm(join(seeds.dir(), 'extra.yaml'));
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    expect(await read(fromExtra)).toEqual([{ n: 0 }]);
  });
});

describe('a load that fails', () => {
  it('leaves the graph as it was when a file is invalid', async () => {
    await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    const before = await snapshotGraph(seeds.service().database);
    await edit('report.yaml', (text) => text.replace('value: 6', 'value: six'));
    await expect(loadSeeds(seeds.service().database, { dir: seeds.dir() })).rejects.toBeInstanceOf(
      SeedError,
    );
    expect(await snapshotGraph(seeds.service().database)).toEqual(before);
  });

  it('leaves the graph as it was when the database refuses a write half way', async () => {
    // report.yaml alone, into an empty graph, cannot link to gazetteer.yaml's port-alpha: its
    // sources and entities are written before that relationship fails.
    const before = await snapshotGraph(seeds.service().database);
    await expect(
      loadSeeds(seeds.service().database, { dir: seeds.dir(), only: ['report'] }),
    ).rejects.toThrow(/report: \d+ of \d+ rows refer to nodes that are not in the graph/);
    expect(await snapshotGraph(seeds.service().database)).toEqual(before);
  });

  it('names an unknown seed file', async () => {
    await expect(
      loadSeeds(seeds.service().database, { dir: seeds.dir(), only: ['nope.yaml'] }),
    ).rejects.toThrow('no seed file named nope (have: gazetteer, report)');
  });
});

describe('seed validation errors name file, line, column and path', () => {
  async function problemsAfter(
    change: (text: string) => string,
  ): Promise<{ text: string; messages: string[] }> {
    const text = await edit('report.yaml', change);
    try {
      await loadSeeds(seeds.service().database, { dir: seeds.dir() });
    } catch (error) {
      expect(error).toBeInstanceOf(SeedError);
      return {
        text,
        messages: (error as SeedError).message
          .split('\n')
          .slice(1)
          .map((line) => line.trim()),
      };
    }
    throw new Error('expected the load to fail');
  }
  /** The line number of the last line that holds `fragment`. */
  const lineOf = (text: string, fragment: string) =>
    text.split('\n').findLastIndex((line) => line.includes(fragment)) + 1;
  const file = () => join(seeds.dir(), 'report.yaml');

  it.each([
    [
      'an unknown reference',
      (t: string) => t.replace('to: port-alpha', 'to: port-beta'),
      'to: port-beta',
      9,
      'relationships[1].to: unknown entity "port-beta" (no seed file defines it)',
    ],
    [
      'a duplicate id',
      (t: string) => t.replace('id: admiral-vega', 'id: river-guard'),
      'id: river-guard',
      9,
      'entities[1].id: duplicate entity id "river-guard" (first defined at',
    ],
    [
      'a bad date',
      (t: string) => t.replace('validFrom: 2023-05', 'validFrom: 2023-13'),
      'validFrom: 2023-13',
      16,
      'relationships[0].validFrom.value: is not a date of the calendar',
    ],
    [
      'an unknown kind',
      (t: string) => t.replace('kind: Person', 'kind: Persn'),
      'kind: Persn',
      11,
      'entities[1].kind: must be one of Person, Organization, Country, ArmedGroup, Place, Event',
    ],
    [
      'a quote not in the source text',
      (t: string) => t.replace('quote: six boats sank', 'quote: seven boats sank'),
      'quote: seven boats sank',
      12,
      'claims[1].quote: quote not found in report.txt: "seven boats sank"',
    ],
  ])('reports %s', async (_name, change, fragment, column, message) => {
    const { text, messages } = await problemsAfter(change);
    expect(messages).toContainEqual(
      expect.stringContaining(`${file()}:${lineOf(text, fragment)}:${column}: ${message}`),
    );
  });

  it('reports a latitude out of range in the other file', async () => {
    const path = join(seeds.dir(), 'gazetteer.yaml');
    const text = (await readFile(path, 'utf8')).replace('latitude: 12.5', 'latitude: 123.5');
    await writeFile(path, text);
    await expect(loadSeeds(seeds.service().database, { dir: seeds.dir() })).rejects.toThrow(
      `${path}:${lineOf(text, 'latitude: 123.5')}:27: entities[0].location.latitude: latitude must be between -90 and 90`,
    );
  });

  it('reports a YAML syntax error at its line', async () => {
    const { text, messages } = await problemsAfter((t) =>
      t.replace('  - id: river-guard-statement', '  - id: [river-guard-statement'),
    );
    expect(messages[0]).toMatch(
      new RegExp(`^${file()}:${lineOf(text, '[river-guard-statement') + 1}:\\d+: `),
    );
  });
});

describe('fuzzed seed files', () => {
  it('are refused with located problems, or load, but never crash the loader or change the graph half way', async () => {
    const original = await readFile(join(FIXTURES, 'report.yaml'), 'utf8');
    const next = random(4242);
    const mutations = [
      (text: string, at: number) =>
        text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 20)),
      (text: string, at: number) => text.slice(0, at) + pickOdd(next) + text.slice(at),
      (text: string, at: number) => text.slice(0, at) + '\n' + text.slice(at),
      (text: string, at: number) =>
        text.slice(0, at) + ' '.repeat(1 + Math.floor(next() * 4)) + text.slice(at),
    ];
    for (let round = 0; round < 40; round += 1) {
      const at = Math.floor(next() * original.length);
      const mutate = mutations[Math.floor(next() * mutations.length)]!;
      await writeFile(join(seeds.dir(), 'report.yaml'), mutate(original, at));
      const before = await snapshotGraph(seeds.service().database);
      try {
        await loadSeeds(seeds.service().database, { dir: seeds.dir() });
      } catch (error) {
        if (!(error instanceof SeedError))
          throw new Error(`round ${round}: ${(error as Error).message}`);
        for (const problem of error.problems) {
          expect(problem.line, `round ${round}`).toBeGreaterThan(0);
          expect(problem.file).toContain('.yaml');
        }
        expect(await snapshotGraph(seeds.service().database)).toEqual(before);
      }
    }
  });
});

function pickOdd(next: () => number): string {
  const odd = [
    '{',
    '[',
    ']',
    ':',
    '- ',
    '"',
    "'",
    '&anchor ',
    '*alias',
    '!!binary ',
    '\u0000',
    '🇳🇪',
    '\t',
    '#',
    '%',
    '@',
  ];
  return odd[Math.floor(next() * odd.length)]!;
}
