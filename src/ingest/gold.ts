/**
 * The gold lists for the fixture articles (test/fixtures/ingest/gold.yaml): for each article,
 * its publication date, the words that must link to each known entity, and the words of each
 * attributed statement that should become a claim. A file that is not of that shape is
 * refused, saying where.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';

const goldSchema = z.record(
  z.string().regex(/^[a-z0-9-]+$/, { error: 'must be an article file name without .txt' }),
  z.strictObject({
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be YYYY-MM-DD' }),
    links: z.record(z.string().min(1), z.string().min(1)),
    statements: z.array(z.string().min(3)),
  }),
);

export type GoldArticles = z.output<typeof goldSchema>;

export async function readGold(path: string): Promise<GoldArticles> {
  const parsed = goldSchema.safeParse(parse(await readFile(path, 'utf8')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.') || '(top)'}: ${issue.message}`,
    );
    throw new Error(`${path} is not a gold list:\n${problems.join('\n')}`);
  }
  return parsed.data;
}
