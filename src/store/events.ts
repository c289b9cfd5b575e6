/** Events listed with filters (time, place, participants, distance), a page at a time. */
import type { GraphDatabase } from '../neo4j/database.js';
import {
  eventMayBeOnOrAfter,
  eventMayBeOnOrBefore,
  NEAR_CENTRE_KNOWN,
  NEAR_PLACES,
  nearCondition,
  type NearFilter,
} from './fragments.js';
import { listStatement, type ListConditions, type ListStarts, type Listed } from './list-query.js';
import type { Page } from './records.js';
import type { RelationRequest } from './relations.js';
import { run } from './statement.js';

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
  /** Events at a place within this distance of a place. */
  near: NearFilter | null;
}

const EVENT_STARTS: ListStarts<EventFilter> = {
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

const EVENT_CONDITIONS: ListConditions<EventFilter> = {
  types: 'any(type IN e.subkinds WHERE type IN $types)',
  from: eventMayBeOnOrAfter('e', '$from'),
  to: eventMayBeOnOrBefore('e', '$to'),
  place:
    'EXISTS { (e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..4]->(:Entity {id: $place}) }',
  participant: 'EXISTS { (:Entity {id: $participant})-[:PARTICIPATED_IN|ANNOUNCED]->(e) }',
  involving: `(EXISTS { (e)--(:Entity {id: $involving}) } OR EXISTS {
          (e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..4]->(:Entity {id: $involving}) })`,
  near: nearCondition('(e)-[:OCCURRED_AT|OCCURRED_IN]->(place:Place)'),
};

/** Events without a date sort after dated ones; a month sorts by its first day, then its last. */
export const EVENT_ORDERS = {
  DATE_ASC: 'coalesce(e.date, e.endDate) ASC, coalesce(e.dateLatest, e.endDateLatest) ASC, e.name',
  DATE_DESC:
    'coalesce(e.date, e.endDate) DESC, coalesce(e.dateLatest, e.endDateLatest) DESC, e.name',
} as const;

export const eventListStatement = (
  filter: EventFilter,
  order: keyof typeof EVENT_ORDERS,
  page: Page,
  along: RelationRequest[] = [],
) =>
  listStatement({
    starts: EVENT_STARTS,
    conditions: EVENT_CONDITIONS,
    premises: { near: NEAR_CENTRE_KNOWN },
    filter,
    order: EVENT_ORDERS[order],
    page,
    along,
  });

/**
 * Events, a page at a time; with `along`, the relationships each asks of every event on the
 * page, answered with it.
 */
export const listEvents = (
  database: GraphDatabase,
  filter: EventFilter,
  order: keyof typeof EVENT_ORDERS,
  page: Page,
  along: RelationRequest[] = [],
): Promise<Listed> => run(database, eventListStatement(filter, order, page, along));
