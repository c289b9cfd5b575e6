/** Distances between places, computed from their points, beside the distances sources state. */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { decodeRecords, run, type Statement } from './statement.js';

const distanceRow = z.object({
  fromId: z.string(),
  toId: z.string(),
  /** Null when either place has no coordinates. */
  meters: z.number().nullable(),
  /** The sum of both places' location precisions, where known. */
  precisionKm: z.number().nullable(),
  /** Claims about both places whose property is a distance, as stated by sources. */
  claimIds: z.array(z.string()),
});

export type DistanceRecord = z.output<typeof distanceRow>;

export const distancesStatement = (
  pairs: readonly { fromId: string; toId: string }[],
): Statement<DistanceRecord[]> => ({
  text: `UNWIND $pairs AS pair
       OPTIONAL MATCH (a:Place {id: pair.fromId})
       OPTIONAL MATCH (b:Place {id: pair.toId})
       RETURN pair.fromId AS fromId, pair.toId AS toId,
              point.distance(a.location, b.location) AS meters,
              a.locationPrecisionKm + b.locationPrecisionKm AS precisionKm,
              [(c:Claim)-[:ABOUT]->(a) WHERE c.property STARTS WITH 'distance' AND (c)-[:ABOUT]->(b) | c.id] AS claimIds`,
  parameters: { pairs },
  decode: (records) => decodeRecords(distanceRow, records),
});

export const findDistances = (
  database: GraphDatabase,
  pairs: readonly { fromId: string; toId: string }[],
) => run(database, distancesStatement(pairs));
