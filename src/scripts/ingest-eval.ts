/**
 * `npm run ingest:eval [-- --json]`: ingests seeds/niger-2023-09-29.txt as if it were new, with
 * only seeds/background.yaml known, and compares the draft with the curated
 * seeds/niger-2023-09-29.yaml. Then, since that article shares few names with the background,
 * it ingests each fixture article of test/fixtures/ingest/ against all of seeds/ and checks its
 * links and its statements with the gold lists there (gold.yaml). Prints a table; with --json the last line is one
 * JSON object whose `linksCorrect` counts the links of all those articles.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  evaluate,
  evaluateLinks,
  evaluateStatements,
  fraction,
  sum,
  type Measure,
} from '../ingest/evaluate.js';
import { readGold } from '../ingest/gold.js';
import { ingestArticle } from '../ingest/ingest.js';
import { readKnowledge, readKnowledgeFolder } from '../ingest/knowledge.js';
import { SEED_DIR } from '../seeds/load.js';
import { readSeedFile } from '../seeds/read.js';
import { SeedError } from '../seeds/seed-error.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const ARTICLE = 'niger-2023-09-29';
const PUBLISHED = '2023-09-29';
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));

try {
  const knowledge = await readKnowledge([join(SEED_DIR, 'background.yaml')]);
  const curatedFile = await readSeedFile(join(SEED_DIR, `${ARTICLE}.yaml`));
  if (!curatedFile.seed) throw new SeedError(curatedFile.problems);
  const text = await readFile(join(SEED_DIR, `${ARTICLE}.txt`), 'utf8');
  const started = performance.now();
  const reading = ingestArticle({ text, date: PUBLISHED, name: ARTICLE }, knowledge);
  const seconds = (performance.now() - started) / 1000;
  const result = evaluate(reading, curatedFile.seed, knowledge);

  const allSeeds = await readKnowledgeFolder(SEED_DIR);
  const fixtures = [];
  for (const [name, gold] of Object.entries(await readGold(join(FIXTURES, 'gold.yaml')))) {
    const article = await readFile(join(FIXTURES, `${name}.txt`), 'utf8');
    const fixture = ingestArticle({ text: article, date: gold.published, name }, allSeeds);
    const links = evaluateLinks(fixture, gold.links);
    const statements = evaluateStatements(fixture, gold.statements);
    fixtures.push({
      name,
      ...links,
      ...statements,
      misses: [...links.misses, ...statements.misses],
    });
  }
  const fixtureLinksCorrect = sum(fixtures.map((fixture) => fixture.linksCorrect));
  const fixtureLinksFound = sum(fixtures.map((fixture) => fixture.linksFound));
  const linksCorrect = sum([result.linksCorrect, fixtureLinksCorrect]);
  const statementsFound = sum([
    result.statementsRight,
    ...fixtures.map((fixture) => fixture.statementsFound),
  ]);
  const statementsPrecise = sum([
    result.statementsPrecise,
    ...fixtures.map((fixture) => fixture.statementsPrecise),
  ]);

  const rows: [string, Measure, string][] = [
    ['curated entities found (linked or proposed)', result.entitiesFound, '>= 90%'],
    [`links to known entities that are correct (${ARTICLE})`, result.linksCorrect, '>= 95%'],
    [
      'curated claims with a figure: value, qualifier, claimant right',
      result.claimsRight,
      '>= 80%',
    ],
    ['curated dates right', result.datesRight, '100%'],
    ['draft quotes verbatim', result.quotesVerbatim, '100%'],
    ['curated attributed statements drafted (no figure)', result.statementsRight, ''],
    ['drafted statements that the curated file has', result.statementsPrecise, ''],
    ...fixtures.flatMap((fixture): [string, Measure, string][] => [
      [`  ${fixture.name}: links correct`, fixture.linksCorrect, ''],
      [`  ${fixture.name}: gold links found`, fixture.linksFound, ''],
      [`  ${fixture.name}: gold statements found`, fixture.statementsFound, ''],
      [`  ${fixture.name}: drafted statements in the gold`, fixture.statementsPrecise, ''],
    ]),
    ['fixture articles: links correct (against all seeds)', fixtureLinksCorrect, '>= 95%'],
    ['fixture articles: gold links found', fixtureLinksFound, ''],
    ['links correct, all articles (linksCorrect)', linksCorrect, '>= 95%'],
    ['statements found, all articles (statementsFound)', statementsFound, ''],
    ['drafted statements right, all articles (statementsPrecise)', statementsPrecise, ''],
  ];
  console.log(
    `ingest:eval — ${ARTICLE}.txt against ${ARTICLE}.yaml, knowing background.yaml only;\n` +
      `fixture articles of test/fixtures/ingest/ against gold.yaml, knowing all of seeds/\n`,
  );
  console.log(`${'measure'.padEnd(64)} ${'result'.padStart(8)} ${'count'.padStart(8)}  target`);
  for (const [label, measure, target] of rows) {
    const percent = `${(fraction(measure) * 100).toFixed(1)}%`;
    console.log(
      `${label.padEnd(64)} ${percent.padStart(8)} ${`${measure.right}/${measure.of}`.padStart(8)}  ${target}`,
    );
  }
  console.log(
    `${`seconds per article (${ARTICLE})`.padEnd(64)} ${seconds.toFixed(2).padStart(8)} ${''.padStart(8)}  < 5 s`,
  );
  const misses = [
    ...result.misses,
    ...fixtures.flatMap((fixture) => fixture.misses.map((miss) => `${fixture.name}: ${miss}`)),
  ];
  if (misses.length > 0) console.log(`\nMissed or wrong:\n  ${misses.join('\n  ')}`);
  if (values.json) {
    const round = (value: number) => Math.round(value * 1000) / 1000;
    console.log(
      JSON.stringify({
        entitiesFound: round(fraction(result.entitiesFound)),
        linksCorrect: round(fraction(linksCorrect)),
        claimsRight: round(fraction(result.claimsRight)),
        datesRight: round(fraction(result.datesRight)),
        quotesVerbatim: round(fraction(result.quotesVerbatim)),
        secondsPerArticle: round(seconds),
        linksCorrectCurated: round(fraction(result.linksCorrect)),
        linksCounted: linksCorrect.of,
        fixtureLinksFound: round(fraction(fixtureLinksFound)),
        statementsFound: round(fraction(statementsFound)),
        statementsPrecise: round(fraction(statementsPrecise)),
      }),
    );
  }
} catch (error) {
  process.exitCode = 1;
  console.error(
    error instanceof SeedError ? error.message : `ingest:eval: ${(error as Error).message}`,
  );
}
