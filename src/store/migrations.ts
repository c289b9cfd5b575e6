/**
 * Brings a store written by an earlier version to today's shape, in place; each step does
 * nothing on a store already in that shape, so this runs before every load (`npm run seed`, and
 * the start's seeding of an empty or older store). (A store whose facts are one relationship per
 * seed file is rebuilt from the seed files instead: see app.ts.)
 */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { decodeRecords, decodeSingle } from './statement.js';

/**
 * Indexes that no query reads any more: entities name their files in a list (`seedFiles`), and a
 * claim's publications and files are its REPORTED_IN links.
 */
export const RETIRED_INDEXES = ['entity_seed_file', 'claim_reported_in', 'claim_seed_file'];

export interface MigrationSummary {
  droppedIndexes: string[];
  /** Claims of the earlier shape (one file's, its report on the node) given REPORTED_IN reports. */
  claimsMigrated: number;
}

export async function migrateStore(database: GraphDatabase): Promise<MigrationSummary> {
  const present = decodeRecords(
    z.object({ name: z.string() }),
    (
      await database.query('SHOW INDEXES YIELD name WHERE name IN $names RETURN name', {
        names: RETIRED_INDEXES,
      })
    ).records,
  );
  const droppedIndexes = present.map((index) => index.name).sort();
  // Schema changes cannot share a transaction; IF EXISTS keeps a concurrent start harmless.
  for (const name of droppedIndexes) {
    await database.write((tx) => tx.run('DROP INDEX $name IF EXISTS', { name }));
  }
  const claimsMigrated = await database.write(
    async (tx) => decodeSingle(migratedCount, (await tx.run(MOVE_CLAIM_REPORTS)).records).migrated,
  );
  return { droppedIndexes, claimsMigrated };
}

const migratedCount = z.object({ migrated: z.number() });

/**
 * A claim of the earlier shape belonged to one seed file (`seedFile` on the node) and carried
 * its report there (`quote`, `confidence`, `reportedIn`, `reportedInIds`, the sentence its one
 * STATED_IN link). Its REPORTED_IN links become its reports, and the node keeps what it says.
 */
const MOVE_CLAIM_REPORTS = `
  MATCH (c:Claim) WHERE c.seedFile IS NOT NULL
  CALL (c) {
    MATCH (c)-[r:REPORTED_IN]->(source:Source)
    WITH r, source, coalesce(c.reportedInIds, [c.reportedIn]) AS publications
    SET r.seedFile = c.seedFile, r.quote = c.quote,
        r.confidence = coalesce(c.confidence, 'reported'),
        r.sentenceId = head([(c)-[:STATED_IN]->(sentence) | sentence.id]),
        r.index = coalesce(head([i IN range(0, size(publications) - 1)
                                 WHERE publications[i] = source.id]), 0)
  }
  REMOVE c.seedFile, c.quote, c.confidence, c.reportedIn, c.reportedInIds
  RETURN count(c) AS migrated`;
