/**
 * Graph questions for analysts: shortest paths between two entities, the neighbourhood of one,
 * and casualty figures aggregated by month, region or actor. Path and neighbourhood depths are
 * small whole numbers checked by the caller; Cypher cannot take them as parameters, so each
 * allowed depth has its own query text.
 */
import type { GraphDatabase } from '../neo4j/database.js';
import {
  toEntityRecord,
  toRelationRecord,
  type EntityRecord,
  type RelationRecord,
} from './records.js';

export const MAX_PATH_LENGTH = 6;
export const MAX_NEIGHBORHOOD_DEPTH = 3;

const depths = (max: number) => Array.from({ length: max }, (_, i) => i + 1);

export interface PathStep {
  fromId: string;
  toId: string;
  relation: RelationRecord;
}

export interface FoundPath {
  length: number;
  nodeIds: string[];
  /** The entities along the path, read with it. */
  nodes: EntityRecord[];
  steps: PathStep[];
}

/**
 * Per length, with and without a type filter (a predicate the planner cannot rule out, such as
 * `$types IS NULL OR ...`, keeps it from its fast shortest-path search), and with or without
 * the steps' relationships (their evidence is most of the answer).
 */
const pathQuery = (length: number, typed: boolean, steps: boolean) => `
  MATCH (a:Entity {id: $from})
  MATCH (b:Entity {id: $to})
  MATCH p = allShortestPaths((a)-[*..${length}]-(b))
  WHERE all(n IN nodes(p) WHERE n:Entity)
    ${typed ? 'AND all(r IN relationships(p) WHERE type(r) IN $types)' : ''}
  WITH p LIMIT toInteger($limit)
  RETURN length(p) AS length, [n IN nodes(p) | properties(n)] AS nodes,
         ${steps ? '[r IN relationships(p) | {props: properties(r), type: type(r), start: startNode(r).id}]' : '[]'} AS relationships`;

/** Up to `limit` shortest paths of at most `maxLength` steps over facts between two entities. */
export async function findShortestPaths(
  database: GraphDatabase,
  query: {
    from: string;
    to: string;
    maxLength: number;
    types: string[] | null;
    limit: number;
    /** Whether to read each step's relationship (else `steps` is empty). */
    withSteps: boolean;
  },
): Promise<FoundPath[]> {
  const cypher = pathQuery(query.maxLength, query.types !== null, query.withSteps);
  const result = await database.query(cypher, query);
  return result.records.map((record) => {
    const nodes = (record.get('nodes') as Record<string, unknown>[]).map(toEntityRecord);
    const nodeIds = nodes.map((node) => node.id);
    const relationships = record.get('relationships') as {
      props: Record<string, unknown>;
      type: string;
      start: string;
    }[];
    return {
      length: record.get('length') as number,
      nodeIds,
      nodes,
      steps: relationships.map((relationship, i) => {
        const fromId = nodeIds[i]!;
        const toId = nodeIds[i + 1]!;
        const direction = relationship.start === fromId ? 'OUTGOING' : 'INCOMING';
        return {
          fromId,
          toId,
          relation: toRelationRecord(relationship.props, relationship.type, direction, toId),
        };
      }),
    };
  });
}

export interface Neighborhood {
  nodes: { id: string; distance: number }[];
  links: { sourceId: string; targetId: string; relation: RelationRecord }[];
  truncated: boolean;
}

const NEIGHBORHOODS = new Map(
  depths(MAX_NEIGHBORHOOD_DEPTH).map((depth) => [
    depth,
    `MATCH (center:Entity {id: $slug})
     CALL (center) {
       MATCH p = (center)-[*1..${depth}]-(n:Entity)
       WHERE n <> center AND all(x IN nodes(p) WHERE x:Entity)
         AND ($types IS NULL OR all(r IN relationships(p) WHERE type(r) IN $types))
       RETURN n, min(length(p)) AS distance
       ORDER BY distance, toLower(n.name)
       LIMIT toInteger($limit) + 1
     }
     WITH center, collect({id: n.id, distance: distance}) AS found
     WITH center, found[..$limit] AS kept, size(found) > $limit AS truncated
     WITH kept, truncated, [center.id] + [k IN kept | k.id] AS ids
     CALL (ids) {
       MATCH (a:Entity)-[r]->(b:Entity)
       WHERE a.id IN ids AND b.id IN ids AND ($types IS NULL OR type(r) IN $types)
         AND ($asOf IS NULL
              OR ((r.validFromLatest IS NULL OR r.validFromLatest <= date($asOf))
                  AND (r.validTo IS NULL OR r.validTo >= date($asOf))))
       RETURN collect({props: properties(r), type: type(r), source: a.id, target: b.id}) AS links
     }
     RETURN kept, truncated, links`,
  ]),
);

