/** Claims: about entities, by or reported in sources, by id; each with its subjects and sentence. */
import type { GraphDatabase } from '../neo4j/database.js';
import { CLAIM_ROW } from './fragments.js';
import type { Page } from './records.js';
import { claimRow } from './rows.js';
import { byIds, pagePerRequest, run } from './statement.js';

export interface ClaimRequest extends Page {
  /** Claims about this entity; null for any. */
  aboutId: string | null;
  /** Claims this source makes or reports; null for any. */
  sourceId: string | null;
  /** Properties to keep, e.g. soldiers_killed; null keeps all. */
  properties: string[] | null;
}

/** Per request, the page of claims it asks for. */
const CLAIMS = `
  CALL (request) {
    // Start from the most selective anchor: the entity, else the source (its claims and its
    // reports), else all claims.
    CALL (request) {
      OPTIONAL MATCH (c:Claim)-[:ABOUT]->(:Entity {id: request.aboutId})
      WHERE request.aboutId IS NOT NULL
      RETURN c
      UNION
      OPTIONAL MATCH (c:Claim {claimedBy: request.sourceId})
      WHERE request.aboutId IS NULL
      RETURN c
      UNION
      OPTIONAL MATCH (c:Claim)-[:REPORTED_IN]->(:Source {id: request.sourceId})
      WHERE request.aboutId IS NULL
      RETURN c
      UNION
      OPTIONAL MATCH (c:Claim)
      WHERE request.aboutId IS NULL AND request.sourceId IS NULL
      RETURN c
    }
    WITH c WHERE c IS NOT NULL
      AND (request.properties IS NULL OR c.property IN request.properties)
      AND (request.sourceId IS NULL OR c.claimedBy = request.sourceId
           OR EXISTS { (c)-[:REPORTED_IN]->(:Source {id: request.sourceId}) })
    WITH c ORDER BY c.property, c.value, c.id
    WITH collect(c) AS matches
    RETURN size(matches) AS total,
           [c IN matches[request.offset..request.offset + request.limit] | ${CLAIM_ROW}] AS page
  }
  RETURN position, total, page`;

export const claimsStatement = (requests: readonly ClaimRequest[]) =>
  pagePerRequest(requests, CLAIMS, claimRow);

export const findClaims = (database: GraphDatabase, requests: readonly ClaimRequest[]) =>
  run(database, claimsStatement(requests));

export const claimsByIdStatement = (ids: readonly string[]) =>
  byIds(ids, `MATCH (c:Claim) WHERE c.id IN $ids RETURN ${CLAIM_ROW} AS row`, claimRow);

export const findClaimsByIds = (database: GraphDatabase, ids: readonly string[]) =>
  run(database, claimsByIdStatement(ids));
