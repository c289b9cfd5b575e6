/** Counts of what the graph holds, by label and by relationship type, from Neo4j's count store. */
import type { GraphDatabase } from '../neo4j/database.js';

export interface LabelCount {
  label: string;
  count: number;
}

export interface RelationshipTypeCount {
  type: string;
  count: number;
}

export interface GraphStats {
  nodeCount: number;
  relationshipCount: number;
  labels: LabelCount[];
  relationshipTypes: RelationshipTypeCount[];
}

export async function readGraphStats(database: GraphDatabase): Promise<GraphStats> {
  const result = await database.query(`
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
      RETURN nodeCount, relationshipCount, labels, relationshipTypes`);
  return result.records[0]!.toObject() as GraphStats;
}

export async function countEntities(database: GraphDatabase): Promise<number> {
  const result = await database.query('MATCH (e:Entity) RETURN count(e) AS count');
  return result.records[0]!.get('count') as number;
}
