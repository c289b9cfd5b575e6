/**
 * The typed relationships of entities, for many entities at once (one query per batch of
 * entities asking the same thing), each with its sources, quotes and validity interval.
 */
import type { GraphDatabase } from '../neo4j/database.js';
import {
  paged,
  toEntityRecord,
  toRelationRecord,
  type EntityRecord,
  type Page,
  type Paged,
  type RelationRecord,
  type SourceRecord,
} from './records.js';
import { SOURCE_ROW, toSource, type SourceRow } from './sources.js';

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
 * is not later) and did not surely end before it; one without dates holds on every day. All
 * matches are ordered and counted, but only the page's are read out, with the other end and
 * the sources, which the next level of a query would otherwise fetch one query at a time.
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
    WITH collect(CASE WHEN r IS NULL THEN null ELSE {r: r, other: other} END) AS matches
    RETURN size(matches) AS total, [m IN matches[query.offset..query.offset + query.limit] | {
      props: properties(m.r), type: type(m.r), otherId: m.other.id, other: properties(m.other),
      direction: CASE WHEN startNode(m.r) = e THEN 'OUTGOING' ELSE 'INCOMING' END,
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN m.r.sourceIds RETURN ${SOURCE_ROW} }
    }] AS page
  }
  RETURN position, total, page ORDER BY position`;

interface RelationRow {
  props: Record<string, unknown>;
  type: string;
  otherId: string;
  other: Record<string, unknown>;
  direction: RelationRecord['direction'];
  sources: SourceRow[];
}

/** Relationships, each with the other end and its sources as records. */
export async function findRelations(
  database: GraphDatabase,
  queries: readonly RelationQuery[],
): Promise<Paged<RelationRecord & { other: EntityRecord; sources: SourceRecord[] }>[]> {
  const result = await database.query(RELATIONS, { queries });
  return result.records.map((record, i) =>
    paged(
      record.get('total') as number,
      (record.get('page') as RelationRow[]).map((row) => ({
        ...toRelationRecord(row.props, row.type, row.direction, row.otherId),
        other: toEntityRecord(row.other),
        sources: row.sources.map(toSource),
      })),
      queries[i]!,
    ),
  );
}
