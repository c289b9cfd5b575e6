/** The ingest on short articles written for it: English and French, one restating known facts. */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildDraft } from '../src/ingest/draft.js';
import { evaluateLinks } from '../src/ingest/evaluate.js';
import { ingestArticle, type Reading } from '../src/ingest/ingest.js';
import { readKnowledge, readKnowledgeFolder } from '../src/ingest/knowledge.js';
import { reviewSummary } from '../src/ingest/review.js';
import { seedCheck } from '../src/seeds/check-command.js';
import { SEED_DIR } from '../src/seeds/load.js';
import { runCommand, runScript, scriptFailure } from './support/scripts.js';

const FIXTURES = fileURLToPath(new URL('./fixtures/ingest/', import.meta.url));

async function ingestFixture(name: string, date: string): Promise<Reading> {
  const text = await readFile(join(FIXTURES, `${name}.txt`), 'utf8');
  return ingestArticle({ text, date, name }, await readKnowledgeFolder(SEED_DIR));
}

function linkOf(reading: Reading, words: string) {
  const entity = reading.entities.find((item) =>
    item.mentions.some((mention) => mention.text === words),
  );
  return {
    id: entity?.id,
    known: entity?.known !== undefined,
    score: entity?.mentions.find((m) => m.text === words)?.score,
  };
}

function claimOf(reading: Reading, quote: string) {
  return reading.claims.find(({ claim }) => claim.quote === quote)?.claim;
}

describe('a French report of the Kandadji attack a week later', () => {
  it('links its mentions to the known entities, French forms included', async () => {
    const reading = await ingestFixture('kandadji-fr-2023-10-05', '2023-10-05');
    expect(reading.article.language).toBe('fr');
    expect(linkOf(reading, 'Le général Tchiani')).toMatchObject({
      id: 'abdourahamane-tchiani',
      known: true,
    });
    expect(linkOf(reading, 'la junte')).toMatchObject({ id: 'cnsp', known: true });
    expect(linkOf(reading, 'le ministère de la Défense').id).toBe('niger-ministry-of-defence');
    expect(linkOf(reading, 'Tillabéri').id).toBe('tillaberi-region');
    expect(linkOf(reading, 'Kandadji')).toMatchObject({ id: 'kandadji', score: 1 });
  });

  it('links the attack to the existing event instead of proposing a second one', async () => {
    const reading = await ingestFixture('kandadji-fr-2023-10-05', '2023-10-05');
    const attacks = reading.events.filter(({ candidate }) => candidate.subkind === 'Attack');
    expect(attacks.map(({ entity }) => entity.id)).toEqual(['kandadji-attack-2023-09-28']);
    expect(attacks[0]!.candidate.link?.why).toMatch(
      /same type \(Attack\), date \(2023-09-28\) and place \(Kandadji\)/,
    );
  });

  it('resolves French dates against the publication date', async () => {
    const reading = await ingestFixture('kandadji-fr-2023-10-05', '2023-10-05');
    const dates = Object.fromEntries(
      reading.dates.map((date) => [date.phrase, [date.value, date.precision]]),
    );
    expect(dates['jeudi 28 septembre']).toEqual(['2023-09-28', 'day']);
    expect(dates['Dimanche soir']).toEqual(['2023-10-01', 'day']);
  });

  it('drafts claims with French qualifiers and claimants as cited sources', async () => {
    const reading = await ingestFixture('kandadji-fr-2023-10-05', '2023-10-05');
    const dead = claimOf(reading, 'au moins 17 morts');
    expect(dead).toMatchObject({
      value: 17,
      qualifier: 'at_least',
      property: 'people_killed',
      about: ['kandadji-attack-2023-09-28'],
    });
    const ministry = reading.sources.cited.find((source) => source.id === dead?.claimedBy);
    expect(ministry).toMatchObject({ kind: 'statement', issuedBy: 'niger-ministry-of-defence' });
    expect(claimOf(reading, "Plusieurs dizaines d'assaillants ont été neutralisés")).toMatchObject({
      value: 20,
      qualifier: 'at_least',
      property: 'attackers_killed',
      claimedBy: dead?.claimedBy,
    });
    const wounded = claimOf(reading, 'Une trentaine de militaires ont été blessés');
    expect(wounded).toMatchObject({ value: 30, qualifier: 'about', property: 'soldiers_wounded' });
    expect(reading.sources.cited.find((source) => source.id === wounded?.claimedBy)?.kind).toBe(
      'anonymous-source',
    );
  });
});

