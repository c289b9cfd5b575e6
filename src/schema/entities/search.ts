/** `search`: entities by the words of their names and aliases, best match first (Neo4j full-text). */
import { searchEntities, searchWords } from '../../store/search.js';
import { builder } from '../builder.js';
import { EntityKindEnum } from '../enums.js';
import { badInput, checkLength } from '../errors.js';
import {
  connectionComplexity,
  connectionType,
  pageArgs,
  pageFromArgs,
  toConnection,
} from '../paging.js';
import { EntityRef } from '../refs.js';

/** Longest `search` query, and most words: each word is three clauses of the full-text query. */
const MAX_SEARCH_LENGTH = 200;
const MAX_SEARCH_WORDS = 10;

/** A search query: not empty, and no longer than a name needs. */
function checkSearchQuery(query: string): void {
  checkLength('query', query, MAX_SEARCH_LENGTH);
  if (query.trim().length === 0) throw badInput('query', 'must not be empty');
  const words = searchWords(query).length;
  if (words > MAX_SEARCH_WORDS) {
    throw badInput('query', `at most ${MAX_SEARCH_WORDS} words (got ${words})`, {
      limit: MAX_SEARCH_WORDS,
    });
  }
}

const SearchConnectionRef = builder.connectionObject(
  { type: EntityRef, ...connectionType('SearchConnection', 'Search results, best first.') },
  {
    name: 'SearchEdge',
    fields: (t) => ({
      score: t.float({
        description: 'How well the entity matches; higher is better.',
        resolve: (edge) => (edge as unknown as { score: number }).score,
      }),
    }),
  },
);

builder.queryField('search', (t) =>
  t.field({
    type: SearchConnectionRef,
    complexity: connectionComplexity,
    description:
      'Full-text search over names and aliases, best match first; tolerant of case, accents and small typos ("tillaberi", "Bazum", "Tiani").',
    args: {
      query: t.arg.string({
        required: true,
        description: `Words of a name or alias, e.g. "Tiani" or "the junta": at most ${MAX_SEARCH_LENGTH} characters and ${MAX_SEARCH_WORDS} words.`,
      }),
      kinds: t.arg({
        type: [EntityKindEnum],
        required: false,
        description: 'Keep only these kinds.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, { database }, info) => {
      checkSearchQuery(args.query);
      const page = pageFromArgs(args, info);
      const hits = await searchEntities(
        database,
        args.query,
        args.kinds ? [...args.kinds] : null,
        page,
      );
      return toConnection(
        page,
        hits,
        (hit) => hit.entity,
        (hit) => ({ score: hit.score }),
      );
    },
  }),
);
