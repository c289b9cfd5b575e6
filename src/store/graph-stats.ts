/** Counts of what the graph holds, by label and by relationship type, from Neo4j's count store. */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { decodeSingle, run } from './statement.js';

const graphStats = z.object({
  nodeCount: z.number(),
  relationshipCount: z.number(),
  labels: z.array(z.object({ label: z.string(), count: z.number() })),
  relationshipTypes: z.array(z.object({ type: z.string(), count: z.number() })),
});

export type GraphStats = z.output<typeof graphStats>;
export type LabelCount = GraphStats['labels'][number];
export type RelationshipTypeCount = GraphStats['relationshipTypes'][number];
const entityCount = z.object({ count: z.number() });

export async function readGraphStats(database: GraphDatabase): Promise<GraphStats> {
  return run(database, {
    text: `
      CALL () { MATCH (n) RETURN count(n) AS nodeCount }
      CALL () { MATCH ()-[r]->() RETURN count(r) AS relationshipCount }
      CALL () {
        CALL db.labels() YIELD label
        CALL (label) { MATCH (n:$(label)) RETURN count(n) AS count }
        WITH label, count WHERE count > 0 ORDER BY label
        RETURN collect({label: label, count: count}) AS labels
      }
      CALL () {
        CALL db.relationshipTypes() YIELD relationshipType AS type
        CALL (type) { MATCH ()-[r:$(type)]->() RETURN count(r) AS count }
        WITH type, count WHERE count > 0 ORDER BY type
        RETURN collect({type: type, count: count}) AS relationshipTypes
      }
      RETURN nodeCount, relationshipCount, labels, relationshipTypes`,
    parameters: {},
    decode: (records) => decodeSingle(graphStats, records),
  });
}

const countOf = async (database: GraphDatabase, text: string): Promise<number> =>
  (
    await run(database, {
      text,
      parameters: {},
      decode: (records) => decodeSingle(entityCount, records),
    })
  ).count;

export const countEntities = (database: GraphDatabase) =>
  countOf(database, 'MATCH (e:Entity) RETURN count(e) AS count');

/**
 * Entities written before one entity was one node across seed files (they name no `seedFiles`):
 * their store keeps a relationship per file for each fact, and is rebuilt from the seed files.
 */
export const countEntitiesOfOlderShape = (database: GraphDatabase) =>
  countOf(database, 'MATCH (e:Entity) WHERE e.seedFiles IS NULL RETURN count(e) AS count');

/** Claims written before a claim's reports were its REPORTED_IN links (a load migrates them). */
export const countClaimsOfOlderShape = (database: GraphDatabase) =>
  countOf(database, 'MATCH (c:Claim) WHERE c.seedFile IS NOT NULL RETURN count(c) AS count');
