/**
 * The typed relationships of entities, for many entities at once (one statement per batch of
 * requests), each with its sources, quotes and validity interval; and, when asked, the same
 * question about the entity at the other end of each, answered along (a nested `relations`
 * field then costs no query of its own).
 */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { RELATIONSHIP_DATE_PROPERTIES } from '../graph/vocabulary.js';
import { EVIDENCE_PROPERTIES } from './fact-properties.js';
import {
  forEachRequest,
  holdsOn,
  propertyValues,
  sourcesWithIds,
  statedByAtLeast,
} from './fragments.js';
import { datePropertyNames } from './properties.js';
import {
  paged,
  type EntityRecord,
  type Page,
  type Paged,
  type RelationRecord,
  type SourceRecord,
} from './records.js';
import {
  briefEntityRow,
  direction,
  entityRow,
  optionalCount,
  decodeRelationship,
  sourceRow,
} from './rows.js';
import { decode, decodeRecords, run, type Statement } from './statement.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** What is asked of an entity's relationships: which ones, and which page of them. */
export interface RelationRequest extends Page {
  /** Relationship types to keep; null keeps all. */
  types: string[] | null;
  direction: Direction;
  /** Keep relationships known to hold on this day (YYYY-MM-DD); null keeps all. */
  asOf: string | null;
  /** Keep facts stated by at least this many independent sources; null (or absent) keeps all. */
  minSources?: number | null;
  /**
   * Read the entities at the other ends as id, name and kind only: all that the request asks
   * of them (most of a node's cost is reading its properties).
   */
  briefEnds: boolean;
  /**
   * Read each source's words (quotes, sentences, dates: the `evidence`), most of a
   * relationship's bytes. A relationship is otherwise read as its id, role, confidence and
   * source ids, with what the two next flags add.
   */
  readEvidence: boolean;
  /** Read the fact's validity interval (`validFrom`, `validTo`). */
  readDates: boolean;
  /** Read the fact's description. */
  readDescription: boolean;
  /** Read the records of the sources that state the relationships, along with them. */
  readSources: boolean;
}

/** A relation request about one entity, and the request to answer along about each other end. */
export interface EntityRelationsRequest extends RelationRequest {
  entityId: string;
  /** The request to answer along about each entity at the other end of the page; or null. */
  next: RelationRequest | null;
}

/** A relation request with its fields in one order (see `entityRelationsRequest`). */
const inKeyOrder = (request: RelationRequest): RelationRequest => ({
  types: request.types,
  direction: request.direction,
  asOf: request.asOf,
  minSources: request.minSources ?? null,
  offset: request.offset,
  limit: request.limit,
  counted: request.counted,
  briefEnds: request.briefEnds,
  readEvidence: request.readEvidence,
  readDates: request.readDates,
  readDescription: request.readDescription,
  readSources: request.readSources,
});

/**
 * An entity's relation request, its fields always in one order: it is also a cache key (as
 * JSON), and the key a nested field asks with must equal the key its answer was stored under.
 */
export const entityRelationsRequest = (
  entityId: string,
  request: RelationRequest,
  next: RelationRequest | null,
): EntityRelationsRequest =>
  Object.assign({ entityId }, inKeyOrder(request), { next: next && inKeyOrder(next) });

/** A relationship with the entity at its other end: whole, or brief (id, name and kind). */
export type RelationWithEnds = RelationRecord & { other: EntityRecord; otherIsBrief: boolean };

export interface RelationAnswer {
  /** The entity asked about; null when there is none. */
  self: EntityRecord | null;
  /** The sources of the relationships on the page and on the next level's pages. */
  sources: SourceRecord[];
  page: Paged<RelationWithEnds>;
  /** For a request with `next`: the answer to it per entity at the other end. */
  next: Map<string, Paged<RelationWithEnds>>;
}

/**
 * The relationships of `node` that `request` (a map with a RelationRequest's fields) keeps. The
 * corroboration test is in the text only when `corroborated` (some request of the statement asks
 * for `minSources`): the planner evaluates it for every relationship, even where it is not asked.
 */