describe('a report restating a known claim', () => {
  const text = [
    "Niger : retour sur l'attaque de Kandadji",
    '',
    "L'attaque du jeudi 28 septembre à Kandadji a visé une unité de l'armée. Au moins 12 soldats ont été tués, selon le ministère de la Défense. Une vingtaine de soldats ont été blessés, selon le ministère de la Défense.",
  ].join('\n');

  it("takes the known claim's id and claimant, keeping its own quote and report", async () => {
    const knowledge = await readKnowledgeFolder(SEED_DIR);
    const reading = ingestArticle({ text, date: '2023-10-05', name: 'restated' }, knowledge);
    const restated = reading.claims.find(({ claim }) => claim.property === 'soldiers_killed');
    const known = knowledge.claims.find(
      (claim) => claim.id === 'kandadji-attack-soldiers-killed-ministry',
    )!;
    expect(restated).toMatchObject({
      restates: known.id,
      claim: {
        ...known,
        reportedIn: ['article-restated'],
        quote: 'Au moins 12 soldats ont été tués',
      },
    });
    // Another figure of the same claimant is new: a claim of its own, by a cited source.
    const wounded = reading.claims.find(({ claim }) => claim.property === 'soldiers_wounded')!;
    expect(wounded.restates).toBeUndefined();
    expect(knowledge.claims.map((claim) => claim.id)).not.toContain(wounded.claim.id);
    expect(reading.sources.cited.map((source) => source.id)).toEqual([wounded.claim.claimedBy]);
    const draft = buildDraft(reading, 'restated.txt');
    expect(draft.draft.claims.find((claim) => claim.id === known.id)?.restates).toMatch(
      /known claim kandadji-attack-soldiers-killed-ministry/,
    );
    expect(reviewSummary(reading, 'restated.yaml')).toMatch(
      /"Au moins 12 soldats ont été tués" +RESTATES known claim kandadji-attack-soldiers-killed-ministry/,
    );
  });

  it('does not restate a known claim of another claimant', async () => {
    const reading = ingestArticle(
      {
        text: text.replaceAll('selon le ministère de la Défense', 'selon un élu local'),
        date: '2023-10-05',
        name: 'other',
      },
      await readKnowledgeFolder(SEED_DIR),
    );
    expect(reading.claims.some((claim) => claim.restates)).toBe(false);
  });
});

