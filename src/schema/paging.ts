/**
 * Relay cursor connections over offset pages: `first` (default 20, at most 100) and `after`,
 * with `totalCount`; a `first` past the cap or a cursor not from this API is an error, and a
 * cursor past the end of the list (the `endCursor` of the last page) gives an empty page.
 */
import type { ArgBuilder } from '@pothos/core';
import { offsetToCursor } from '@pothos/plugin-relay';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../limits.js';
import type { Page, Paged } from '../store/records.js';
import type { BuilderTypes } from './builder.js';
import { badInput, pageSizeError, quoted } from './errors.js';
import { selects, type Selection } from './lookahead.js';

/**
 * The largest offset a cursor may hold: far past any list of the graph, and within the 32-bit
 * list indexes of Cypher (a larger one is no cursor of this API).
 */
const MAX_CURSOR_OFFSET = 1_000_000_000;

/**
 * The cost of a connection field (see builder.ts): what it selects, once per item of its page,
 * `first` items or 20 when `first` is not given. A `first` out of range counts as the largest
 * page: the field refuses it when it runs, with the error that names `first`.
 */
export function connectionComplexity(args: { first?: number | null }) {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  const size =
    Number.isInteger(first) && first >= 0 && first <= MAX_PAGE_SIZE ? first : MAX_PAGE_SIZE;
  // At least once: totalCount and pageInfo are read even for an empty page.
  return { field: 1, multiplier: Math.max(size, 1) };
}

/**
 * The offset after a cursor of this API (`OffsetConnection:<n>`, base64), or undefined for
 * anything else: the text must be exactly what `offsetToCursor` writes.
 */
function offsetAfter(cursor: string): number | undefined {
  const match = /^OffsetConnection:(0|[1-9][0-9]{0,9})$/.exec(
    Buffer.from(cursor, 'base64').toString('utf8'),
  );
  if (!match) return undefined;
  const offset = Number(match[1]);
  if (offset > MAX_CURSOR_OFFSET || offsetToCursor(offset) !== cursor) return undefined;
  return offset + 1;
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * The paging arguments of every connection field, forwards only. Connection fields are plain
 * fields of a connection type with these arguments, not the relay plugin's `t.connection`,
 * which always adds `last` and `before` too: the store reads pages forwards only.
 */
export function pageArgs(arg: ArgBuilder<BuilderTypes>) {
  return {
    first: arg.int({
      required: false,
      description: `How many items to return: 0 to ${MAX_PAGE_SIZE}, ${DEFAULT_PAGE_SIZE} when not given.`,
    }),
    after: arg.string({
      required: false,
      description: 'Return the items after this cursor (an `endCursor` or edge `cursor`).',
    }),
  };
}

/** The page the arguments ask for; counted only when the query selects `totalCount`. */
export function pageFromArgs(args: PageArgs, selection: Selection): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw pageSizeError(first);
  let offset = 0;
  if (args.after != null) {
    const after = offsetAfter(args.after);
    if (after === undefined) {
      throw badInput('after', `${quoted(args.after)} is not a cursor of this connection`);
    }
    offset = after;
  }
  return { offset, limit: first, counted: selects(selection, 'totalCount') };
}

export interface Connection<T, E = object> {
  totalCount: number | null;
  edges: ({ cursor: string; node: T } & E)[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** A page of a store result as a connection; `edge` adds fields to each edge (e.g. a score). */
export function toConnection<T, N, E = object>(
  page: Page,
  paged: Paged<T>,
  node: (item: T) => N,
  edge: (item: T) => E = () => ({}) as E,
): Connection<N, E> {
  const edges = paged.items.map((item, i) => ({
    cursor: offsetToCursor(page.offset + i),
    node: node(item),
    ...edge(item),
  }));
  return {
    totalCount: paged.totalCount,
    edges,
    pageInfo: {
      hasNextPage: paged.hasMore,
      hasPreviousPage: page.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Options of a connection type: its name, and `totalCount` beside `edges` and `pageInfo`. */
export function connectionType(name: string, description: string) {
  return {
    name,
    description,
    fields: (t: PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, object>) => ({
      totalCount: t.int({
        description: 'How many items the whole list holds, across all pages.',
        resolve: (connection) => {
          const { totalCount } = connection as { totalCount: number | null };
          // pageFromArgs counts whenever the query selects totalCount.
          if (totalCount === null) throw new Error('totalCount was selected but not counted');
          return totalCount;
        },
      }),
    }),
  };
}
