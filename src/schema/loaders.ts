/**
 * Per-request DataLoaders: every lookup of the same kind made while resolving one nesting level
 * of a query goes to Neo4j as one Cypher query.
 */
import DataLoader from 'dataloader';
import type { GraphDatabase } from '../neo4j/database.js';
import { findDistances } from '../store/analysis.js';
import { findClaims, findClaimsByIds, type ClaimQuery } from '../store/claims.js';
import { findEntities } from '../store/entities.js';
import type { Paged } from '../store/records.js';
import {
  findRelations,
  relationQuery,
  type RelationQuery,
  type RelationWithEnds,
} from '../store/relations.js';
import { findMentions, findSentences, findSources, type MentionQuery } from '../store/sources.js';

export type Loaders = ReturnType<typeof createLoaders>;

export function createLoaders(database: GraphDatabase) {
  // A batch waits for the event loop's next turn rather than the next microtask, so that
  // fields of one nesting level that resolve a few promise hops apart still share a query.
  const batch = { batchScheduleFn: (run: () => void) => setImmediate(run) };
  const byKey = { ...batch, cacheKeyFn: (key: object) => JSON.stringify(key) };
  const entity = new DataLoader((ids: readonly string[]) => findEntities(database, ids), batch);
  const source = new DataLoader((ids: readonly string[]) => findSources(database, ids), batch);
  const relations: DataLoader<RelationQuery, Paged<RelationWithEnds>, string> = new DataLoader(
    async (queries: readonly RelationQuery[]) => {
      const answers = await findRelations(database, queries);
      // What came along (the entity itself, the other ends, the sources, the next level's
      // relationships) is stored, so that the fields that ask for it next need no query.
      answers.forEach((answer, i) => {
        if (answer.self) entity.prime(answer.self.id, answer.self);
        const next = queries[i]!.next;
        for (const [otherId, page] of answer.next) {
          relations.prime(relationQuery(otherId, next!, null), page);
        }
        for (const relation of [answer.page, ...answer.next.values()].flatMap((p) => p.items)) {
          entity.prime(relation.otherId, relation.other);
          for (const item of relation.sources) source.prime(item.id, item);
        }
      });
      return answers.map((answer) => answer.page);
    },
    byKey,
  );
  return {
    entity,
    source,
    claim: new DataLoader((ids: readonly string[]) => findClaimsByIds(database, ids), batch),
    sentence: new DataLoader((ids: readonly string[]) => findSentences(database, ids), batch),
    relations,
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
