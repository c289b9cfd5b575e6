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
import { sourcesWithIds, toSource, type SourceRow } from './sources.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** What is asked of one entity's relationships. */
export interface RelationAsk extends Page {
  /** Relationship types to keep; null keeps all. */
  types: string[] | null;
  direction: Direction;
  /** Keep relationships known to hold on this day (YYYY-MM-DD); null keeps all. */
  asOf: string | null;
  /**
   * Read the entities at the other ends as id, name and kind only: all that the query asks of
   * them (most of a node's cost is reading its properties).
   */
  briefEnds: boolean;
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
  const { types, direction, asOf, offset, limit, counted, briefEnds } = ask;
  return { entityId, types, direction, asOf, offset, limit, counted, briefEnds, next };
}

/** A relationship with the entity at its other end: whole, or brief (id, name and kind). */
export type RelationWithEnds = RelationRecord & { other: EntityRecord; otherIsBrief: boolean };

export interface RelationAnswer {
  /** The entity asked about; null when there is none. */
  self: EntityRecord | null;
  /** The sources of the relationships on the page and on the next level's pages. */
  sources: SourceRecord[];
  page: Paged<RelationWithEnds>;
  /** For a query with `next`: the answer to it per entity at the other end. */
  next: Map<string, Paged<RelationWithEnds>>;
}

/**
 * The relationships of `node` that `ask` keeps. A relationship holds on a day when it surely
 * began by then (the last day its start may be is not later) and did not surely end before it;
 * one without dates holds on every day.
 */
const relationsOf = (node: string, ask: string) => `(${node})-[r]-(other:Entity)
    WHERE (${ask}.types IS NULL OR type(r) IN ${ask}.types)
      AND (${ask}.direction = 'BOTH'
           OR (${ask}.direction = 'OUTGOING' AND startNode(r) = ${node})
           OR (${ask}.direction = 'INCOMING' AND endNode(r) = ${node}))
      AND (${ask}.asOf IS NULL
           OR ((r.validFromLatest IS NULL OR r.validFromLatest <= date(${ask}.asOf))
               AND (r.validTo IS NULL OR r.validTo >= date(${ask}.asOf))))`;

/**
 * The page of `node`'s relationships that `ask` asks for, as `total` (null unless counted)
 * and `page` (of `{r, other}`, from the offset, up to one past the page). `end` names a
 * parameter at or past every ask's offset + limit + 1: a limit must be a constant, and with
 * one the planner keeps only the top rows instead of sorting all of a hub's relationships.
 */
export const relationsPage = (
  node: string,
  ask: string,
  end: string,
  total: string,
  page: string,
) => `
    OPTIONAL MATCH ${relationsOf(node, ask)}
    WITH r, other ORDER BY type(r), toLower(other.name), r.id LIMIT toInteger(${end})
    WITH collect(CASE WHEN r IS NULL THEN null ELSE {r: r, other: other} END) AS matches
    RETURN CASE WHEN ${ask}.counted THEN COUNT { MATCH ${relationsOf(node, ask)} } END AS ${total},
           matches[${ask}.offset..] AS ${page}`;

/** A limit past every ask's page (see `relationsPage`). */
export const pastEveryPage = (asks: readonly (RelationAsk | null)[]) =>
  Math.max(1, ...asks.map((ask) => (ask ? ask.offset + ask.limit + 1 : 0)));

/** A page item `m` of `node`, read out with the other end (whole or brief, as `ask` says). */
export const relationRow = (m: string, node: string, ask: string) => `{
      props: properties(${m}.r), type: type(${m}.r), otherId: ${m}.other.id,
      other: CASE WHEN ${ask}.briefEnds
                  THEN {id: ${m}.other.id, name: ${m}.other.name, kind: ${m}.other.kind}
                  ELSE properties(${m}.other) END,
      direction: CASE WHEN startNode(${m}.r) = ${node} THEN 'OUTGOING' ELSE 'INCOMING' END
    }`;

/** The sources of the relationships in a list of row lists, each read once. */
export const sourcesOfRows = (rowLists: string) =>
  sourcesWithIds(
    `reduce(ids = [], rows IN ${rowLists} | ids + reduce(x = [], row IN rows | x + coalesce(row.props.sourceIds, [])))`,
  );

const RELATIONS = `
  UNWIND range(0, size($queries) - 1) AS position
  WITH position, $queries[position] AS query
  OPTIONAL MATCH (e:Entity {id: query.entityId})
  CALL (e, query) { ${relationsPage('e', 'query', '$end', 'total', 'page')} }
  CALL (page, query) {
    UNWIND CASE WHEN query.next IS NULL THEN [] ELSE page[0..query.limit] END AS item
    WITH DISTINCT item.other AS o, query.next AS ask
    CALL (o, ask) { ${relationsPage('o', 'ask', '$nextEnd', 'nextTotal', 'nextPage')} }
    RETURN collect({otherId: o.id, total: nextTotal, page: [m IN nextPage | ${relationRow('m', 'o', 'ask')}]}) AS next
  }
  WITH position, e, total, [m IN page | ${relationRow('m', 'e', 'query')}] AS page, next
  RETURN position, properties(e) AS self, total, page, next,
         ${sourcesOfRows('[page] + [answer IN next | answer.page]')} AS sources
  ORDER BY position`;

export interface RelationRow {
  props: Record<string, unknown>;
  type: string;
  otherId: string;
  other: Record<string, unknown>;
  direction: RelationRecord['direction'];
}

export const toRelation = (row: RelationRow, ask: RelationAsk): RelationWithEnds => ({
  ...toRelationRecord(row.props, row.type, row.direction, row.otherId),
  other: toEntityRecord(row.other),
  otherIsBrief: ask.briefEnds,
});

export async function findRelations(
  database: GraphDatabase,
  queries: readonly RelationQuery[],
): Promise<RelationAnswer[]> {
  const result = await database.query(RELATIONS, {
    queries,
    end: pastEveryPage(queries),
    nextEnd: pastEveryPage(queries.map((query) => query.next)),
  });
  return result.records.map((record, i) => {
    const query = queries[i]!;
    const self = record.get('self') as Record<string, unknown> | null;
    const next = record.get('next') as {
      otherId: string;
      total: number | null;
      page: RelationRow[];
    }[];
    return {
      self: self && toEntityRecord(self),
      sources: (record.get('sources') as SourceRow[]).map(toSource),
      page: paged(
        record.get('total') as number | null,
        (record.get('page') as RelationRow[]).map((row) => toRelation(row, query)),
        query,
      ),
      next: new Map(
        next.map((answer) => [
          answer.otherId,
          paged(
            answer.total,
            answer.page.map((row) => toRelation(row, query.next!)),
            query.next!,
          ),
        ]),
      ),
    };
  });
}
