/**
 * Relationships between entities as GraphQL: each with its type, direction, validity interval
 * and evidence (source, quote, sentence), and the generic `relations` connection on every
 * entity. The typed lists (an organization's `leaders`) are entities/kinds.ts's.
 */
import { CONFIDENCE, RELATIONSHIP_TYPES } from '../graph/vocabulary.js';
import { dateRange, type StatedDate } from '../graph/date-range.js';
import type { EvidenceRecord, PartialDateRecord, RelationRecord } from '../store/records.js';
import type { PathStep } from '../store/paths.js';
import type { RelationWithEnds } from '../store/relations.js';
import { builder, type FieldBuilder } from './builder.js';
import { MIN_SOURCES_DESCRIPTION } from './corroboration.js';
import { PartialDateType } from './dates.js';
import { ConfidenceEnum, enumValue } from './enums.js';
import { loadAllOrThrow, loadOrThrow, type Loaders } from './loaders.js';
import {
  connectionComplexity,
  connectionType,
  pageArgs,
  pageFromArgs,
  toConnection,
} from './paging.js';
import { EntityRef, SentenceRef, SourceRef } from './refs.js';
import { relationsFieldRequest } from './relation-lookahead.js';
import { readAhead } from './lookahead.js';

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

/** The source and the document's words: what a relationship's and a claim's evidence share. */
export function quotedSourceFields<T extends { sourceId: string; quote: string }>(
  t: FieldBuilder<T>,
  sourceDescription: string,
) {
  return {
    source: t.field({
      type: SourceRef,
      description: sourceDescription,
      resolve: (evidence, _args, { loaders }) => loadOrThrow(loaders.source, evidence.sourceId),
    }),
    quote: t.string({
      description: 'The words of the document, verbatim.',
      resolve: (evidence) => evidence.quote,
    }),
  };
}

export const EvidenceType = builder.objectRef<EvidenceRecord>('Evidence').implement({
  description:
    'A source that states a relationship, and the words of the document that show it: its quote, its sentence, and the dates as it gives them.',
  fields: (t) => ({
    ...quotedSourceFields(t, 'Who or what states it.'),
    sentence: t.field({
      type: SentenceRef,
      nullable: true,
      description: 'The sentence of the document that holds the quote.',
      resolve: (evidence, _args, { loaders }) =>
        evidence.sentenceId ? loaders.sentence.load(evidence.sentenceId) : null,
    }),
    validFrom: t.field({
      type: PartialDateType,
      nullable: true,
      description:
        'When it began to hold, as this document says it ("in July" is 2023-07); the relationship carries the most precise of its evidence.',
      resolve: (evidence) => statedDate(evidence.validFrom),
    }),
    validTo: t.field({
      type: PartialDateType,
      nullable: true,
      description: 'When it stopped holding, as this document says it.',
      resolve: (evidence) => statedDate(evidence.validTo),
    }),
  }),
});

/** A date as a document states it, as the interval it stands for. */
function statedDate(date: StatedDate | null): PartialDateRecord | null {
  if (!date) return null;
  const { start, end, precision, phrase } = dateRange(date);
  return { earliest: start, latest: end, precision, phrase: phrase ?? null };
}

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
      resolve: (relation) => enumValue(CONFIDENCE, relation.confidence),
    }),
    evidence: t.field({
      type: [EvidenceType],
      description:
        'Each source that states it, with its quote, sentence and its own words for the dates: every document that states the fact, in one relationship.',
      resolve: (relation) => readAhead(relation.evidence, `the evidence of ${relation.id}`),
    }),
    sourceCount: t.int({
      description: 'How many distinct sources state it.',
      resolve: (relation) => relation.sourceCount,
    }),
    sources: t.field({
      type: [SourceRef],
      description: 'The sources that state it (the same as `evidence { source }`).',
      resolve: (relation, _args, { loaders }) => loadAllOrThrow(loaders.source, relation.sourceIds),
    }),
  };
}

export const RelationType = builder.objectRef<RelationRecord>('Relation').implement({
  description:
    'A relationship of an entity to another: one fact, however many documents state it, with the evidence of each and the most precise validity they give.',
  fields: (t) => ({
    ...relationFields(t),
    node: t.field({
      type: EntityRef,
      description: 'The entity at the other end.',
      resolve: (relation, _args, { loaders }) => otherEnd(relation, loaders),
    }),
  }),
});

/**
 * The fields of a relationship between two given ends (a path's step, a source's fact): the
 * entities `from` and `to`, and the relationship as seen from `from`; `says` describes each.
 */
export function endsAndRelationFields(
  t: FieldBuilder<PathStep>,
  says: { from: string; to: string; relation: string },
) {
  return {
    from: t.field({
      type: EntityRef,
      description: says.from,
      resolve: (step, _a, { loaders }) => loadOrThrow(loaders.entity, step.fromId),
    }),
    to: t.field({
      type: EntityRef,
      description: says.to,
      resolve: (step, _a, { loaders }) => loadOrThrow(loaders.entity, step.toId),
    }),
    relation: t.field({
      type: RelationType,
      description: says.relation,
      resolve: (step) => step.relation,
    }),
  };
}

/** The entity at the other end: as read with the relationship when brief, else whole. */
function otherEnd(relation: RelationRecord, loaders: Loaders) {
  const read = relation as Partial<RelationWithEnds>;
  return read.otherIsBrief ? read.other! : loadOrThrow(loaders.entity, relation.otherId);
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
        description: `Keep only these types (${RELATIONSHIP_TYPES.join(', ')}).`,
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
      minSources: t.arg.int({ required: false, description: MIN_SOURCES_DESCRIPTION }),
      ...pageArgs(t.arg),
    },
    resolve: async (entity, args, { loaders }, info) => {
      const page = pageFromArgs(args, info);
      const result = await loaders.relations.load(
        relationsFieldRequest(entity.id, args, info, info),
      );
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
