/**
 * Per-request DataLoaders: every lookup of the same kind made while resolving one nesting level
 * of a query goes to Neo4j as one Cypher query.
 */
import DataLoader from 'dataloader';
import type { GraphDatabase } from '../neo4j/database.js';
import { findDistances } from '../store/analysis.js';
import { findClaims, findClaimsByIds, type ClaimQuery } from '../store/claims.js';
import { findEntities } from '../store/entities.js';
import { findRelations, type RelationQuery } from '../store/relations.js';
import { findMentions, findSentences, findSources, type MentionQuery } from '../store/sources.js';

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(database: GraphDatabase) {
  const byKey = { cacheKeyFn: (key: object) => JSON.stringify(key) };
  return {
    entity: new DataLoader((ids: readonly string[]) => findEntities(database, ids)),
    source: new DataLoader((ids: readonly string[]) => findSources(database, ids)),
    claim: new DataLoader((ids: readonly string[]) => findClaimsByIds(database, ids)),
    sentence: new DataLoader((ids: readonly string[]) => findSentences(database, ids)),
    relations: new DataLoader(
      (queries: readonly RelationQuery[]) => findRelations(database, queries),
      byKey,
    ),
    claims: new DataLoader(
      (queries: readonly ClaimQuery[]) => findClaims(database, queries),
      byKey,
    ),
    mentions: new DataLoader(
      (queries: readonly MentionQuery[]) => findMentions(database, queries),
      byKey,
    ),
    distance: new DataLoader(
      (pairs: readonly { fromId: string; toId: string }[]) => findDistances(database, pairs),
      byKey,
    ),
  };
}