describe('attributed statements without a figure', () => {
  it('become claims with their claimant and words, in French and in English; narration does not', async () => {
    const french = await ingestFixture('junte-fr-2023-08-04', '2023-08-04');
    const statements = (reading: Reading) =>
      reading.claims
        .filter(({ claim }) => claim.qualifier === 'statement')
        .map(({ claim }) => ({
          ...claim,
          claimant: reading.sources.cited.find((source) => source.id === claim.claimedBy),
        }));
    expect(statements(french)).toEqual([
      expect.objectContaining({
        about: ['france'],
        property: 'statement',
        valueText: 'les accords de coopération militaire avec la France étaient dénoncés',
        quote: 'les accords de coopération militaire avec la France étaient dénoncés',
        claimant: expect.objectContaining({ kind: 'statement', issuedBy: 'cnsp' }),
      }),
      expect.objectContaining({
        about: ['niger-armed-forces'],
        quote: "l'armée contrôle l'ensemble du territoire",
        claimant: expect.objectContaining({ issuedBy: 'niger-ministry-of-defence' }),
      }),
    ]);
    const english = await ingestFixture('junta-en-2023-08-04', '2023-08-04');
    expect(statements(english).map((claim) => [claim.quote, claim.claimant?.kind])).toEqual([
      ['France must withdraw its troops from Niger', 'statement'],
      ['the army controls the whole territory', 'statement'],
      ['the insurgents are gaining ground near the tri-border area', 'analysts'],
    ]);
    // "General Tiani met traditional chiefs", "Le général Tchiani a reçu des chefs": no claimant.
    for (const reading of [french, english])
      expect(reading.claims.map(({ claim }) => claim.quote).join()).not.toMatch(/chefs|chiefs/);
  });

  it('take ids that no seed file uses, or restate the known claim when they say the same', async () => {
    const knowledge = await readKnowledgeFolder(SEED_DIR);
    const text = await readFile(join(FIXTURES, 'junta-en-2023-08-04.txt'), 'utf8');
    const first = ingestArticle({ text, date: '2023-08-04', name: 'first' }, knowledge);
    const seed = buildDraft(first, 'first.txt');
    const both = {
      ...knowledge,
      sources: [...knowledge.sources, ...seed.sources],
      claims: [...knowledge.claims, ...seed.claims],
    };
    const second = ingestArticle({ text, date: '2023-08-04', name: 'second' }, both);
    const taken = new Set([...seed.sources, ...seed.claims].map((item) => item.id));
    // The same words by the same issuers restate the first article's claims, under their ids;
    // unnamed analysts in two articles are not known to be the same claimant.
    const [junta, ministry] = seed.claims.map((claim) => claim.id);
    expect(second.claims.map((claim) => claim.restates)).toEqual([junta, ministry, undefined]);
    expect(taken.has(second.claims[2]!.claim.id)).toBe(false);
    const fresh = ingestArticle(
      {
        text: text.replace('controls the whole', 'holds the whole'),
        date: '2023-08-04',
        name: 'third',
      },
      both,
    );
    const army = fresh.claims.find(({ claim }) => claim.quote.startsWith('the army holds'))!;
    expect(army.restates).toBeUndefined();
    expect(taken.has(army.claim.id)).toBe(false);
    expect(taken.has(army.claim.claimedBy)).toBe(false);
  });
});

describe('the points of the places an article names', () => {
  it("takes a known village's point from the seed files, and flags it when only GeoNames is there", async () => {
    const text = await readFile(join(FIXTURES, 'kandadji-suite-fr-2023-10-06.txt'), 'utf8');
    const input = { text, date: '2023-10-06', name: 'kandadji-suite' };
    const known = buildDraft(ingestArticle(input, await readKnowledgeFolder(SEED_DIR)), 'k.txt');
    expect(known.draft.places.find((place) => place.entity === 'kandadji')).toMatchObject({
      known: true,
      pointFrom: 'known entity',
      found: 'known entity: kandadji, unverified; 14.6, 1 (within 10 km)',
    });
    // Knowing only the background, Kandadji is new, and GeoNames (1,000 people or more) lacks it.
    const background = await readKnowledge([join(SEED_DIR, 'background.yaml')]);
    const reading = ingestArticle(input, background);
    const village = reading.entities.find((entity) => entity.name === 'Kandadji')!;
    expect(village.known).toBeUndefined();
    expect(village.doubts.join()).toMatch(/not in the gazetteer/);
    expect(buildDraft(reading, 'k.txt').draft.places).toContainEqual(
      expect.objectContaining({ entity: village.id, known: false, pointFrom: 'none' }),
    );
  });
});

