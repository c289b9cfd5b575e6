/** Sources, their sentences, and the entities each source mentions. */
import type { GraphDatabase } from '../neo4j/database.js';
import {
  paged,
  toEntityRecord,
  toSourceRecord,
  type EntityRecord,
  type Page,
  type Paged,
  type SentenceRecord,
  type SourceRecord,
} from './records.js';

/** A source node `s` as a map that `toSource` reads. */
export const SOURCE_ROW = `{
  props: properties(s),
  links: [(s)-[link:CITED_IN|ISSUED_BY|SPOKE_TO]->(t) | {type: type(link), id: t.id}]
}`;

/** The sources with the ids of a list expression (repeats allowed), each read once. */
export const sourcesWithIds = (ids: string) =>
  `COLLECT { UNWIND ${ids} AS sid WITH DISTINCT sid MATCH (s:Source {id: sid}) RETURN ${SOURCE_ROW} }`;

export interface SourceRow {
  props: Record<string, unknown>;
  links: { type: 'CITED_IN' | 'ISSUED_BY' | 'SPOKE_TO'; id: string }[];
}

export const toSource = ({ props, links }: SourceRow) => {
  const linked = (type: SourceRow['links'][number]['type']) =>
    links.find((link) => link.type === type)?.id ?? null;
  return toSourceRecord(props, {
    citedIn: linked('CITED_IN'),
    issuedBy: linked('ISSUED_BY'),
    spokeTo: linked('SPOKE_TO'),
  });
};

export async function findSources(
  database: GraphDatabase,
  ids: readonly string[],
): Promise<(SourceRecord | null)[]> {
  const result = await database.query(
    `MATCH (s:Source) WHERE s.id IN $ids RETURN ${SOURCE_ROW} AS row`,
    { ids },
  );
  const byId = new Map(
    result.records.map((record) => {
      const source = toSource(record.get('row') as SourceRow);
      return [source.id, source];
    }),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

export async function listSources(
  database: GraphDatabase,
  kinds: string[] | null,
  page: Page,
): Promise<Paged<string>> {
  const result = await database.query(
    `MATCH (s:Source) WHERE $kinds IS NULL OR s.kind IN $kinds
       WITH s ORDER BY s.kind, toLower(s.name), s.id
       WITH collect(s.id) AS ids
       RETURN size(ids) AS total, ids[$offset..$offset + $limit] AS page`,
    { kinds, ...page },
  );
  const record = result.records[0]!;
  return paged(record.get('total') as number, record.get('page') as string[], page);
}

export async function findSentences(
  database: GraphDatabase,
  ids: readonly string[],
): Promise<(SentenceRecord | null)[]> {
  const result = await database.query(
    `MATCH (s:Sentence)-[:IN_DOCUMENT]->(d:Source) WHERE s.id IN $ids
       RETURN s.id AS id, s.index AS index, s.text AS text, d.id AS documentId`,
    { ids },
  );
  const byId = new Map(
    result.records.map((record) => [
      record.get('id') as string,
      record.toObject() as SentenceRecord,
    ]),
  );
  return ids.map((id) => byId.get(id) ?? null);
}

export interface MentionQuery extends Page {
  sourceId: string;
}

/**
 * Entities a source states something about (an entity's sources, a relationship's evidence, a
 * claim's claimant or report), through the MENTIONS links the loader derives from those.
 */
export async function findMentions(
  database: GraphDatabase,
  queries: readonly MentionQuery[],
): Promise<Paged<EntityRecord>[]> {
  const result = await database.query(
    `UNWIND range(0, size($queries) - 1) AS position
       WITH position, $queries[position] AS query
       CALL (query) {
         OPTIONAL MATCH (:Source {id: query.sourceId})-[:MENTIONS]->(e:Entity)
         WITH DISTINCT e ORDER BY toLower(e.name), e.id
         WITH collect(e) AS matches
         RETURN size(matches) AS total, [m IN matches[query.offset..query.offset + query.limit] | properties(m)] AS page
       }
       RETURN position, total, page ORDER BY position`,
    { queries },
  );
  return result.records.map((record, i) =>
    paged(
      record.get('total') as number,
      (record.get('page') as Record<string, unknown>[]).map(toEntityRecord),
      queries[i]!,
    ),
  );
}
