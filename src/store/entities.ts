/** Entities: by id, listed with filters, and found by full-text search. */
import type { GraphDatabase } from '../neo4j/database.js';
import {
  paged,
  toEntityRecord,
  type EntityRecord,
  type Page,
  type Paged,
  type SourceRecord,
} from './records.js';
import {
  pastEveryPage,
  relationQuery,
  relationRow,
  relationsPage,
  sourcesOfRows,
  toRelation,
  type RelationAsk,
  type RelationQuery,
  type RelationRow,
  type RelationWithEnds,
} from './relations.js';
import { toSource, type SourceRow } from './sources.js';

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

const NEAR_DISTANCE =
  'point.distance(place.location, point({latitude: $near.latitude, longitude: $near.longitude})) <= $near.meters';
/** Places within the distance of the point (the point index finds them). */
const NEAR_PLACES = `MATCH (place:Place) WHERE ${NEAR_DISTANCE}`;
/** How an entity belongs to a country. */
const COUNTRY_LINKS =
  'LOCATED_IN|OCCURRED_AT|OCCURRED_IN|GOVERNS|HOLDS_OFFICE_IN|BASED_AT|DEPLOYED_IN|ACTIVE_IN|MEMBER_OF';

/**
 * A list query's text, from fixed parts: it starts from the first filter given that has a
 * start (an index, or the relationships of one node; `starts` is in order of preference) rather than from every node of the label,
 * keeps the other filters given, and pages. Only the filters given are in the text, so that the
 * planner sees (and caches a plan for) each combination as it is.
 */
function listQuery<F extends object>(
  starts: Partial<Record<keyof F, string>> & { all: string },
  conditions: Record<keyof F, string>,
  filter: F,
  order: string,
  counted: boolean,
): string {
  const given = (Object.keys(conditions) as (keyof F)[]).filter((key) => filter[key] != null);
  const start = (Object.keys(starts) as (keyof F)[]).find((key) => given.includes(key));
  const kept = given.filter((key) => key !== start).map((key) => conditions[key]);
  return [
    start === undefined ? starts.all : starts[start],
    kept.length > 0 ? `WITH e WHERE ${kept.join('\n AND ')}` : '',
    pageOf(order, counted),
  ].join('\n');
}

/** Where an entity list may start, in order of preference. */
/** The filter as the list query takes it: a single kind apart, since an index serves it. */
interface EntityListFilter extends EntityFilter {
  kind: string | null;
}

const ENTITY_STARTS: Partial<Record<keyof EntityListFilter, string>> & { all: string } = {
  near: `${NEAR_PLACES}
    MATCH (e:Entity)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN|BASED_AT*0..1]->(place) WITH DISTINCT e`,
  region: `MATCH (e:Entity)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN*1..4]->(:Entity {id: $region})
    WITH DISTINCT e`,
  country: `CALL () {
      MATCH (e:Entity {id: $country}) RETURN e
      UNION
      MATCH (e:Entity)-[:${COUNTRY_LINKS}*1..3]->(:Country {id: $country})
      RETURN e
    }`,
  // Both read in name order from an index, so that a page by name stops after its last row.
  kind: "MATCH (e:Entity) WHERE e.kind = $kind AND e.sortName >= ''",
  all: "MATCH (e:Entity) WHERE e.sortName >= ''",
};

const ENTITY_CONDITIONS: Record<keyof EntityListFilter, string> = {
  kind: 'e.kind = $kind',
  kinds: 'e.kind IN $kinds',
  name: `(toLower(e.name) CONTAINS toLower($name)
          OR any(alias IN e.aliases WHERE toLower(alias) CONTAINS toLower($name)))`,
  country: `(e.id = $country OR EXISTS { (e)-[:${COUNTRY_LINKS}*1..3]->(:Country {id: $country}) })`,
  region: 'EXISTS { (e)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN*1..4]->(:Entity {id: $region}) }',
  near: `EXISTS {
          MATCH (e)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN|BASED_AT*0..1]->(place:Place)
          WHERE ${NEAR_DISTANCE} }`,
};

/**
 * By name, any case (`sortName` is the lowercased name, written by the loader). With a single
 * kind, the kind leads (it is the same for all rows): the order of the (kind, sortName) index.
 */