describe('an English report of a new ambush', () => {
  it('proposes a new event with its date, place and claims', async () => {
    const reading = await ingestFixture('ambush-en-2024-03-22', '2024-03-22');
    const ambush = reading.events.find(({ candidate }) => candidate.subkind === 'Attack')!;
    expect(ambush.candidate.link).toBeUndefined();
    expect(ambush.candidate.date).toMatchObject({ value: '2024-03-20', precision: 'day' });
    expect(ambush.candidate.places.map((place) => place.id)).toContain('ouallam');
    expect(linkOf(reading, 'General Tiani').id).toBe('abdourahamane-tchiani');
    expect(claimOf(reading, 'At least 23 soldiers were killed')).toMatchObject({
      value: 23,
      qualifier: 'at_least',
    });
    expect(claimOf(reading, 'Around 20 soldiers were wounded')).toMatchObject({
      value: 20,
      qualifier: 'about',
    });
    const told = reading.sources.cited.find(
      (source) => source.id === claimOf(reading, 'Around 20 soldiers were wounded')?.claimedBy,
    );
    expect(told).toMatchObject({ kind: 'anonymous-source', spokeTo: 'reuters' });
    expect(claimOf(reading, 'about 100 kilometres north of the capital Niamey')).toMatchObject({
      value: 100,
      unit: 'km',
      qualifier: 'about',
    });
    expect(reading.dates.find((date) => date.phrase === 'mid-March')).toMatchObject({
      value: '2024-03',
      precision: 'month',
    });
  });
});

describe('a French report with new places', () => {
  it('geocodes a new town from the offline gazetteer', async () => {
    const reading = await ingestFixture('manifestation-fr-2024-01-15', '2024-01-15');
    const agadez = reading.entities.find((entity) => entity.id === 'agadez')!;
    expect(agadez.known).toBeUndefined();
    expect(agadez.geocode?.place).toMatchObject({ countryCode: 'NE', country: 'Niger' });
    expect(agadez.geocode?.place.latitude).toBeCloseTo(16.97, 1);
    expect(claimOf(reading, 'Plusieurs centaines de manifestants')).toMatchObject({
      value: 200,
      qualifier: 'several_hundred',
    });
    expect(claimOf(reading, 'une cinquantaine de personnes')).toMatchObject({
      value: 50,
      qualifier: 'about',
    });
    expect(reading.dates.find((date) => date.phrase === 'Fin décembre')).toMatchObject({
      value: '2023-12',
      precision: 'month',
    });
  });
});

describe('a French dispatch with decimals, bare months and a claimant after its verb', () => {
  it('reads "2,5 millions", "en janvier", "ont indiqué des sources locales à l\'AFP"', async () => {
    const reading = await ingestFixture('bamako-fr-2024-06-04', '2024-06-04');
    expect(claimOf(reading, 'plus de 2,5 millions de personnes')).toMatchObject({
      value: 2_500_000,
      qualifier: 'at_least',
    });
    expect(reading.dates.find((date) => date.phrase === 'en janvier')).toMatchObject({
      value: '2024-01',
      precision: 'month',
    });
    const killed = claimOf(reading, '9 civils');
    expect(killed).toMatchObject({ value: 9, property: 'civilians_killed' });
    const sources = reading.sources.cited.find((source) => source.id === killed?.claimedBy);
    expect(sources).toMatchObject({ kind: 'anonymous-source', spokeTo: 'afp' });
    expect(linkOf(reading, 'le colonel Assimi Goïta').id).toBe('assimi-goita');
    expect(reading.entities.map((entity) => entity.name)).not.toContain('Nous');
  });
});

describe("the eval's links against a gold list", () => {
  it('counts a link to another entity as wrong and a listed one not made as missed', async () => {
    const reading = await ingestFixture('kandadji-suite-fr-2023-10-06', '2023-10-06');
    const right = evaluateLinks(reading, {
      Kandadji: 'kandadji',
      attaque: 'kandadji-attack-2023-09-28',
    });
    expect(right.linksFound).toEqual({ right: 2, of: 2 });
    const wrong = evaluateLinks(reading, { Kandadji: 'niamey', AFP: 'reuters' });
    expect(wrong.linksCorrect.right).toBe(0);
    expect(wrong.linksFound).toEqual({ right: 0, of: 2 });
    expect(wrong.misses).toContain('link wrong: "Kandadji" -> kandadji');
    expect(wrong.misses).toContain('link missed: "AFP" -> reuters');
  });
});

