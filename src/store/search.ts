/**
 * Full-text search over names and aliases, ranked by score. Each word matches exactly, as a
 * prefix or within one typo; accents and case are folded, on both sides.
 */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { paged, type EntityRecord, type Page, type Paged } from './records.js';
import { entityRow, optionalCount } from './rows.js';
import { decodeSingle, run, type Statement } from './statement.js';

export interface SearchHit {
  entity: EntityRecord;
  score: number;
}

const hitPage = z.object({
  total: optionalCount,
  page: z.array(z.object({ entity: entityRow, score: z.number() })),
});

/** The statement of a search, given as Lucene query text (see `toLuceneQuery`). */
export function searchStatement(
  lucene: string,
  kinds: string[] | null,
  page: Page,
): Statement<Paged<SearchHit>> {
  const hits = page.counted
    ? `WITH collect({node: node, score: score}) AS hits
       RETURN size(hits) AS total,
              [hit IN hits[$offset..$offset + $limit] | {entity: properties(hit.node), score: hit.score}] AS page`
    : `SKIP toInteger($offset) LIMIT toInteger($limit) + 1
       WITH collect({entity: properties(node), score: score}) AS page
       RETURN null AS total, page`;
  return {
    text: `CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
       WHERE $kinds IS NULL OR node.kind IN $kinds
       WITH node, score ORDER BY score DESC, node.name ${hits}`,
    parameters: { lucene, kinds, ...page },
    decode: (records) => {
      const answer = decodeSingle(hitPage, records);
      return paged(answer.total, answer.page, page);
    },
  };
}

export async function searchEntities(
  database: GraphDatabase,
  query: string,
  kinds: string[] | null,
  page: Page,
): Promise<Paged<SearchHit>> {
  const lucene = toLuceneQuery(query);
  if (!lucene) return paged(0, [], page);
  return run(database, searchStatement(lucene, kinds, page));
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
