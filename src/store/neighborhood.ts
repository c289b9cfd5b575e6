/**
 * The neighbourhood of an entity: the entities within a few steps, and every fact among them.
 * Depths are small whole numbers checked by the caller; Cypher cannot take them as parameters,
 * so each depth has its own text.
 */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { holdsOn, statedByAtLeast } from './fragments.js';
import type { RelationRecord } from './records.js';
import { decodeRelationship } from './rows.js';
import { decodeRecords, run, type Statement } from './statement.js';

export const MAX_NEIGHBORHOOD_DEPTH = 3;

export interface Neighborhood {
  nodes: { id: string; distance: number }[];
  links: { sourceId: string; targetId: string; relation: RelationRecord }[];
  truncated: boolean;
}

export interface NeighborhoodRequest {
  slug: string;
  depth: number;
  types: string[] | null;
  asOf: string | null;
  /** Keep facts stated by at least this many independent sources; null (or absent) keeps all. */
  minSources?: number | null;
  limit: number;
}

const neighborhoodText = (depth: number) => `
  MATCH (center:Entity {id: $slug})
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
      AND ($asOf IS NULL OR ${holdsOn('r', '$asOf')})
      AND ${statedByAtLeast('r', '$minSources')}
    RETURN collect({props: properties(r), type: type(r), source: a.id, target: b.id}) AS links
  }
  RETURN kept, truncated, links`;

const NEIGHBORHOOD_TEXTS = new Map(
  Array.from({ length: MAX_NEIGHBORHOOD_DEPTH }, (_, i) => [i + 1, neighborhoodText(i + 1)]),
);

const neighborhoodRow = z.object({
  kept: z.array(z.object({ id: z.string(), distance: z.number() })),
  truncated: z.boolean(),
  links: z.array(
    z.object({ props: z.unknown(), type: z.unknown(), source: z.string(), target: z.string() }),
  ),
});

export const neighborhoodStatement = (
  request: NeighborhoodRequest,
): Statement<Neighborhood | null> => ({
  text: NEIGHBORHOOD_TEXTS.get(request.depth)!,
  parameters: { ...request, minSources: request.minSources ?? null },
  decode: (records) => {
    const [row] = decodeRecords(neighborhoodRow, records);
    if (!row) return null;
    return {
      nodes: [{ id: request.slug, distance: 0 }, ...row.kept],
      truncated: row.truncated,
      links: row.links.map((link) => ({
        sourceId: link.source,
        targetId: link.target,
        relation: decodeRelationship(
          { props: link.props, type: link.type, direction: 'OUTGOING', otherId: link.target },
          true,
        ),
      })),
    };
  },
});

/** The entities within `depth` steps of one, and every fact among them, up to `limit` nodes. */
export const findNeighborhood = (database: GraphDatabase, request: NeighborhoodRequest) =>
  run(database, neighborhoodStatement(request));