/** The entities within `depth` steps of one, and every fact among them, up to `limit` nodes. */
export async function findNeighborhood(
  database: GraphDatabase,
  query: {
    slug: string;
    depth: number;
    types: string[] | null;
    asOf: string | null;
    limit: number;
  },
): Promise<Neighborhood | null> {
  const result = await database.query(NEIGHBORHOODS.get(query.depth)!, query);
  const record = result.records[0];
  if (!record) return null;
  const links = record.get('links') as {
    props: Record<string, unknown>;
    type: string;
    source: string;
    target: string;
  }[];
  return {
    nodes: [
      { id: query.slug, distance: 0 },
      ...(record.get('kept') as { id: string; distance: number }[]),
    ],
    truncated: record.get('truncated') as boolean,
    links: links.map((link) => ({
      sourceId: link.source,
      targetId: link.target,
      relation: toRelationRecord(link.props, link.type, 'OUTGOING', link.target),
    })),
  };
}

export type CasualtyGrouping = 'MONTH' | 'REGION' | 'ACTOR';

export interface CasualtyBucket {
  key: string;
  events: string[];
  lowest: number;
  highest: number;
  sourceIds: string[];
  claimIds: string[];
}

/** The bucket of an event `e`, per grouping; events that lack what is grouped by go to "unknown". */
const BUCKET_KEYS: Record<CasualtyGrouping, string> = {
  MONTH: `CASE WHEN e.datePrecision IN ['day', 'month'] THEN substring(toString(e.date), 0, 7)
               WHEN e.date IS NOT NULL THEN toString(e.date.year) + ' (month unknown)'
               ELSE 'unknown' END`,
  REGION: `coalesce(
             head([(e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..3]->(region:AdminRegion) | region.name]),
             head([(e)-[:OCCURRED_AT|OCCURRED_IN]->(:Entity)-[:LOCATED_IN*0..3]->(country:Country) | country.name]),
             'unknown')`,
  ACTOR: `coalesce(
            head([(actor:Entity)-[p:PARTICIPATED_IN]->(e) WHERE p.role IN ['attacker', 'perpetrator'] | actor.name]),
            'unattributed')`,
};

const casualtyQuery = (grouping: CasualtyGrouping) => `
  MATCH (c:Claim {property: $property})-[:ABOUT]->(e:Event)
  WHERE c.value IS NOT NULL
    AND ($from IS NULL OR coalesce(e.dateLatest, e.endDateLatest) >= date($from))
    AND ($to IS NULL OR coalesce(e.date, e.endDate) <= date($to))
  WITH e, min(c.value) AS lowest, max(c.value) AS highest, collect(DISTINCT c.claimedBy) AS sources, collect(c.id) AS claims
  WITH ${BUCKET_KEYS[grouping]} AS key, e, lowest, highest, sources, claims
  WITH key, collect(e.id) AS events, sum(lowest) AS lowest, sum(highest) AS highest,
       reduce(all = [], list IN collect(sources) | all + [x IN list WHERE NOT x IN all]) AS sources,
       reduce(all = [], list IN collect(claims) | all + list) AS claims
  RETURN key, events, lowest, highest, sources, claims ORDER BY key`;

const CASUALTY_QUERIES = {
  MONTH: casualtyQuery('MONTH'),
  REGION: casualtyQuery('REGION'),
  ACTOR: casualtyQuery('ACTOR'),
};

/**
 * Per bucket: the events, the sum over events of each event's lowest and highest claimed
 * figure, and the distinct sources and claims behind them.
 */
export async function aggregateCasualties(
  database: GraphDatabase,
  query: { property: string; grouping: CasualtyGrouping; from: string | null; to: string | null },
): Promise<CasualtyBucket[]> {
  const result = await database.query(CASUALTY_QUERIES[query.grouping], query);
  return result.records.map((record) => ({
    key: record.get('key') as string,
    events: record.get('events') as string[],
    lowest: record.get('lowest') as number,
    highest: record.get('highest') as number,
    sourceIds: record.get('sources') as string[],
    claimIds: record.get('claims') as string[],
  }));
}

export interface DistanceRecord {
  fromId: string;
  toId: string;
  /** Null when either place has no coordinates. */
  meters: number | null;
  /** The sum of both places' location precisions, where known. */
  precisionKm: number | null;
  /** Claims about both places whose property is a distance, as stated by sources. */
  claimIds: string[];
}

/** Distances between pairs of places, computed from their points, beside those sources state. */
export async function findDistances(
  database: GraphDatabase,
  pairs: readonly { fromId: string; toId: string }[],
): Promise<DistanceRecord[]> {
  const result = await database.query(
    `UNWIND $pairs AS pair
       OPTIONAL MATCH (a:Place {id: pair.fromId})
       OPTIONAL MATCH (b:Place {id: pair.toId})
       RETURN pair.fromId AS fromId, pair.toId AS toId,
              point.distance(a.location, b.location) AS meters,
              a.locationPrecisionKm + b.locationPrecisionKm AS precisionKm,
              [(c:Claim)-[:ABOUT]->(a) WHERE c.property STARTS WITH 'distance' AND (c)-[:ABOUT]->(b) | c.id] AS claimIds`,
    { pairs },
  );
  return result.records.map((record) => record.toObject() as DistanceRecord);
}
