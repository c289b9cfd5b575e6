/** Claims: about entities, by or reported in sources, by id; each with its subjects and sentence. */
import type { GraphDatabase } from '../neo4j/database.js';
import { paged, toClaimRecord, type ClaimRecord, type Page, type Paged } from './records.js';

export interface ClaimQuery extends Page {
  /** Claims about this entity; null for any. */
  aboutId: string | null;
  /** Claims this source makes or reports; null for any. */
  sourceId: string | null;
  /** Properties to keep, e.g. soldiers_killed; null keeps all. */
  properties: string[] | null;
}

const CLAIM_FIELDS = `{
  props: properties(c),
  about: [(c)-[:ABOUT]->(subject) | subject.id],
  sentence: head([(c)-[:STATED_IN]->(sentence) | sentence.id])
}`;

const CLAIMS = `
  UNWIND range(0, size($queries) - 1) AS position
  WITH position, $queries[position] AS query
  CALL (query) {
    // Start from the most selective anchor: the entity, else the source, else all claims.
    CALL (query) {
      OPTIONAL MATCH (c:Claim)-[:ABOUT]->(:Entity {id: query.aboutId})
      WHERE query.aboutId IS NOT NULL
      RETURN c
      UNION
      OPTIONAL MATCH (c:Claim)
      WHERE query.aboutId IS NULL AND (query.sourceId IS NULL OR c.claimedBy = query.sourceId
                                       OR c.reportedIn = query.sourceId)
      RETURN c
    }
    WITH c WHERE c IS NOT NULL
      AND (query.properties IS NULL OR c.property IN query.properties)
      AND (query.sourceId IS NULL OR c.claimedBy = query.sourceId OR c.reportedIn = query.sourceId)
    WITH c ORDER BY c.property, c.value, c.id
    WITH collect(c) AS matches
    RETURN size(matches) AS total, [c IN matches[query.offset..query.offset + query.limit] | ${CLAIM_FIELDS}] AS page
  }
  RETURN position, total, page ORDER BY position`;

type ClaimRow = { props: Record<string, unknown>; about: string[]; sentence: string };
const toRecord = (row: ClaimRow) => toClaimRecord(row.props, row.about, row.sentence);

export async function findClaims(
  database: GraphDatabase,
  queries: readonly ClaimQuery[],
): Promise<Paged<ClaimRecord>[]> {
  const result = await database.query(CLAIMS, { queries });
  return result.records.map((record, i) =>
    paged(
      record.get('total') as number,
      (record.get('page') as ClaimRow[]).map(toRecord),
      queries[i]!,
    ),
  );
}

export async function findClaimsByIds(
  database: GraphDatabase,
  ids: readonly string[],
): Promise<(ClaimRecord | null)[]> {
  const result = await database.query(
    `MATCH (c:Claim) WHERE c.id IN $ids RETURN ${CLAIM_FIELDS} AS row`,
    { ids },
  );
  const byId = new Map(
    result.records.map((record) => {
      const claim = toRecord(record.get('row') as ClaimRow);
      return [claim.id, claim];
    }),
  );
  return ids.map((id) => byId.get(id) ?? null);
}
