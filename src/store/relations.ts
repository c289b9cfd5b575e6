/**
 * The typed relationships of entities, for many entities at once (one query per batch of
 * entities asking the same thing), each with its sources, quotes and validity interval.
 */
import type { GraphDatabase } from '../neo4j/database.js';
import {
  toEntityRecord,
  toRelationRecord,
  type Page,
  type Paged,
  type RelationRecord,
} from './records.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

export interface RelationQuery extends Page {
  entityId: string;
  /** Relationship types to keep; null keeps all. */
  types: string[] | null;
  direction: Direction;
  /** Keep relationships known to hold on this day (YYYY-MM-DD); null keeps all. */
  asOf: string | null;
}

/**
 * A relationship holds on a day when it surely began by then (the last day its start may be
 * is not later) and did not surely end before it; one without dates holds on every day.
 */
const RELATIONS = `
  UNWIND range(0, size($queries) - 1) AS position
  WITH position, $queries[position] AS query
  OPTIONAL MATCH (e:Entity {id: query.entityId})
  CALL (e, query) {
    OPTIONAL MATCH (e)-[r]-(other:Entity)
    WHERE (query.types IS NULL OR type(r) IN query.types)
      AND (query.direction = 'BOTH'
           OR (query.direction = 'OUTGOING' AND startNode(r) = e)
           OR (query.direction = 'INCOMING' AND endNode(r) = e))
      AND (query.asOf IS NULL
           OR ((r.validFromLatest IS NULL OR r.validFromLatest <= date(query.asOf))
               AND (r.validTo IS NULL OR r.validTo >= date(query.asOf))))
    WITH r, other ORDER BY type(r), toLower(other.name), r.id
    WITH collect(CASE WHEN r IS NULL THEN null ELSE {
      props: properties(r), type: type(r), otherId: other.id, other: properties(other),
      direction: CASE WHEN startNode(r) = e THEN 'OUTGOING' ELSE 'INCOMING' END
    } END) AS matches
    RETURN size(matches) AS total, matches[query.offset..query.offset + query.limit] AS page
  }
  RETURN position, total, page ORDER BY position`;

export async function findRelations(
  database: GraphDatabase,
  queries: readonly RelationQuery[],
): Promise<Paged<RelationRecord>[]> {
  const result = await database.query(RELATIONS, { queries });
  return result.records.map((record) => ({
    totalCount: record.get('total') as number,
    items: (
      record.get('page') as {
        props: Record<string, unknown>;
        type: string;
        otherId: string;
        other: Record<string, unknown>;
        direction: RelationRecord['direction'];
      }[]
    ).map((row) => ({
      ...toRelationRecord(row.props, row.type, row.direction, row.otherId),
      other: toEntityRecord(row.other),
    })),
  }));
}
