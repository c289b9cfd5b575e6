/**
 * Relationships between entities as GraphQL: each with its type, direction, validity interval
 * and evidence (source, quote, sentence); the generic `relations` connection on every entity,
 * and the helper that typed fields (an organization's leaders, a country's neighbours) use.
 */
import { RELATIONSHIP_TYPES } from '../graph/vocabulary.js';
import type { EvidenceRecord, RelationRecord } from '../store/records.js';
import type { GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import {
  relationQuery,
  type Direction,
  type RelationAsk,
  type RelationQuery,
  type RelationWithEnds,
} from '../store/relations.js';
import { builder, type FieldBuilder } from './builder.js';
import { ConfidenceEnum, PartialDateType } from './common.js';
import { badInput, quotedList } from './errors.js';
import {
  argumentsOf,
  childFields,
  descendantFields,
  selectsOnly,
  type Selection,
} from './lookahead.js';
import {
  connectionComplexity,
  connectionType,
  pageArgs,
  pageFromArgs,
  toConnection,
  type PageArgs,
} from './paging.js';
import { EntityRef, SentenceRef, SourceRef } from './refs.js';
import { loadAllOrThrow, loadOrThrow, type Loaders } from './loaders.js';

export const RelationDirectionEnum = builder.enumType('RelationDirection', {
  description: 'Which way a relationship points from the entity asked about.',
  values: {
    OUTGOING: {
      value: 'OUTGOING',
      description: 'From this entity to the other (Bazoum GOVERNS Niger, from Bazoum).',
    },
    INCOMING: { value: 'INCOMING', description: 'From the other entity to this one.' },
    BOTH: { value: 'BOTH', description: 'Either way.' },
  },
});

export const EvidenceType = builder.objectRef<EvidenceRecord>('Evidence').implement({
  description: 'A source that states a relationship, and the words of the document that show it.',
  fields: (t) => ({
    source: t.field({
      type: SourceRef,
      description: 'Who or what states it.',
      resolve: (evidence, _args, { loaders }) => loadOrThrow(loaders.source, evidence.sourceId),
    }),
    quote: t.exposeString('quote', { description: 'The words of the document, verbatim.' }),
    sentence: t.field({
      type: SentenceRef,
      nullable: true,
      description: 'The sentence of the document that holds the quote.',
      resolve: (evidence, _args, { loaders }) =>
        evidence.sentenceId ? loaders.sentence.load(evidence.sentenceId) : null,
    }),
  }),
});

/** The fields a relationship shows, on a `Relation` and on an edge of a `RelationConnection`. */
function relationFields(t: FieldBuilder<RelationRecord>) {
  return {
    type: t.string({
      description: 'The relationship type, e.g. `LEADS`, `OCCURRED_AT`, `PARTICIPATED_IN`.',
      resolve: (relation) => relation.type,
    }),
    direction: t.field({
      type: RelationDirectionEnum,
      description: 'OUTGOING when this entity is the subject (it LEADS the other), else INCOMING.',
      resolve: (relation) => relation.direction,
    }),
    role: t.string({
      nullable: true,
      description: 'The role, for participation and offices (e.g. "attacker", "President").',
      resolve: (relation) => relation.role,
    }),
    description: t.string({
      nullable: true,
      description: 'Notes on the relationship, e.g. how a link was inferred.',
      resolve: (relation) => relation.description,
    }),
    validFrom: t.field({
      type: PartialDateType,
      nullable: true,
      description: 'When it began to hold, if known.',
      resolve: (relation) => relation.validFrom,
    }),
    validTo: t.field({
      type: PartialDateType,
      nullable: true,
      description: 'When it stopped holding, if it did.',
      resolve: (relation) => relation.validTo,
    }),
    confidence: t.field({
      type: ConfidenceEnum,
      description: 'How well its sources establish it.',
      resolve: (relation) => relation.confidence as 'reported',
    }),
    evidence: t.field({
      type: [EvidenceType],
      description: 'Each source that states it, with its quote and sentence.',
      resolve: (relation) => relation.evidence,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources that state it (the same as `evidence { source }`).',
      resolve: (relation, _args, { loaders }) =>
        loadAllOrThrow(
          loaders.source,
          relation.evidence.map((item) => item.sourceId),
        ),
    }),
  };
}

export const RelationType = builder.objectRef<RelationRecord>('Relation').implement({
  description: 'A relationship of an entity to another, with its evidence and validity.',
  fields: (t) => ({
    ...relationFields(t),
    node: t.field({
      type: EntityRef,
      description: 'The entity at the other end.',
      resolve: (relation, _args, { loaders }) => otherEnd(relation, loaders),
    }),
  }),
});

/** The entity at the other end: as read with the relationship when brief, else whole. */
function otherEnd(relation: RelationRecord, loaders: Loaders) {
  const read = relation as Partial<RelationWithEnds>;
  return read.otherIsBrief ? read.other! : loadOrThrow(loaders.entity, relation.otherId);
}

const RELATION_TYPE_LIST = RELATIONSHIP_TYPES.join(', ');

export function checkRelationshipTypes(
  types: readonly string[] | null | undefined,
): string[] | null {
  if (!types) return null;
  const unknown = types.filter((type) => !(RELATIONSHIP_TYPES as readonly string[]).includes(type));
  if (unknown.length > 0) {
    throw badInput(
      'types',
      `unknown relationship type ${quotedList(unknown)} (known: ${RELATION_TYPE_LIST})`,
    );
  }
  return [...types];
}

interface RelationArgs extends PageArgs {
  types?: readonly string[] | null;
  direction?: Direction | null;
  asOf?: string | null;
}

/**
 * What a query may select of the entity at the other end of a relationship for that entity to
 * be read briefly (id, name and kind): fields that need no more of its record.
 */
const BRIEF_FIELDS = new Set(['__typename', 'id', 'slug', 'name', 'kind', 'relations']);

/** Whether a selection of relationships asks no more of their other ends than brief fields. */
const briefEnds = (selection: Selection, path: readonly string[]) =>
  selectsOnly(
    { fieldNodes: descendantFields(selection, path), fragments: selection.fragments },
    BRIEF_FIELDS,
  );

/** What a `relations` field asks, checked (a bad argument throws its error). */
function relationAsk(args: RelationArgs, selection: Selection): RelationAsk {
  return {
    types: checkRelationshipTypes(args.types),
    direction: args.direction ?? 'BOTH',
    asOf: args.asOf ?? null,
    ...pageFromArgs(args, selection),
    briefEnds: briefEnds(selection, ['edges', 'node']),
  };
}

/**
 * The query a `relations` field of an entity makes: what it asks, and what the `relations`
 * field of the entities on its page will ask (answered along), if the selection has one.
 */
function relationQueryOf(
  entityId: string,
  args: RelationArgs,
  selection: Selection,
  info: GraphQLResolveInfo,
): RelationQuery {
  const [nested] = descendantFields(selection, ['edges', 'node', 'relations']);
  let next: RelationAsk | null = null;
  if (nested) {
    try {
      next = relationAsk(argumentsOf(info, 'Entity', nested), {
        fieldNodes: [nested],
        fragments: info.fragments,
      });
    } catch {
      next = null; // a bad argument: the nested field reports it when it runs
    }
  }
  return relationQuery(entityId, relationAsk(args, selection), next);
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
        const args = argumentsOf(info, 'Entity', node) as RelationArgs;
        await loaders.relations.load(relationQueryOf(entityId, args, selection, info));
      } catch {
        // reported by the field
      }
    }),
  );
}