describe('npm run ingest, then ingest:accept', () => {
  it('writes a draft that seed:check refuses until accepted, then accepts it into the seed folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sahel-graph-ingest-'));
    try {
      const seeds = join(dir, 'seeds');
      await cp(SEED_DIR, seeds, { recursive: true });
      const drafts = join(dir, 'drafts');
      const article = join(FIXTURES, 'kandadji-fr-2023-10-05.txt');
      const ingest = await runScript(
        'ingest.ts',
        article,
        '--date',
        '2023-10-05',
        '--seeds',
        seeds,
        '--drafts',
        drafts,
      );
      expect(ingest.stdout).toMatch(/kandadji-attack-2023-09-28 +LINKED/);
      const draftPath = join(drafts, 'kandadji-fr-2023-10-05.yaml');
      const draft = parse(await readFile(draftPath, 'utf8'));
      expect(draft.draft.status).toMatch(/^DRAFT/);
      const text = await readFile(join(drafts, 'kandadji-fr-2023-10-05.txt'), 'utf8');
      for (const claim of draft.claims) expect(text).toContain(claim.quote);

      const refused = await runCommand(seedCheck, draftPath, '--dir', seeds);
      expect(refused).toMatchObject({ code: 1 });
      await runScript('ingest-accept.ts', draftPath, '--seeds', seeds);
      expect((await readdir(seeds)).sort()).toContain('kandadji-fr-2023-10-05.yaml');
      const check = await runCommand(seedCheck, '--dir', seeds);
      expect(check).toMatchObject({
        code: 0,
        stdout: expect.stringMatching(/3 seed files are valid/),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a date that is not one and an article without words, saying which', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sahel-graph-ingest-bad-'));
    try {
      const article = join(FIXTURES, 'ambush-en-2024-03-22.txt');
      const empty = join(dir, 'empty.txt');
      await writeFile(empty, '  \n');
      // Independent of each other: run at once.
      const [badDate, noWords] = await Promise.all([
        scriptFailure('ingest.ts', article, '--date', '2024-02-30'),
        scriptFailure('ingest.ts', empty, '--date', '2024-02-03', '--drafts', join(dir, 'drafts')),
      ]);
      expect(badDate.code).toBe(2);
      expect(badDate.stderr).toMatch(/--date .* \(got 2024-02-30\)/);
      expect(noWords.code).toBe(1);
      expect(noWords.stderr).toMatch(/empty: the article has no words/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('ingest:eval prints the table and one JSON object as its last line', async () => {
    const { stdout } = await runScript('ingest-eval.ts', '--json');
    const figures = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(Object.keys(figures).slice(0, 6)).toEqual([
      'entitiesFound',
      'linksCorrect',
      'claimsRight',
      'datesRight',
      'quotesVerbatim',
      'secondsPerArticle',
    ]);
    // linksCorrect counts the fixture articles' links too (gold lists: fixtures/ingest/gold.yaml).
    expect(figures.linksCounted).toBeGreaterThan(20);
    expect(figures.linksCorrect).toBeGreaterThanOrEqual(0.95);
    expect(figures.fixtureLinksFound).toBeGreaterThanOrEqual(0.95);
    expect(stdout).toMatch(/kandadji-suite-fr-2023-10-06: links correct +100\.0%/);
    expect(figures.quotesVerbatim).toBe(1);
    expect(figures.datesRight).toBe(1);
    expect(figures.claimsRight).toBeGreaterThanOrEqual(0.8);
  });
});
