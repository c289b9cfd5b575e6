/** Casualty figures aggregated by month, region or actor, each bucket with its claims. */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { eventMayBeOnOrAfter, eventMayBeOnOrBefore } from './fragments.js';
import { decodeRecords, run, type Statement } from './statement.js';

export type CasualtyGrouping = 'MONTH' | 'REGION' | 'ACTOR';

export interface CasualtyRequest {
  property: string;
  grouping: CasualtyGrouping;
  from: string | null;
  to: string | null;
  /** Whether to collect each bucket's event ids (else `eventIds` is null). */
  withEvents: boolean;
  /** Whether to collect each bucket's claim ids (else `claimIds` is null). */
  withClaims: boolean;
}

const ids = z.array(z.string()).nullable();
const casualtyBucket = z
  .object({
    key: z.string(),
    eventCount: z.number(),
    events: ids,
    lowest: z.number(),
    highest: z.number(),
    sourceCount: z.number(),
    claims: ids,
  })
  .transform(({ events, claims, ...bucket }) => ({
    ...bucket,
    eventIds: events,
    claimIds: claims,
  }));

export type CasualtyBucket = z.output<typeof casualtyBucket>;

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

/**
 * Per bucket: the number of events (and their ids, `withEvents`), the sum over events of each
 * event's lowest and highest claimed figure, the number of distinct sources, and the claims
 * (`withClaims`). The ids are collected only when asked: in a month of many events, they are
 * most of the work and of the answer.
 */
const casualtyText = ({ grouping, withEvents, withClaims }: CasualtyRequest) => `
  MATCH (c:Claim {property: $property})-[:ABOUT]->(e:Event)
  WHERE c.value IS NOT NULL
    AND ($from IS NULL OR ${eventMayBeOnOrAfter('e', '$from')})
    AND ($to IS NULL OR ${eventMayBeOnOrBefore('e', '$to')})
  WITH e, min(c.value) AS lowest, max(c.value) AS highest, collect(DISTINCT c.claimedBy) AS sources,
       ${withClaims ? 'collect(c.id)' : 'null'} AS claims
  WITH ${BUCKET_KEYS[grouping]} AS key, e, lowest, highest, sources, claims
  WITH key, count(e) AS eventCount, ${withEvents ? 'collect(e.id)' : 'null'} AS events,
       sum(lowest) AS lowest, sum(highest) AS highest,
       reduce(all = [], list IN collect(sources) | all + [x IN list WHERE NOT x IN all]) AS sources,
       ${withClaims ? 'reduce(all = [], list IN collect(claims) | all + list)' : 'null'} AS claims
  RETURN key, eventCount, events, lowest, highest, size(sources) AS sourceCount, claims
  ORDER BY key`;

export const casualtiesStatement = (request: CasualtyRequest): Statement<CasualtyBucket[]> => ({
  text: casualtyText(request),
  parameters: { ...request },
  decode: (records) => decodeRecords(casualtyBucket, records),
});

export const aggregateCasualties = (database: GraphDatabase, request: CasualtyRequest) =>
  run(database, casualtiesStatement(request));