const RelationConnectionRef = builder.connectionObject(
  {
    type: EntityRef,
    ...connectionType('RelationConnection', 'Relationships of an entity, a page at a time.'),
  },
  {
    name: 'RelationEdge',
    description: 'A relationship: the entity at the other end (`node`) and what links them.',
    fields: (t) => relationFields(t as never),
  },
);

builder.interfaceField(EntityRef, 'relations', (t) =>
  t.field({
    type: RelationConnectionRef,
    complexity: connectionComplexity,
    description:
      "Every relationship of this entity, each edge with its type, direction, validity and sources. Sorted by type, then by the other entity's name.",
    args: {
      types: t.arg.stringList({
        required: false,
        description: `Keep only these types (${RELATION_TYPE_LIST}).`,
      }),
      direction: t.arg({
        type: RelationDirectionEnum,
        defaultValue: 'BOTH',
        description: 'Relationships from this entity, to it, or both.',
      }),
      asOf: t.arg({
        type: 'LocalDate',
        required: false,
        description:
          'Keep only relationships known to hold on this day; those without dates always hold.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (entity, args, { loaders }, info) => {
      const page = pageFromArgs(args, info);
      const result = await loaders.relations.load(relationQueryOf(entity.id, args, info, info));
      const others = await Promise.all(result.items.map((relation) => otherEnd(relation, loaders)));
      return toConnection(
        page,
        {
          ...result,
          items: result.items.map((relation, i) => ({ relation, other: others[i]! })),
        },
        ({ other }) => other,
        ({ relation }) => relation,
      );
    },
  }),
);

/** What a typed relationship field asks (a list: these lists are short). */
const listAsk = (
  types: readonly string[],
  direction: Direction,
  asOf: string | null,
  selection: Selection,
): RelationAsk => ({
  types: [...types],
  direction,
  asOf,
  offset: 0,
  limit: 100,
  counted: false,
  briefEnds: briefEnds(selection, ['node']),
});

/** Marks a typed relationship field in the schema, so that a list above it can read ahead. */
const RELATION_LIST = 'sahelRelationList';

/**
 * A typed relationship field: the relationships of fixed types and direction, optionally as
 * of a day.
 */
export function relationList(
  t: FieldBuilder<{ id: string }>,
  types: readonly string[],
  direction: Direction,
  description: string,
) {
  return t.field({
    type: [RelationType],
    description,
    extensions: { [RELATION_LIST]: { types, direction } },
    args: {
      asOf: t.arg({
        type: 'LocalDate',
        required: false,
        description: 'Only those known to hold on this day.',
      }),
    },
    resolve: async (entity, args, { loaders }, info) =>
      (
        await loaders.relations.load(
          relationQuery(entity.id, listAsk(types, direction, args.asOf ?? null, info), null),
        )
      ).items,
  });
}

/**
 * What the typed relationship fields of `typeName` selected on a list's nodes ask
 * (`edges { node { ... on Event { participants } } }`), to be answered with the list.
 */
export function relationListsAhead(info: GraphQLResolveInfo, typeName: string): RelationAsk[] {
  const type = info.schema.getType(typeName) as GraphQLObjectType;
  const asks: RelationAsk[] = [];
  const nodes = descendantFields(info, ['edges', 'node']);
  for (const [name, field] of Object.entries(type.getFields())) {
    const list = field.extensions[RELATION_LIST] as
      { types: readonly string[]; direction: Direction } | undefined;
    if (!list) continue;
    for (const selected of childFields({ fieldNodes: nodes, fragments: info.fragments }, name)) {
      try {
        const { asOf } = argumentsOf(info, typeName, selected) as { asOf?: string | null };
        const fieldSelection = { fieldNodes: [selected], fragments: info.fragments };
        asks.push(listAsk(list.types, list.direction, asOf ?? null, fieldSelection));
      } catch {
        // a bad argument: the field reports it when it runs
      }
    }
  }
  return asks;
}