const relationsOf = (
  node: string,
  request: string,
  corroborated: boolean,
) => `(${node})-[r]-(other:Entity)
    WHERE (${request}.types IS NULL OR type(r) IN ${request}.types)
      AND (${request}.direction = 'BOTH'
           OR (${request}.direction = 'OUTGOING' AND startNode(r) = ${node})
           OR (${request}.direction = 'INCOMING' AND endNode(r) = ${node}))
      AND (${request}.asOf IS NULL OR ${holdsOn('r', `${request}.asOf`)})
      ${corroborated ? `AND ${statedByAtLeast('r', `${request}.minSources`)}` : ''}`;

/**
 * The page of `node`'s relationships that `request` asks for, as `total` (null unless counted)
 * and `page` (of `{r, other}`, from the offset, up to one past the page). `end` names a
 * parameter at or past every request's offset + limit + 1: a limit must be a constant, and with
 * one the planner keeps only the top rows instead of sorting all of a hub's relationships.
 */
export const relationsPage = (
  node: string,
  request: string,
  end: string,
  total: string,
  page: string,
  corroborated: boolean,
) => `
    OPTIONAL MATCH ${relationsOf(node, request, corroborated)}
    WITH r, other ORDER BY type(r), toLower(other.name), r.id LIMIT toInteger(${end})
    WITH collect(CASE WHEN r IS NULL THEN null ELSE {r: r, other: other} END) AS matches
    RETURN CASE WHEN ${request}.counted THEN COUNT { MATCH ${relationsOf(node, request, corroborated)} } END AS ${total},
           matches[${request}.offset..] AS ${page}`;

/** Whether some of these requests keep only facts stated by enough sources. */
export const someCorroborated = (requests: readonly (RelationRequest | null)[]) =>
  requests.some((request) => (request?.minSources ?? null) !== null);

/** A limit past every request's page (see `relationsPage`). */
export const pastEveryPage = (requests: readonly (RelationRequest | null)[]) =>
  Math.max(1, ...requests.map((request) => (request ? request.offset + request.limit + 1 : 0)));

/** The relationship properties that `request` reads (see `RelationRequest.readEvidence`). */
export const factKeys = (request: RelationRequest): string[] => [
  'id',
  'role',
  'confidence',
  ...(request.readDescription ? ['description'] : []),
  ...(request.readDates ? RELATIONSHIP_DATE_PROPERTIES.flatMap(datePropertyNames) : []),
  ...(request.readEvidence ? EVIDENCE_PROPERTIES : []),
];

/** A request as a statement's parameter: with the relationship properties it reads. */
export const withFactKeys = <R extends RelationRequest>(request: R) => ({
  ...request,
  factKeys: factKeys(request),
});

/**
 * A page item `m` of `node`, read out as `request` (a parameter made by `withFactKeys`) says:
 * the relationship's properties as a list in the order of its `factKeys`, and the other end
 * whole or brief.
 */
export const relationRow = (m: string, node: string, request: string) => `{
      values: ${propertyValues(`${m}.r`, `${request}.factKeys`)},
      sourceIds: ${m}.r.sourceIds,
      type: type(${m}.r), otherId: ${m}.other.id,
      other: CASE WHEN ${request}.briefEnds
                  THEN {id: ${m}.other.id, name: ${m}.other.name, kind: ${m}.other.kind}
                  ELSE properties(${m}.other) END,
      direction: CASE WHEN startNode(${m}.r) = ${node} THEN 'OUTGOING' ELSE 'INCOMING' END
    }`;

/** The sources of the relationships in a list of row lists, each read once. */
export const sourcesOfRows = (rowLists: string) =>
  sourcesWithIds(
    `reduce(ids = [], rows IN ${rowLists} | ids + reduce(x = [], row IN rows | x + coalesce(row.sourceIds, [])))`,
  );

