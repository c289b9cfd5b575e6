/**
 * Per-request DataLoaders: every lookup of the same kind made while resolving one nesting level
 * of a query goes to Neo4j as one Cypher query. They live here together, with their cache keys,
 * because answers cross kinds: a page of relationships primes the entity and source loaders, a
 * path primes the entity loader.
 */
import DataLoader from 'dataloader';
import type { GraphDatabase } from '../neo4j/database.js';
import { findDistances } from '../store/distances.js';
import { findClaims, findClaimsByIds, type ClaimRequest } from '../store/claims.js';
import { findEntities } from '../store/entities.js';
import type { Paged, SourceRecord } from '../store/records.js';
import {
  findRelations,
  entityRelationsRequest,
  type EntityRelationsRequest,
  type RelationWithEnds,
} from '../store/relations.js';
import { findSourceFacts, type SourceFactsRequest } from '../store/source-facts.js';
import { findMentions, findSentences, findSources, type MentionRequest } from '../store/sources.js';

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(database: GraphDatabase) {
  // A batch waits for the event loop's next turn rather than the next microtask, so that
  // fields of one nesting level that resolve a few promise hops apart still share a query.
  const batch = { batchScheduleFn: (run: () => void) => setImmediate(run) };
  const byKey = { ...batch, cacheKeyFn: (key: object) => JSON.stringify(key) };
  const entity = new DataLoader((ids: readonly string[]) => findEntities(database, ids), batch);
  const source = new DataLoader((ids: readonly string[]) => findSources(database, ids), batch);
  /**
   * Stores relationship pages read along with something else, and what came with them (the
   * other ends, the sources), so that the fields that ask for them next need no query.
   */
  const storeRelations = (
    answers: { request: EntityRelationsRequest; page: Paged<RelationWithEnds> }[],
    sources: SourceRecord[],
  ) => {
    for (const { request, page } of answers) {
      relations.prime(request, page);
      for (const relation of page.items) {
        if (!relation.otherIsBrief) entity.prime(relation.otherId, relation.other);
      }
    }
    for (const item of sources) source.prime(item.id, item);
  };
  const relations: DataLoader<
    EntityRelationsRequest,
    Paged<RelationWithEnds>,
    string
  > = new DataLoader(async (requests: readonly EntityRelationsRequest[]) => {
    const answers = await findRelations(database, requests);
    answers.forEach((answer, i) => {
      const request = requests[i]!;
      if (answer.self) entity.prime(answer.self.id, answer.self);
      storeRelations(
        [
          { request, page: answer.page },
          ...[...answer.next].map(([otherId, page]) => ({
            request: entityRelationsRequest(otherId, request.next!, null),
            page,
          })),
        ],
        answer.sources,
      );
    });
    return answers.map((answer) => answer.page);
  }, byKey);
  return {
    entity,
    source,
    claim: new DataLoader((ids: readonly string[]) => findClaimsByIds(database, ids), batch),
    sentence: new DataLoader((ids: readonly string[]) => findSentences(database, ids), batch),
    relations,
    storeRelations,
    claims: new DataLoader(
      (queries: readonly ClaimRequest[]) => findClaims(database, queries),
      byKey,
    ),
    mentions: new DataLoader(
      (queries: readonly MentionRequest[]) => findMentions(database, queries),
      byKey,
    ),
    sourceFacts: new DataLoader(
      (queries: readonly SourceFactsRequest[]) => findSourceFacts(database, queries),
      byKey,
    ),
    distance: new DataLoader(
      (pairs: readonly { fromId: string; toId: string }[]) => findDistances(database, pairs),
      byKey,
    ),
  };
}

/** A loader of records by id that answers null where none has the id. */
interface RecordLoader<T> {
  load(id: string): Promise<T | null>;
}

/** Loads by id for a Relay node type: null where none has the id (a wrong id is no error). */
export function loadNodes<T>(
  loader: RecordLoader<T>,
  ids: readonly string[],
): Promise<(T | null)[]> {
  return Promise.all(ids.map((id) => loader.load(id)));
}

/**
 * Loads a record that must exist, or throws: its id comes from the graph itself (an edge, a
 * claim), so a missing record is a broken graph, not the client's mistake.
 */
export async function loadOrThrow<T>(loader: RecordLoader<T>, id: string): Promise<T> {
  const value = await loader.load(id);
  if (value === null) throw new Error(`${id} is missing from the graph`);
  return value;
}

/** Loads records that must exist (see loadOrThrow), in the order of their ids. */
export const loadAllOrThrow = <T>(loader: RecordLoader<T>, ids: readonly string[]) =>
  Promise.all(ids.map((id) => loadOrThrow(loader, id)));
