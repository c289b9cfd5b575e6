/** Sources, their sentences, and the entities each source mentions. */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { SOURCE_ROW } from './fragments.js';
import { paged, type Page, type Paged } from './records.js';
import { entityRow, sourceRow } from './rows.js';
import { byIds, decodeSingle, pagePerRequest, run, type Statement } from './statement.js';

export const sourcesStatement = (ids: readonly string[]) =>
  byIds(ids, `MATCH (s:Source) WHERE s.id IN $ids RETURN ${SOURCE_ROW} AS row`, sourceRow);

export const findSources = (database: GraphDatabase, ids: readonly string[]) =>
  run(database, sourcesStatement(ids));

const idPage = z.object({ total: z.number(), page: z.array(z.string()) });

export const sourceListStatement = (
  kinds: string[] | null,
  page: Page,
): Statement<Paged<string>> => ({
  text: `MATCH (s:Source) WHERE $kinds IS NULL OR s.kind IN $kinds
       WITH s ORDER BY s.kind, toLower(s.name), s.id
       WITH collect(s.id) AS ids
       RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS page`,
  parameters: { kinds, ...page },
  decode: (records) => {
    const answer = decodeSingle(idPage, records);
    return paged(answer.total, answer.page, page);
  },
});

export const listSources = (database: GraphDatabase, kinds: string[] | null, page: Page) =>
  run(database, sourceListStatement(kinds, page));

const sentenceRow = z.object({
  id: z.string(),
  index: z.number(),
  text: z.string(),
  documentId: z.string(),
});

export const sentencesStatement = (ids: readonly string[]) =>
  byIds(
    ids,
    `MATCH (s:Sentence)-[:IN_DOCUMENT]->(d:Source) WHERE s.id IN $ids
     RETURN {id: s.id, index: s.index, text: s.text, documentId: d.id} AS row`,
    sentenceRow,
  );

export const findSentences = (database: GraphDatabase, ids: readonly string[]) =>
  run(database, sentencesStatement(ids));

export interface MentionRequest extends Page {
  sourceId: string;
}

/**
 * Entities a source states something about (an entity's sources, a relationship's evidence, a
 * claim's claimant or report), through the MENTIONS links the loader derives from those.
 */
export const mentionsStatement = (requests: readonly MentionRequest[]) =>
  pagePerRequest(
    requests,
    `CALL (request) {
       OPTIONAL MATCH (:Source {id: request.sourceId})-[:MENTIONS]->(e:Entity)
       WITH DISTINCT e ORDER BY toLower(e.name), e.id
       WITH collect(e) AS matches
       RETURN size(matches) AS total,
              [m IN matches[request.offset..request.offset + request.limit] | properties(m)] AS page
     }
     RETURN position, total, page`,
    entityRow,
  );

export const findMentions = (database: GraphDatabase, requests: readonly MentionRequest[]) =>
  run(database, mentionsStatement(requests));
