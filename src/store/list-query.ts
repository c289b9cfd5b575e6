/**
 * The list statements of entities and events, composed from fixed parts: a list starts from the
 * first filter given that has a start (an index, or the relationships of one node) rather than
 * from every node of the label, keeps the other filters given, and pages. Only the filters given
 * are in the text, so that the planner sees (and caches a plan for) each combination as it is.
 */
import { z } from 'zod';
import { paged, type EntityRecord, type Page, type Paged, type SourceRecord } from './records.js';
import {
  entityRelationsRequest,
  pastEveryPage,
  relationRow,
  relationRows,
  relationsPage,
  someCorroborated,
  sourcesOfRows,
  toRelations,
  withFactKeys,
  type EntityRelationsRequest,
  type RelationRequest,
  type RelationWithEnds,
} from './relations.js';
import { entityRow, optionalCount, sourceRow } from './rows.js';
import { decodeSingle, type Statement } from './statement.js';

/** Where a list may start, per filter in order of preference, and where it starts without one. */
export type ListStarts<F> = Partial<Record<keyof F, string>> & { all: string };
/** The condition each filter puts on the entity `e`. */
export type ListConditions<F> = Record<keyof F, string>;
/**
 * Per filter that names something which must exist (the place of `near`), the condition that
 * it does: the answer says which of those given do not hold, so that one statement both lists
 * and tells an empty list from a filter naming nothing.
 */
export type ListPremises<F> = Partial<Record<keyof F, string>>;

export interface ListRequest<F extends object> {
  starts: ListStarts<F>;
  conditions: ListConditions<F>;
  premises: ListPremises<F>;
  filter: F;
  /** The ORDER BY expressions over `e`. */
  order: string;
  page: Page;
  /** The relationships to read of every entity on the page, answered with it. */
  along: RelationRequest[];
}

export interface Listed {
  list: Paged<EntityRecord>;
  /** The filters given whose premise does not hold (see `ListPremises`). */
  unmet: string[];
  /** The sources of the relationships asked along. */
  sources: SourceRecord[];
  /** The relationships asked along, by the request that would ask for them. */
  along: { request: EntityRelationsRequest; page: Paged<RelationWithEnds> }[];
}

function listText<F extends object>(request: ListRequest<F>) {
  const { starts, conditions, premises, filter, order, page, along } = request;
  const given = (Object.keys(conditions) as (keyof F)[]).filter((key) => filter[key] != null);
  const start = (Object.keys(starts) as (keyof F)[]).find((key) => given.includes(key));
  const kept = given.filter((key) => key !== start).map((key) => conditions[key]);
  const unmet = given
    .filter((key) => premises[key] !== undefined)
    .map((key) => `CASE WHEN ${premises[key]} THEN null ELSE '${String(key)}' END`);
  return [
    start === undefined ? starts.all : starts[start],
    kept.length > 0 ? `WITH e WHERE ${kept.join('\n AND ')}` : '',
    pageOf(
      order,
      page.counted,
      unmet.length > 0 ? `[premise IN [${unmet.join(', ')}] WHERE premise IS NOT NULL]` : '[]',
      someCorroborated(along),
    ),
  ].join('\n');
}

/**
 * The page of `e`, in order, with the number of all matches when the page asks for it, and
 * the relationships `$along` asks of each entity on it (what a typed relationship field below
 * the list will ask), as `{id, request, total, page}` with `request` the position in `$along`;
 * and `unmet`, the filters whose premise does not hold.
 */
const pageOf = (order: string, counted: boolean, unmet: string, corroborated: boolean) => `
  ${
    counted
      ? `WITH e ORDER BY ${order}
         WITH collect(e) AS matches
         WITH size(matches) AS total, matches[$offset..$offset + $limit] AS page`
      : // collect first: an aggregation grouped by a key (even a constant) over no rows
        // gives no row at all, and the page past the last one must still answer.
        `WITH e ORDER BY ${order} SKIP toInteger($offset) LIMIT toInteger($limit) + 1
         WITH collect(e) AS page
         WITH null AS total, page`
  }
  CALL (page) {
    UNWIND page[0..toInteger($limit)] AS o
    UNWIND range(0, size($along) - 1) AS position
    WITH o, position, $along[position] AS along
    CALL (o, along) { ${relationsPage('o', 'along', '$alongEnd', 'alongTotal', 'alongPage', corroborated)} }
    RETURN collect({id: o.id, request: position, total: alongTotal,
                    page: [m IN alongPage | ${relationRow('m', 'o', 'along')}]}) AS along
  }
  RETURN total, [n IN page | properties(n)] AS page, along, ${unmet} AS unmet,
         ${sourcesOfRows('[answer IN along WHERE $along[answer.request].readSources | answer.page]')} AS sources`;

const listAnswer = z.object({
  total: optionalCount,
  unmet: z.array(z.string()),
  page: z.array(entityRow),
  along: z.array(
    z.object({ id: z.string(), request: z.number(), total: optionalCount, page: relationRows }),
  ),
  sources: z.array(sourceRow),
});

export function listStatement<F extends object>(request: ListRequest<F>): Statement<Listed> {
  const { filter, page, along } = request;
  return {
    text: listText(request),
    parameters: {
      ...filter,
      ...page,
      along: along.map(withFactKeys),
      alongEnd: pastEveryPage(along),
    },
    decode: (records) => {
      const answer = decodeSingle(listAnswer, records);
      return {
        sources: answer.sources,
        unmet: answer.unmet,
        list: paged(answer.total, answer.page, page),
        along: answer.along.map((answered) => {
          const asked = along[answered.request]!;
          return {
            request: entityRelationsRequest(answered.id, asked, null),
            page: paged(answered.total, toRelations(answered.page, asked), asked),
          };
        }),
      };
    },
  };
}
