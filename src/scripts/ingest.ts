/**
 * `npm run ingest -- <article.txt> --date YYYY-MM-DD [--title … --publisher … --url …
 * --lang en|fr] [--seeds dir] [--drafts dir]`: writes a draft seed file beside a copy of the
 * article in drafts/ (which `npm run seed` does not read) and prints a review summary. The known
 * entities come from the seed files, so no database is needed.
 */
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDraft, draftYaml } from '../ingest/draft.js';
import { ingestArticle } from '../ingest/ingest.js';
import { readKnowledgeFolder } from '../ingest/knowledge.js';
import { reviewSummary } from '../ingest/review.js';
import { partialDate } from '../seeds/format.js';
import { SEED_DIR } from '../seeds/load.js';
import { SeedError } from '../seeds/seed-error.js';

class UsageError extends Error {}

const USAGE =
  'usage: npm run ingest -- <article.txt> --date YYYY-MM-DD [--title … --publisher … --url … --lang en|fr] [--seeds dir] [--drafts dir]';

try {
  const { values, positionals } = parseArgs({
    options: {
      date: { type: 'string' },
      title: { type: 'string' },
      publisher: { type: 'string' },
      url: { type: 'string' },
      lang: { type: 'string' },
      seeds: { type: 'string' },
      drafts: { type: 'string', default: 'drafts' },
    },
    allowPositionals: true,
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('name one article file');
  if (
    !values.date ||
    !partialDate.safeParse(values.date).success ||
    !/^\d{4}-\d{2}-\d{2}$/.test(values.date)
  ) {
    throw new UsageError(
      `--date must be the publication date as YYYY-MM-DD (got ${values.date ?? 'nothing'})`,
    );
  }
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'fr') {
    throw new UsageError(`--lang must be en or fr (got ${values.lang})`);
  }
  const text = await readFile(file, 'utf8').catch((error: Error) => {
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  });
  const name = basename(file, extname(file));
  const started = performance.now();
  const knowledge = await readKnowledgeFolder(resolve(values.seeds ?? SEED_DIR));
  const reading = ingestArticle(
    {
      text,
      date: values.date,
      name,
      language: values.lang as 'en' | 'fr' | undefined,
      title: values.title,
      publisher: values.publisher,
      url: values.url,
    },
    knowledge,
  );
  const drafts = resolve(values.drafts);
  await mkdir(drafts, { recursive: true });
  const documentFile = `${name}.txt`;
  await copyFile(file, join(drafts, documentFile));
  const draftPath = join(drafts, `${name}.yaml`);
  await writeFile(draftPath, draftYaml(buildDraft(reading, documentFile)));
  console.log(reviewSummary(reading, draftPath));
  console.log(`\nIngested in ${((performance.now() - started) / 1000).toFixed(2)} s`);
} catch (error) {
  process.exitCode = error instanceof UsageError ? 2 : 1;
  const message =
    error instanceof SeedError ? error.message : `ingest: ${(error as Error).message}`;
  console.error(error instanceof UsageError ? `${message}\n${USAGE}` : message);
}
