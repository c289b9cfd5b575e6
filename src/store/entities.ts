/** Entities: by id, and listed with filters (the composer is `list-query.ts`). */
import type { GraphDatabase } from '../neo4j/database.js';
import { NEAR_CENTRE_KNOWN, NEAR_PLACES, nearCondition, type NearFilter } from './fragments.js';
import { listStatement, type ListConditions, type Listed, type ListStarts } from './list-query.js';
import type { EntityRecord, Page, Paged } from './records.js';
import { entityRow } from './rows.js';
import { byIds, run } from './statement.js';

export const entitiesStatement = (ids: readonly string[]) =>
  byIds(ids, 'MATCH (e:Entity) WHERE e.id IN $ids RETURN properties(e) AS row', entityRow);

/** The entities with these ids, in the same order; null where none has the id. */
export const findEntities = (database: GraphDatabase, ids: readonly string[]) =>
  run(database, entitiesStatement(ids));

export interface EntityFilter {
  kinds: string[] | null;
  /** Part of the name or of an alias, any case. */
  name: string | null;
  /** Slug of a country the entity lies in, took place in, governs, is based or active in. */
  country: string | null;
  /** Slug of a place the entity lies in or took place in, at any depth. */
  region: string | null;
  /** Entities at, in or based at a place within this distance of a place. */
  near: NearFilter | null;
}

/** How an entity belongs to a country. */
const COUNTRY_LINKS =
  'LOCATED_IN|OCCURRED_AT|OCCURRED_IN|GOVERNS|HOLDS_OFFICE_IN|BASED_AT|DEPLOYED_IN|ACTIVE_IN|MEMBER_OF';

/** The filter as the list statement takes it: a single kind apart, since an index serves it. */
interface EntityListFilter extends EntityFilter {
  kind: string | null;
}

const ENTITY_STARTS: ListStarts<EntityListFilter> = {
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

const ENTITY_CONDITIONS: ListConditions<EntityListFilter> = {
  kind: 'e.kind = $kind',
  kinds: 'e.kind IN $kinds',
  name: `(toLower(e.name) CONTAINS toLower($name)
          OR any(alias IN e.aliases WHERE toLower(alias) CONTAINS toLower($name)))`,
  country: `(e.id = $country OR EXISTS { (e)-[:${COUNTRY_LINKS}*1..3]->(:Country {id: $country}) })`,
  region: 'EXISTS { (e)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN*1..4]->(:Entity {id: $region}) }',
  near: nearCondition('(e)-[:LOCATED_IN|OCCURRED_AT|OCCURRED_IN|BASED_AT*0..1]->(place:Place)'),
};

/**
 * By name, any case (`sortName` is the lowercased name, written by the loader). With a single
 * kind, the kind leads (it is the same for all rows): the order of the (kind, sortName) index.
 */
export const ENTITY_ORDERS = {
  NAME_ASC: (byKind: boolean) => `${byKind ? 'e.kind ASC, ' : ''}e.sortName ASC, e.id`,
  NAME_DESC: (byKind: boolean) => `${byKind ? 'e.kind DESC, ' : ''}e.sortName DESC, e.id`,
} as const;

export function entityListStatement(
  filter: EntityFilter,
  order: keyof typeof ENTITY_ORDERS,
  page: Page,
) {
  const single = filter.kinds?.length === 1;
  return listStatement<EntityListFilter>({
    starts: ENTITY_STARTS,
    conditions: ENTITY_CONDITIONS,
    premises: { near: NEAR_CENTRE_KNOWN },
    filter: {
      ...filter,
      kind: single ? filter.kinds![0]! : null,
      kinds: single ? null : filter.kinds,
    },
    order: ENTITY_ORDERS[order](single),
    page,
    along: [],
  });
}

export async function listEntities(
  database: GraphDatabase,
  filter: EntityFilter,
  order: keyof typeof ENTITY_ORDERS,
  page: Page,
): Promise<Listed> {
  return run(database, entityListStatement(filter, order, page));
}
