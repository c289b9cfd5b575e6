/**
 * Reading ahead for relationships: from a query's selection (lookahead.ts), the relation
 * requests that the fields below will make, so that they are made once, with what is above them
 * (an entity looked up by slug, a page of events, the entities on a page of relationships).
 */
import { checkMinSources } from './corroboration.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { RelationshipType } from '../graph/vocabulary.js';
import {
  entityRelationsRequest,
  type Direction,
  type RelationRequest,
  type EntityRelationsRequest,
} from '../store/relations.js';
import { checkRelationshipTypes } from './enums.js';
import type { Loaders } from './loaders.js';
import {
  argumentsOf,
  childFields,
  descendantFields,
  selectsOnly,
  type Selection,
} from './lookahead.js';
import { pageFromArgs, type PageArgs } from './paging.js';

/** The arguments of an entity's `relations` field. */
export interface RelationsArgs extends PageArgs {
  types?: readonly string[] | null;
  direction?: Direction | null;
  asOf?: string | null;
  minSources?: number | null;
}

/** A typed relationship list (an organization's `leaders`): fixed types and direction. */
export interface RelationList {
  types: readonly RelationshipType[];
  direction: Direction;
}

/**
 * What a query may select of the entity at the other end of a relationship for that entity to
 * be read briefly (id, name and kind): fields that need no more of its record.
 */
const BRIEF_FIELDS = new Set(['__typename', 'id', 'slug', 'name', 'kind', 'relations']);

/** Whether a selection asks no more of the entities at a path below it than brief fields. */
export const briefEntities = (selection: Selection, path: readonly string[]) =>
  selectsOnly(
    { fieldNodes: descendantFields(selection, path), fragments: selection.fragments },
    BRIEF_FIELDS,
  );

/**
 * What a selection of relationships (the fields at `path`) asks to read beyond their id, role,
 * confidence and source ids: each source's words (`evidence`), the validity interval, the
 * description, and the sources' records (`sources`, or `evidence { source }`).
 */
function relationReads(selection: Selection, path: readonly string[]) {
  const selected = (...names: string[]) =>
    descendantFields(selection, [...path, ...names]).length > 0;
  return {
    readEvidence: selected('evidence'),
    readDates: selected('validFrom') || selected('validTo'),
    readDescription: selected('description'),
    readSources: selected('sources') || selected('evidence', 'source'),
  };
}

/** What a `relations` field asks, checked (a bad argument throws its error). */
function checkedRelationRequest(args: RelationsArgs, selection: Selection): RelationRequest {
  return {
    types: checkRelationshipTypes(args.types),
    direction: args.direction ?? 'BOTH',
    asOf: args.asOf ?? null,
    minSources: checkMinSources(args.minSources),
    ...pageFromArgs(args, selection),
    briefEnds: briefEntities(selection, ['edges', 'node']),
    ...relationReads(selection, ['edges']),
  };
}

/**
 * The request a `relations` field of an entity makes: what it asks, and what the `relations`
 * field of the entities on its page will ask (answered along), if the selection has one.
 */
export function relationsFieldRequest(
  entityId: string,
  args: RelationsArgs,
  selection: Selection,
  info: GraphQLResolveInfo,
): EntityRelationsRequest {
  const [nested] = descendantFields(selection, ['edges', 'node', 'relations']);
  let next: RelationRequest | null = null;
  if (nested) {
    try {
      next = checkedRelationRequest(argumentsOf(info, 'Entity', nested), {
        fieldNodes: [nested],
        fragments: info.fragments,
      });
    } catch {
      next = null; // a bad argument: the nested field reports it when it runs
    }
  }
  return entityRelationsRequest(entityId, checkedRelationRequest(args, selection), next);
}

/**
 * Loads the relationships a selection of an entity asks for while the entity is looked up by
 * its slug: the entity comes along with them, so both take one query. Problems are left to the
 * fields themselves to report.
 */
export async function prefetchRelations(
  entityId: string,
  info: GraphQLResolveInfo,
  loaders: Loaders,
): Promise<void> {
  await Promise.all(
    childFields(info, 'relations').map(async (node) => {
      try {
        const selection = { fieldNodes: [node], fragments: info.fragments };
        const args = argumentsOf(info, 'Entity', node) as RelationsArgs;
        await loaders.relations.load(relationsFieldRequest(entityId, args, selection, info));
      } catch {
        // reported by the field
      }
    }),
  );
}

/** What a typed relationship list asks (all of it: these lists are short). */
export const relationListRequest = (
  { types, direction }: RelationList,
  asOf: string | null,
  selection: Selection,
): RelationRequest => ({
  types: [...types],
  direction,
  asOf,
  offset: 0,
  limit: 100,
  counted: false,
  briefEnds: briefEntities(selection, ['node']),
  ...relationReads(selection, []),
});

/**
 * What the typed relationship lists of `typeName` (`lists`, by field name) selected on a list's
 * nodes ask (`edges { node { ... on Event { participants } } }`), to be answered with the list.
 */
export function relationListsAhead(
  info: GraphQLResolveInfo,
  typeName: string,
  lists: Readonly<Record<string, RelationList>>,
): RelationRequest[] {
  const requests: RelationRequest[] = [];
  const nodes = descendantFields(info, ['edges', 'node']);
  for (const [name, list] of Object.entries(lists)) {
    for (const selected of childFields({ fieldNodes: nodes, fragments: info.fragments }, name)) {
      try {
        const { asOf } = argumentsOf(info, typeName, selected) as { asOf?: string | null };
        const fieldSelection = { fieldNodes: [selected], fragments: info.fragments };
        requests.push(relationListRequest(list, asOf ?? null, fieldSelection));
      } catch {
        // a bad argument: the field reports it when it runs
      }
    }
  }
  return requests;
}