/** What `relationRow` reads, before the request says which properties and how the other end. */
export const relationRows = z.array(
  z.object({
    values: z.array(z.unknown()),
    sourceIds: z.unknown(),
    type: z.unknown(),
    otherId: z.unknown(),
    direction,
    other: z.unknown(),
  }),
);
export type RelationRow = z.output<typeof relationRows>[number];

/** The rows of a page of `relationRow`, decoded as `request` asked for them. */
export function toRelations(rows: RelationRow[], request: RelationRequest): RelationWithEnds[] {
  const keys = factKeys(request);
  // Properties are added, not spread (`{...record, other}`): on Node 20 that is some 50 times
  // slower, and this runs for every relationship of every page.
  return rows.map(({ values, sourceIds, type, otherId, direction, other }) => {
    const props: Record<string, unknown> = { sourceIds };
    keys.forEach((key, i) => (props[key] = values[i]));
    const relation = decodeRelationship(
      { props, type, otherId, direction },
      request.readEvidence,
    ) as RelationWithEnds;
    relation.other = decode(request.briefEnds ? briefEntityRow : entityRow, other);
    relation.otherIsBrief = request.briefEnds;
    return relation;
  });
}

/** A relation request's answer along a page: the page of each entity at its other ends. */
export const answersAlong = z.array(
  z.object({ otherId: z.string(), total: optionalCount, page: relationRows }),
);

const relationsText = (corroborated: boolean) =>
  forEachRequest(`
  OPTIONAL MATCH (e:Entity {id: request.entityId})
  CALL (e, request) { ${relationsPage('e', 'request', '$end', 'total', 'page', corroborated)} }
  CALL (page, request) {
    UNWIND CASE WHEN request.next IS NULL THEN [] ELSE page[0..request.limit] END AS item
    WITH DISTINCT item.other AS o, request.next AS next
    CALL (o, next) { ${relationsPage('o', 'next', '$nextEnd', 'nextTotal', 'nextPage', corroborated)} }
    RETURN collect({otherId: o.id, total: nextTotal, page: [m IN nextPage | ${relationRow('m', 'o', 'next')}]}) AS next
  }
  WITH position, e, request, total, [m IN page | ${relationRow('m', 'e', 'request')}] AS page, next
  RETURN position, properties(e) AS self, total, page, next,
         ${sourcesOfRows(
           `[rows IN [page] WHERE request.readSources]
            + [answer IN next WHERE request.next.readSources | answer.page]`,
         )} AS sources`);
/** By whether some request (or its next level) asks for corroborated facts. */
const RELATIONS_TEXTS = { plain: relationsText(false), corroborated: relationsText(true) };

const relationsAnswer = z.object({
  self: z.unknown(),
  total: optionalCount,
  page: relationRows,
  next: answersAlong,
  sources: z.array(sourceRow),
});

export function relationsStatement(
  requests: readonly EntityRelationsRequest[],
): Statement<RelationAnswer[]> {
  return {
    text: someCorroborated([...requests, ...requests.map((request) => request.next)])
      ? RELATIONS_TEXTS.corroborated
      : RELATIONS_TEXTS.plain,
    parameters: {
      requests: requests.map((request) => ({
        ...withFactKeys(request),
        next: request.next && withFactKeys(request.next),
      })),
      end: pastEveryPage(requests),
      nextEnd: pastEveryPage(requests.map((request) => request.next)),
    },
    decode: (records) =>
      decodeRecords(relationsAnswer, records).map((answer, i) => {
        const request = requests[i]!;
        return {
          self: answer.self === null ? null : decode(entityRow, answer.self),
          sources: answer.sources,
          page: paged(answer.total, toRelations(answer.page, request), request),
          next: new Map(
            answer.next.map((along) => [
              along.otherId,
              paged(along.total, toRelations(along.page, request.next!), request.next!),
            ]),
          ),
        };
      }),
  };
}

export const findRelations = (
  database: GraphDatabase,
  requests: readonly EntityRelationsRequest[],
): Promise<RelationAnswer[]> => run(database, relationsStatement(requests));