export const ENTITY_ORDERS = {
  NAME_ASC: (byKind: boolean) => `${byKind ? 'e.kind ASC, ' : ''}e.sortName ASC, e.id`,
  NAME_DESC: (byKind: boolean) => `${byKind ? 'e.kind DESC, ' : ''}e.sortName DESC, e.id`,
} as const;

/**
 * The page of `e`, in order, with the number of all matches when the page asks for it, and
 * the relationships `$along` asks of each entity on it (what a typed relationship field below
 * the list will ask), as `{id, ask, total, page}` with `ask` the position in `$along`.
 */
const pageOf = (order: string, counted: boolean) => `
  ${
    counted
      ? `WITH e ORDER BY ${order}
         WITH collect(e) AS matches
         WITH size(matches) AS total, matches[$offset..$offset + $limit] AS page`
      : // collect first: an aggregation grouped by a key (even a constant) over no rows
        // gives no row at all, and the page past the last one must still answer.
        `WITH e ORDER BY ${order} SKIP toInteger($offset) LIMIT toInteger($limit) + 1
         WITH collect(e) AS page
         WITH null AS total, page`
  }
  CALL (page) {
    UNWIND page[0..toInteger($limit)] AS o
    UNWIND range(0, size($along) - 1) AS position
    WITH o, position, $along[position] AS ask
    CALL (o, ask) { ${relationsPage('o', 'ask', '$alongEnd', 'alongTotal', 'alongPage')} }
    RETURN collect({id: o.id, ask: position, total: alongTotal,
                    page: [m IN alongPage | ${relationRow('m', 'o', 'ask')}]}) AS along
  }
  RETURN total, [n IN page | properties(n)] AS page, along,
         ${sourcesOfRows('[answer IN along | answer.page]')} AS sources`;

