/**
 * The typed relationships of entities, for many entities at once (one query per batch of
 * entities asking the same thing), each with its sources, quotes and validity interval; and,
 * when asked, the same question about the entity at the other end of each, answered along
 * (a nested `relations` field then costs no query of its own).
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

/** What is asked of one entity's relationships. */
export interface RelationAsk extends Page {
  /** Relationship types to keep; null keeps all. */
  types: string[] | null;
  direction: Direction;
  /** Keep relationships known to hold on this day (YYYY-MM-DD); null keeps all. */
  asOf: string | null;
}

export interface RelationQuery extends RelationAsk {
  entityId: string;
  /** The question to answer along about each entity at the other end of the page; or null. */
  next: RelationAsk | null;
}

/**
 * A relation query, its fields always in one order: it is also a cache key (as JSON), and the
 * key a nested field asks with must equal the key its answer was stored under.
 */
export function relationQuery(
  entityId: string,
  ask: RelationAsk,
  next: RelationAsk | null,
): RelationQuery {
  const { types, direction, asOf, offset, limit, counted } = ask;
  return { entityId, types, direction, asOf, offset, limit, counted, next };
}

export type RelationWithEnds = RelationRecord & { other: EntityRecord; sources: SourceRecord[] };

export interface RelationAnswer {
  /** The entity asked about; null when there is none. */
  self: EntityRecord | null;
  page: Paged<RelationWithEnds>;
  /** For a query with `next`: the answer to it per entity at the other end. */
  next: Map<string, Paged<RelationWithEnds>>;
}

/**
 * The page of `node`'s relationships that `ask` asks for, as `total` and `page` (of
 * `{r, other}`). A relationship holds on a day when it surely began by then (the last day its
 * start may be is not later) and did not surely end before it; one without dates holds on every
 * day. All matches are ordered and counted, but only the page's are read out.
 */
const relationsPage = (node: string, ask: string, total: string, page: string) => `
    OPTIONAL MATCH (${node})-[r]-(other:Entity)
    WHERE (${ask}.types IS NULL OR type(r) IN ${ask}.types)
      AND (${ask}.direction = 'BOTH'
           OR (${ask}.direction = 'OUTGOING' AND startNode(r) = ${node})
           OR (${ask}.direction = 'INCOMING' AND endNode(r) = ${node}))
      AND (${ask}.asOf IS NULL
           OR ((r.validFromLatest IS NULL OR r.validFromLatest <= date(${ask}.asOf))
               AND (r.validTo IS NULL OR r.validTo >= date(${ask}.asOf))))
    WITH r, other ORDER BY type(r), toLower(other.name), r.id
    WITH collect(CASE WHEN r IS NULL THEN null ELSE {r: r, other: other} END) AS matches
    RETURN size(matches) AS ${total}, matches[${ask}.offset..${ask}.offset + ${ask}.limit] AS ${page}`;

/** A page item `m` of `node`, read out with the other end and the sources. */
const relationRow = (m: string, node: string) => `{
      props: properties(${m}.r), type: type(${m}.r), otherId: ${m}.other.id,
      other: properties(${m}.other),
      direction: CASE WHEN startNode(${m}.r) = ${node} THEN 'OUTGOING' ELSE 'INCOMING' END,
      sources: COLLECT { MATCH (s:Source) WHERE s.id IN ${m}.r.sourceIds RETURN ${SOURCE_ROW} }
    }`;

const RELATIONS = `
  UNWIND range(0, size($queries) - 1) AS position
  WITH position, $queries[position] AS query
  OPTIONAL MATCH (e:Entity {id: query.entityId})
  CALL (e, query) { ${relationsPage('e', 'query', 'total', 'page')} }
  CALL (page, query) {
    UNWIND CASE WHEN query.next IS NULL THEN [] ELSE page END AS item
    WITH DISTINCT item.other AS o, query.next AS ask
    CALL (o, ask) { ${relationsPage('o', 'ask', 'nextTotal', 'nextPage')} }
    RETURN collect({otherId: o.id, total: nextTotal, page: [m IN nextPage | ${relationRow('m', 'o')}]}) AS next
  }
  RETURN position, properties(e) AS self, total, [m IN page | ${relationRow('m', 'e')}] AS page, next
  ORDER BY position`;

interface RelationRow {
  props: Record<string, unknown>;
  type: string;
  otherId: string;
  other: Record<string, unknown>;
  direction: RelationRecord['direction'];
  sources: SourceRow[];
}

const toRelation = (row: RelationRow): RelationWithEnds => ({
  ...toRelationRecord(row.props, row.type, row.direction, row.otherId),
  other: toEntityRecord(row.other),
  sources: row.sources.map(toSource),
});

export async function findRelations(
  database: GraphDatabase,
  queries: readonly RelationQuery[],
): Promise<RelationAnswer[]> {
  const result = await database.query(RELATIONS, { queries });
  return result.records.map((record, i) => {
    const query = queries[i]!;
    const self = record.get('self') as Record<string, unknown> | null;
    const next = record.get('next') as { otherId: string; total: number; page: RelationRow[] }[];
    return {
      self: self && toEntityRecord(self),
      page: paged(
        record.get('total') as number,
        (record.get('page') as RelationRow[]).map(toRelation),
        query,
      ),
      next: new Map(
        next.map((answer) => [
          answer.otherId,
          paged(answer.total, answer.page.map(toRelation), query.next!),
        ]),
      ),
    };
  });
}
