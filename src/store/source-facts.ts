/**
 * The facts a source supports: the relationships between entities whose evidence names it. They
 * are found from the entities the source mentions (MENTIONS, which the loader derives from the
 * same evidence), so a source's facts cost a look at its entities, not at every relationship.
 */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import type { Page } from './records.js';
import { decodeRelationship } from './rows.js';
import { pagePerRequest, run } from './statement.js';
import type { PathStep } from './paths.js';

export interface SourceFactsRequest extends Page {
  sourceId: string;
}

/** A fact as a step from one entity to another (the way it points). */
export type SourceFact = PathStep;

const factRow = z
  .object({ props: z.unknown(), type: z.unknown(), from: z.string(), to: z.string() })
  .transform((row): SourceFact => ({
    fromId: row.from,
    toId: row.to,
    relation: decodeRelationship(
      { props: row.props, type: row.type, direction: 'OUTGOING', otherId: row.to },
      true,
    ),
  }));

export const sourceFactsStatement = (requests: readonly SourceFactsRequest[]) =>
  pagePerRequest(
    requests,
    `CALL (request) {
       OPTIONAL MATCH (:Source {id: request.sourceId})-[:MENTIONS]->(a:Entity)-[r]->(b:Entity)
       WHERE request.sourceId IN r.sourceIds
       // Several files may derive the same MENTIONS link: each fact once.
       WITH DISTINCT a, r, b ORDER BY type(r), toLower(a.name), toLower(b.name), r.id
       WITH collect(CASE WHEN r IS NULL THEN null
                         ELSE {props: properties(r), type: type(r), from: a.id, to: b.id} END)
            AS matches
       RETURN size(matches) AS total, matches[request.offset..request.offset + request.limit] AS page
     }
     RETURN position, total, page`,
    factRow,
  );

export const findSourceFacts = (database: GraphDatabase, requests: readonly SourceFactsRequest[]) =>
  run(database, sourceFactsStatement(requests));
