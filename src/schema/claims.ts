/**
 * Claims: figures and disputable statements, each with who claims it, where it was reported,
 * the quote and its sentence. Claims that disagree stand side by side, never averaged.
 */
import type { ClaimRequest } from '../store/claims.js';
import type { ClaimReportRecord } from '../store/records.js';
import type { GraphQLResolveInfo } from 'graphql';
import { builder, type Context } from './builder.js';
import { CLAIM_QUALIFIERS, CONFIDENCE } from '../graph/vocabulary.js';
import { ClaimQualifierEnum, ConfidenceEnum, enumValue } from './enums.js';
import {
  connectionComplexity,
  connectionType,
  pageArgs,
  pageFromArgs,
  toConnection,
  type PageArgs,
} from './paging.js';
import { ClaimRef, EntityRef, SentenceRef, SourceRef } from './refs.js';
import { loadAllOrThrow, loadNodes, loadOrThrow } from './loaders.js';
import { quotedSourceFields } from './relations.js';

const ClaimEvidenceType = builder.objectRef<ClaimReportRecord>('ClaimEvidence').implement({
  description:
    "A publication that reports a claim, and the words of the document that show it: each document that reports the claim adds its own (the ministry's toll as Reuters reports it, and as AFP does).",
  fields: (t) => ({
    ...quotedSourceFields(t, 'The publication that reports the claim.'),
    sentence: t.field({
      type: SentenceRef,
      description: 'The sentence of the document that holds the quote.',
      resolve: (report, _args, { loaders }) => loadOrThrow(loaders.sentence, report.sentenceId),
    }),
    confidence: t.field({
      type: ConfidenceEnum,
      description: 'UNVERIFIED where this document says so.',
      resolve: (report) => enumValue(CONFIDENCE, report.confidence),
    }),
  }),
});

builder.node(ClaimRef, {
  description:
    'A figure or a statement that a source makes and others may dispute, e.g. "at least 12 soldiers killed" per the defence ministry.',
  id: { resolve: (claim) => claim.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.claim, ids),
  fields: (t) => ({
    slug: t.exposeString('id', { description: 'The stable id of the claim.' }),
    property: t.exposeString('property', {
      description: 'What is claimed, e.g. `soldiers_killed`.',
    }),
    label: t.exposeString('label', { description: 'The same, in words.' }),
    value: t.float({
      nullable: true,
      description: 'The figure; for HUNDREDS and SEVERAL_HUNDRED the lowest the words allow.',
      resolve: (claim) => claim.value,
    }),
    valueText: t.string({
      nullable: true,
      description: 'The claim in words, for claims without a figure.',
      resolve: (c) => c.valueText,
    }),
    qualifier: t.field({
      type: ClaimQualifierEnum,
      description: 'How the figure is qualified: exact, at least, about, ...',
      resolve: (claim) => enumValue(CLAIM_QUALIFIERS, claim.qualifier),
    }),
    unit: t.string({
      nullable: true,
      description: 'What the figure counts, e.g. `soldier`, `km`.',
      resolve: (c) => c.unit,
    }),
    quote: t.exposeString('quote', {
      description: "The words of the first report, verbatim (each report's in `evidence`).",
    }),
    confidence: t.field({
      type: ConfidenceEnum,
      description: 'The firmest its reports give: UNVERIFIED where every one says so.',
      resolve: (claim) => enumValue(CONFIDENCE, claim.confidence),
    }),
    about: t.field({
      type: [EntityRef],
      description: 'The entities the claim is about.',
      resolve: (claim, _args, { loaders }) => loadAllOrThrow(loaders.entity, claim.aboutIds),
    }),
    claimedBy: t.field({
      type: SourceRef,
      description: 'Who claims it (the ministry statement, the officer who spoke to Reuters).',
      resolve: (claim, _args, { loaders }) => loadOrThrow(loaders.source, claim.claimedBy),
    }),
    reportedIn: t.field({
      type: SourceRef,
      description:
        'Where it was reported (the article); the first, when several publications report it (see `reports`).',
      resolve: (claim, _args, { loaders }) => loadOrThrow(loaders.source, claim.reportedIn),
    }),
    reports: t.field({
      type: [SourceRef],
      description:
        "Every publication that reports it, each once: a claim is one per claimant, however many report it (the ministry's toll, reported by Reuters and by AFP); `evidence` has each report's words.",
      resolve: (claim, _args, { loaders }) => loadAllOrThrow(loaders.source, claim.reportedInIds),
    }),
    evidence: t.field({
      type: [ClaimEvidenceType],
      description:
        'Every report of the claim, in seed file order: each publication with the quote and sentence of the document that reports it.',
      resolve: (claim) => claim.reports,
    }),
    sentence: t.field({
      type: SentenceRef,
      description: 'The sentence of the first report that holds its quote.',
      resolve: (claim, _args, { loaders }) => loadOrThrow(loaders.sentence, claim.sentenceId),
    }),
  }),
});

export const ClaimConnectionRef = builder.connectionObject(
  {
    type: ClaimRef,
    ...connectionType('ClaimConnection', 'Claims, a page at a time, by property then value.'),
  },
  { name: 'ClaimEdge' },
);

async function claimConnection(
  args: PageArgs & { properties?: readonly string[] | null },
  query: Pick<ClaimRequest, 'aboutId' | 'sourceId'>,
  { loaders }: Context,
  info: GraphQLResolveInfo,
) {
  const page = pageFromArgs(args, info);
  const result = await loaders.claims.load({
    ...query,
    properties: args.properties ? [...args.properties] : null,
    ...page,
  });
  return toConnection(page, result, (claim) => claim);
}

builder.interfaceField(EntityRef, 'claims', (t) =>
  t.field({
    type: ClaimConnectionRef,
    complexity: connectionComplexity,
    description:
      'Claims about this entity, side by side: e.g. every figure for the soldiers killed, with who claims it.',
    args: {
      properties: t.arg.stringList({
        required: false,
        description: 'Keep only these properties, e.g. ["soldiers_killed"].',
      }),
      ...pageArgs(t.arg),
    },
    resolve: (entity, args, context, info) =>
      claimConnection(args, { aboutId: entity.id, sourceId: null }, context, info),
  }),
);

builder.objectField(SourceRef, 'claims', (t) =>
  t.field({
    type: ClaimConnectionRef,
    complexity: connectionComplexity,
    description: 'Claims this source makes or reports.',
    args: {
      properties: t.arg.stringList({
        required: false,
        description: 'Keep only these properties.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: (source, args, context, info) =>
      claimConnection(args, { aboutId: null, sourceId: source.id }, context, info),
  }),
);

builder.queryFields((t) => ({
  claim: t.field({
    type: ClaimRef,
    nullable: true,
    description: 'A claim by its stable slug; null when there is none.',
    args: { slug: t.arg.string({ required: true, description: 'The stable slug of the claim.' }) },
    resolve: (_root, { slug }, { loaders }) => loaders.claim.load(slug),
  }),
  claims: t.field({
    type: ClaimConnectionRef,
    complexity: connectionComplexity,
    description: 'All claims, or those about one entity or of some properties.',
    args: {
      properties: t.arg.stringList({
        required: false,
        description: 'e.g. ["soldiers_killed", "soldiers_wounded"]',
      }),
      about: t.arg.string({
        required: false,
        description: 'Slug of the entity the claims are about.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: (_root, args, context, info) =>
      claimConnection(args, { aboutId: args.about ?? null, sourceId: null }, context, info),
  }),
}));
