/** Entities: by id, listed with filters, and found by full-text search. */
import type { GraphDatabase } from '../neo4j/database.js';
import { toEntityRecord, type EntityRecord, type Page, type Paged } from './records.js';

/** The entities with these ids, in the same order; null where none has the id. */
export async function findEntities(
  database: GraphDatabase,
  ids: readonly string[],
): Promise<(EntityRecord | null)[]> {
  const result = await database.query(
    'MATCH (e:Entity) WHERE e.id IN $ids RETURN properties(e) AS props',
    { ids },
  );
  const byId = new Map(
    result.records.map((record) => {
      const entity = toEntityRecord(record.get('props'));
      return [entity.id, entity];
    }),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

export interface EntityFilter {
  kinds: string[] | null;
  /** Part of the name or of an alias, any case. */
  name: string | null;
  /** Slug of a country the entity lies in, took place in, governs, is based or active in. */
  country: string | null;
  /** Slug of a place the entity lies in or took place in, at any depth. */
  region: string | null;
  /** Entities at, in or based at a place within this distance of a point. */
  near: NearFilter | null;
}

export interface NearFilter {
  latitude: number;
  longitude: number;
  meters: number;
}

const ENTITY_LIST = (order: string) => `
  MATCH (e:Entity)
  WHERE ($kinds IS NULL OR e.kind IN $kinds)
    AND ($name IS NULL OR toLower(e.name) CONTAINS toLower($name)
         OR any(alias IN e.aliases WHERE toLower(alias) CONTAINS toLower($name)))
    AND ($country IS NULL OR e.id = $country OR EXISTS {
          (e)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN|GOVERNS|HOLDS_OFFICE_IN|BASED_AT|DEPLOYED_IN|ACTIVE_IN|MEMBER_OF*1..3]->(:Country {id: $country}) })
    AND ($region IS NULL OR EXISTS {
          (e)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN*1..4]->(:Entity {id: $region}) })
    AND ($near IS NULL OR EXISTS {
          MATCH (e)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN|BASED_AT*0..1]->(place:Place)
          WHERE point.distance(place.location, point({latitude: $near.latitude, longitude: $near.longitude})) <= $near.meters })
  WITH e ORDER BY ${order}
  WITH collect(e) AS matches
  RETURN size(matches) AS total, [m IN matches[$offset..$offset + $limit] | properties(m)] AS page`;

export const ENTITY_ORDERS = {
  NAME_ASC: ENTITY_LIST('toLower(e.name) ASC, e.id'),
  NAME_DESC: ENTITY_LIST('toLower(e.name) DESC, e.id'),
} as const;

export async function listEntities(
  database: GraphDatabase,
  filter: EntityFilter,
  order: keyof typeof ENTITY_ORDERS,
  page: Page,
): Promise<Paged<EntityRecord>> {
  return pagedEntities(database, ENTITY_ORDERS[order], { ...filter, ...page });
}

export interface EventFilter {
  /** Finer kinds of event, e.g. Attack, Coup. */
  types: string[] | null;
  /** Events that may have happened on or after this day (YYYY-MM-DD). */
  from: string | null;
  /** Events that may have happened on or before this day. */
  to: string | null;
  /** Slug of a place: events there or anywhere inside it. */
  place: string | null;
  /** Slug of an entity that took part in or announced the event. */
  participant: string | null;
  /** Slug of an entity linked to the event in any way, or a place it took place in. */
  involving: string | null;
  /** Events at a place within this distance of a point. */
  near: NearFilter | null;
}

const EVENT_LIST = (order: string) => `
  MATCH (e:Event)
  WHERE ($types IS NULL OR any(type IN e.subkinds WHERE type IN $types))
    AND ($from IS NULL OR coalesce(e.dateLatest, e.endDateLatest) >= date($from))
    AND ($to IS NULL OR coalesce(e.date, e.endDate) <= date($to))
    AND ($place IS NULL OR EXISTS {
          (e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..4]->(:Entity {id: $place}) })
    AND ($participant IS NULL OR EXISTS {
          (:Entity {id: $participant})-[:PARTICIPATED_IN|ANNOUNCED]->(e) })
    AND ($involving IS NULL OR EXISTS { (e)--(:Entity {id: $involving}) } OR EXISTS {
          (e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..4]->(:Entity {id: $involving}) })
    AND ($near IS NULL OR EXISTS {
          MATCH (e)-[:OCCURRED_AT|OCCURRED_IN]->(place:Place)
          WHERE point.distance(place.location, point({latitude: $near.latitude, longitude: $near.longitude})) <= $near.meters })
  WITH e ORDER BY ${order}
  WITH collect(e) AS matches
  RETURN size(matches) AS total, [m IN matches[$offset..$offset + $limit] | properties(m)] AS page`;

/** Events without a date sort after dated ones; a month sorts by its first day, then its last. */
export const EVENT_ORDERS = {
  DATE_ASC: EVENT_LIST(
    'coalesce(e.date, e.endDate) ASC, coalesce(e.dateLatest, e.endDateLatest) ASC, e.name',
  ),
  DATE_DESC: EVENT_LIST(
    'coalesce(e.date, e.endDate) DESC, coalesce(e.dateLatest, e.endDateLatest) DESC, e.name',
  ),
} as const;

export async function listEvents(
  database: GraphDatabase,
  filter: EventFilter,
  order: keyof typeof EVENT_ORDERS,
  page: Page,
): Promise<Paged<EntityRecord>> {
  return pagedEntities(database, EVENT_ORDERS[order], { ...filter, ...page });
}

async function pagedEntities(
  database: GraphDatabase,
  cypher: string,
  params: Record<string, unknown>,
): Promise<Paged<EntityRecord>> {
  const result = await database.query(cypher, params);
  const record = result.records[0]!;
  return {
    totalCount: record.get('total') as number,
    items: (record.get('page') as Record<string, unknown>[]).map(toEntityRecord),
  };
}

export interface SearchHit {
  entity: EntityRecord;
  score: number;
}

/**
 * Full-text search over names and aliases, ranked by score. Each word matches exactly, as a
 * prefix or within one typo; accents and case are folded, on both sides.
 */
export async function searchEntities(
  database: GraphDatabase,
  query: string,
  kinds: string[] | null,
  page: Page,
): Promise<Paged<SearchHit>> {
  const lucene = toLuceneQuery(query);
  if (!lucene) return { items: [], totalCount: 0 };
  const result = await database.query(
    `CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
       WHERE $kinds IS NULL OR node.kind IN $kinds
       WITH node, score ORDER BY score DESC, node.name
       WITH collect({props: properties(node), score: score}) AS hits
       RETURN size(hits) AS total, hits[$offset..$offset + $limit] AS page`,
    { lucene, kinds, ...page },
  );
  const record = result.records[0]!;
  return {
    totalCount: record.get('total') as number,
    items: (record.get('page') as { props: Record<string, unknown>; score: number }[]).map(
      (hit) => ({
        entity: toEntityRecord(hit.props),
        score: hit.score,
      }),
    ),
  };
}

/** "Tiani junta" → `(tiani^3 OR tiani* OR tiani~1) OR (junta^3 OR junta* OR junta~1)`. */
export function toLuceneQuery(query: string): string {
  const words = query
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  return words
    .map((word) =>
      word.length < 4 ? `(${word}^3 OR ${word}*)` : `(${word}^3 OR ${word}* OR ${word}~1)`,
    )
    .join(' OR ');
}
