/**
 * The constraints and indexes the graph's queries rely on. Each statement is idempotent
 * (IF NOT EXISTS), so this runs before every load and at every start.
 */
import type { GraphDatabase } from '../neo4j/database.js';

const STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT claim_id IF NOT EXISTS FOR (n:Claim) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT sentence_id IF NOT EXISTS FOR (n:Sentence) REQUIRE n.id IS UNIQUE',
  // What a reload of one seed file finds and replaces (entities name their files in a list; a
  // claim is one node across files, each file's reports its REPORTED_IN links).
  'CREATE INDEX source_seed_file IF NOT EXISTS FOR (n:Source) ON (n.seedFile)',
  'CREATE INDEX sentence_seed_file IF NOT EXISTS FOR (n:Sentence) ON (n.seedFile)',
  'CREATE INDEX reported_in_seed_file IF NOT EXISTS FOR ()-[r:REPORTED_IN]-() ON (r.seedFile)',
  // Search over names and aliases, folding accents and case ("Tillaberi" finds "Tillabéri").
  `CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]
   OPTIONS {indexConfig: {\`fulltext.analyzer\`: 'standard-folding'}}`,
  'CREATE POINT INDEX place_location IF NOT EXISTS FOR (n:Place) ON (n.location)',
  'CREATE RANGE INDEX event_date IF NOT EXISTS FOR (n:Event) ON (n.date)',
  'CREATE RANGE INDEX event_date_latest IF NOT EXISTS FOR (n:Event) ON (n.dateLatest)',
  'CREATE RANGE INDEX claim_property IF NOT EXISTS FOR (n:Claim) ON (n.property)',
  'CREATE RANGE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind)',
  // Lists by name (of one kind) read these in order and stop after the page (sortName = toLower(name)).
  'CREATE RANGE INDEX entity_sort_name IF NOT EXISTS FOR (n:Entity) ON (n.sortName)',
  'CREATE RANGE INDEX entity_kind_sort_name IF NOT EXISTS FOR (n:Entity) ON (n.kind, n.sortName)',
  'CREATE RANGE INDEX claim_claimed_by IF NOT EXISTS FOR (n:Claim) ON (n.claimedBy)',
];

export async function ensureGraphSchema(database: GraphDatabase): Promise<void> {
  // Schema changes cannot share a transaction with each other or with data writes.
  for (const statement of STATEMENTS) {
    await database.write((tx) => tx.run(statement));
  }
  await database.write((tx) => tx.run('CALL db.awaitIndexes(300)'));
  // Stores written before entities had a sortName get one (none are missing afterwards).
  await database.write((tx) =>
    tx.run('MATCH (e:Entity) WHERE e.sortName IS NULL SET e.sortName = toLower(e.name)'),
  );
}