export async function listEntities(
  database: GraphDatabase,
  filter: EntityFilter,
  order: keyof typeof ENTITY_ORDERS,
  page: Page,
): Promise<Paged<EntityRecord>> {
  const single = filter.kinds?.length === 1;
  const listFilter: EntityListFilter = {
    ...filter,
    kind: single ? filter.kinds![0]! : null,
    kinds: single ? null : filter.kinds,
  };
  const cypher = listQuery(
    ENTITY_STARTS,
    ENTITY_CONDITIONS,
    listFilter,
    ENTITY_ORDERS[order](single),
    page.counted,
  );
  return (await pagedEntities(database, cypher, listFilter, page, [])).list;
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

/** Where an event list may start, in order of preference. */
const EVENT_STARTS: Partial<Record<keyof EventFilter, string>> & { all: string } = {
  participant: `MATCH (:Entity {id: $participant})-[:PARTICIPATED_IN|ANNOUNCED]->(e:Event)
    WITH DISTINCT e`,
  near: `${NEAR_PLACES}
    MATCH (e:Event)-[:OCCURRED_AT|OCCURRED_IN]->(place) WITH DISTINCT e`,
  involving: `CALL () {
      MATCH (:Entity {id: $involving})--(e:Event) RETURN e
      UNION
      MATCH (:Entity {id: $involving})<-[:LOCATED_IN*0..4]-(:Entity)<-[:OCCURRED_AT|OCCURRED_IN]-(e:Event)
      RETURN e
    }`,
  place: `MATCH (:Entity {id: $place})<-[:LOCATED_IN*0..4]-(:Entity)<-[:OCCURRED_AT|OCCURRED_IN]-(e:Event)
    WITH DISTINCT e`,
  all: 'MATCH (e:Event)',
};

const EVENT_CONDITIONS: Record<keyof EventFilter, string> = {
  types: 'any(type IN e.subkinds WHERE type IN $types)',
  from: 'coalesce(e.dateLatest, e.endDateLatest) >= date($from)',
  to: 'coalesce(e.date, e.endDate) <= date($to)',
  place:
    'EXISTS { (e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..4]->(:Entity {id: $place}) }',
  participant: 'EXISTS { (:Entity {id: $participant})-[:PARTICIPATED_IN|ANNOUNCED]->(e) }',
  involving: `(EXISTS { (e)--(:Entity {id: $involving}) } OR EXISTS {
          (e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..4]->(:Entity {id: $involving}) })`,
  near: `EXISTS { MATCH (e)-[:OCCURRED_AT|OCCURRED_IN]->(place:Place) WHERE ${NEAR_DISTANCE} }`,
};

/** Events without a date sort after dated ones; a month sorts by its first day, then its last. */
export const EVENT_ORDERS = {
  DATE_ASC: 'coalesce(e.date, e.endDate) ASC, coalesce(e.dateLatest, e.endDateLatest) ASC, e.name',
  DATE_DESC:
    'coalesce(e.date, e.endDate) DESC, coalesce(e.dateLatest, e.endDateLatest) DESC, e.name',
} as const;

/**
 * Events, a page at a time; with `along`, the relationships each asks of every event on the
 * page, answered with it.
 */
export async function listEvents(
  database: GraphDatabase,
  filter: EventFilter,
  order: keyof typeof EVENT_ORDERS,
  page: Page,
  along: RelationAsk[] = [],
): Promise<Listed> {
  const cypher = listQuery(
    EVENT_STARTS,
    EVENT_CONDITIONS,
    filter,
    EVENT_ORDERS[order],
    page.counted,
  );
  return pagedEntities(database, cypher, filter, page, along);
}

export interface Listed {
  list: Paged<EntityRecord>;
  /** The sources of the relationships asked along. */
  sources: SourceRecord[];
  /** The relationships asked along, by the query that would ask for them. */
  along: { query: RelationQuery; page: Paged<RelationWithEnds> }[];
}

async function pagedEntities(
  database: GraphDatabase,
  cypher: string,
  filter: EntityFilter | EventFilter,
  page: Page,
  along: RelationAsk[],
): Promise<Listed> {
  const result = await database.query(cypher, {
    ...filter,
    ...page,
    along,
    alongEnd: pastEveryPage(along),
  });
  const record = result.records[0]!;
  const answers = record.get('along') as {
    id: string;
    ask: number;
    total: number | null;
    page: RelationRow[];
  }[];
  return {
    sources: (record.get('sources') as SourceRow[]).map(toSource),
    list: paged(
      record.get('total') as number | null,
      (record.get('page') as Record<string, unknown>[]).map(toEntityRecord),
      page,
    ),
    along: answers.map((answer) => {
      const ask = along[answer.ask]!;
      return {
        query: relationQuery(answer.id, ask, null),
        page: paged(
          answer.total,
          answer.page.map((row) => toRelation(row, ask)),
          ask,
        ),
      };
    }),
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
  if (!lucene) return paged(0, [], page);
  const hits = page.counted
    ? `WITH collect({node: node, score: score}) AS hits
       RETURN size(hits) AS total,
              [hit IN hits[$offset..$offset + $limit] | {props: properties(hit.node), score: hit.score}] AS page`
    : `SKIP toInteger($offset) LIMIT toInteger($limit) + 1
       WITH collect({props: properties(node), score: score}) AS page
       RETURN null AS total, page`;
  const result = await database.query(
    `CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
       WHERE $kinds IS NULL OR node.kind IN $kinds
       WITH node, score ORDER BY score DESC, node.name ${hits}`,
    { lucene, kinds, ...page },
  );
  const record = result.records[0]!;
  const rows = record.get('page') as { props: Record<string, unknown>; score: number }[];
  return paged(
    record.get('total') as number | null,
    rows.map((hit) => ({ entity: toEntityRecord(hit.props), score: hit.score })),
    page,
  );
}

/** The words of a search query, accents and case folded: "Tillabéri Region" → tillaberi, region. */
export function searchWords(query: string): string[] {
  return query
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}

/** "Tiani junta" → `(tiani^3 OR tiani* OR tiani~1) OR (junta^3 OR junta* OR junta~1)`. */
export function toLuceneQuery(query: string): string {
  return searchWords(query)
    .map((word) =>
      word.length < 4 ? `(${word}^3 OR ${word}*)` : `(${word}^3 OR ${word}* OR ${word}~1)`,
    )
    .join(' OR ');
}
