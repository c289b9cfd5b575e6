/**
 * `npm run ingest:eval [-- --json]`: ingests seeds/niger-2023-09-29.txt as if it were new, with
 * only seeds/background.yaml known, and compares the draft with the curated
 * seeds/niger-2023-09-29.yaml. Prints a table; with --json the last line is one JSON object.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { evaluate, fraction, type Measure } from '../ingest/evaluate.js';
import { ingestArticle } from '../ingest/ingest.js';
import { readKnowledge } from '../ingest/knowledge.js';
import { SEED_DIR } from '../seeds/load.js';
import { readSeedFile } from '../seeds/read.js';
import { SeedError } from '../seeds/seed-error.js';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false } } });
const ARTICLE = 'niger-2023-09-29';
const PUBLISHED = '2023-09-29';

try {
  const knowledge = await readKnowledge([join(SEED_DIR, 'background.yaml')]);
  const curatedFile = await readSeedFile(join(SEED_DIR, `${ARTICLE}.yaml`));
  if (!curatedFile.seed) throw new SeedError(curatedFile.problems);
  const text = await readFile(join(SEED_DIR, `${ARTICLE}.txt`), 'utf8');
  const started = performance.now();
  const reading = ingestArticle({ text, date: PUBLISHED, name: ARTICLE }, knowledge);
  const seconds = (performance.now() - started) / 1000;
  const result = evaluate(reading, curatedFile.seed, knowledge);

  const rows: [string, Measure, string][] = [
    ['curated entities found (linked or proposed)', result.entitiesFound, '>= 90%'],
    ['links to known entities that are correct', result.linksCorrect, '>= 95%'],
    [
      'curated claims with a figure: value, qualifier, claimant right',
      result.claimsRight,
      '>= 80%',
    ],
    ['curated dates right', result.datesRight, '100%'],
    ['draft quotes verbatim', result.quotesVerbatim, '100%'],
  ];
  console.log(
    `ingest:eval — ${ARTICLE}.txt against ${ARTICLE}.yaml, knowing background.yaml only\n`,
  );
  console.log(`${'measure'.padEnd(64)} ${'result'.padStart(8)} ${'count'.padStart(8)}  target`);
  for (const [label, measure, target] of rows) {
    const percent = `${(fraction(measure) * 100).toFixed(1)}%`;
    console.log(
      `${label.padEnd(64)} ${percent.padStart(8)} ${`${measure.right}/${measure.of}`.padStart(8)}  ${target}`,
    );
  }
  console.log(
    `${'seconds per article'.padEnd(64)} ${seconds.toFixed(2).padStart(8)} ${''.padStart(8)}  < 5 s`,
  );
  if (result.misses.length > 0) console.log(`\nMissed or wrong:\n  ${result.misses.join('\n  ')}`);
  if (values.json) {
    const round = (value: number) => Math.round(value * 1000) / 1000;
    console.log(
      JSON.stringify({
        entitiesFound: round(fraction(result.entitiesFound)),
        linksCorrect: round(fraction(result.linksCorrect)),
        claimsRight: round(fraction(result.claimsRight)),
        datesRight: round(fraction(result.datesRight)),
        quotesVerbatim: round(fraction(result.quotesVerbatim)),
        secondsPerArticle: round(seconds),
      }),
    );
  }
} catch (error) {
  process.exitCode = 1;
  console.error(
    error instanceof SeedError ? error.message : `ingest:eval: ${(error as Error).message}`,
  );
}
