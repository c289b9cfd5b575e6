/**
 * Cypher fragments that more than one statement uses. Each takes the names of the variables
 * or parameters it reads, so that a statement reads as one text with the fragment in place.
 */

/**
 * A batch: the body runs once per item of `$requests`, as `request` at `position`, and must
 * RETURN `position` with exactly one row per request; the answers come back in request order.
 */
export const forEachRequest = (body: string) => `
  UNWIND range(0, size($requests) - 1) AS position
  WITH position, $requests[position] AS request
  ${body}
  ORDER BY position`;

/**
 * Relationship `r` holds on `day`: it surely began by then (the last day its start may be is
 * not later) and did not surely end before it. One without dates holds on every day.
 */
export const holdsOn = (r: string, day: string) =>
  `((${r}.validFromLatest IS NULL OR ${r}.validFromLatest <= date(${day}))
    AND (${r}.validTo IS NULL OR ${r}.validTo >= date(${day})))`;

/**
 * Fact `r` is stated by at least `min` independent sources (null: any fact). A source cited in
 * another (the ministry's statement in the article) counts as the one that cites it, so a chain
 * of citations counts once.
 */
export const statedByAtLeast = (r: string, min: string) =>
  `(${min} IS NULL OR size(COLLECT {
      UNWIND ${r}.sourceIds AS sid
      MATCH (:Source {id: sid})-[:CITED_IN*0..]->(root:Source) WHERE NOT (root)-[:CITED_IN]->()
      RETURN DISTINCT root.id
    }) >= ${min})`;

/** Event `e` may have happened on or after `day` (its latest possible day is not earlier). */
export const eventMayBeOnOrAfter = (e: string, day: string) =>
  `coalesce(${e}.dateLatest, ${e}.endDateLatest) >= date(${day})`;

/** Event `e` may have happened on or before `day` (its earliest possible day is not later). */
export const eventMayBeOnOrBefore = (e: string, day: string) =>
  `coalesce(${e}.date, ${e}.endDate) <= date(${day})`;

/**
 * The properties of relationship `r` named by the list `keys`, as a list of their values in that
 * order: only what the request reads, and without the key names (a page of relationships comes
 * back as lists, not maps, which is fewer bytes to send and to decode).
 */
export const propertyValues = (r: string, keys: string) => `[key IN ${keys} | ${r}[key]]`;

/** A source node `s` as a map that `sourceRow` decodes. */
export const SOURCE_ROW = `{
  props: properties(s),
  links: [(s)-[link:CITED_IN|ISSUED_BY|SPOKE_TO]->(t) | {type: type(link), id: t.id}]
}`;

/** The sources with the ids of a list expression (repeats allowed), each read once. */
export const sourcesWithIds = (ids: string) =>
  `COLLECT { UNWIND ${ids} AS sid WITH DISTINCT sid MATCH (s:Source {id: sid}) RETURN ${SOURCE_ROW} }`;

/** A claim node `c` as a map that `claimRow` decodes: what it says, and each of its reports. */
export const CLAIM_ROW = `{
  props: properties(c),
  about: [(c)-[:ABOUT]->(subject) | subject.id],
  reports: [(c)-[r:REPORTED_IN]->(source) |
            r {.seedFile, .index, .quote, .sentenceId, .confidence, sourceId: source.id}]
}`;

/** A place and a distance: what is within `meters` of the place (its slug) by coordinates. */
export interface NearFilter {
  place: string;
  meters: number;
}

/** The entity `$near.place` names, as `centre`, when it has coordinates. */
const NEAR_CENTRE = 'MATCH (centre:Entity {id: $near.place}) WHERE centre.location IS NOT NULL';
/** The place `place` lies within `$near.meters` of the `centre`. */
const NEAR_DISTANCE = 'point.distance(place.location, centre.location) <= $near.meters';
/** Places within the distance of the centre (the point index finds them). */
export const NEAR_PLACES = `${NEAR_CENTRE}
    MATCH (place:Place) WHERE ${NEAR_DISTANCE}`;
/** Some place of `pattern` (which binds `place`) lies within the distance of the centre. */
export const nearCondition = (pattern: string) =>
  `EXISTS { ${NEAR_CENTRE} MATCH ${pattern} WHERE ${NEAR_DISTANCE} }`;
/** The place `$near.place` names is known, with coordinates. */
export const NEAR_CENTRE_KNOWN = `EXISTS { ${NEAR_CENTRE} }`;
