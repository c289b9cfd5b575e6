/** Sources (the article, what it cites, reference works) and the sentences of their documents. */
import type { SourceFact } from '../store/source-facts.js';
import { listSources } from '../store/sources.js';
import { builder } from './builder.js';
import { CONFIDENCE, SOURCE_KINDS } from '../graph/vocabulary.js';
import { PartialDateType } from './dates.js';
import { ConfidenceEnum, enumValue, SourceKindEnum } from './enums.js';
import {
  connectionComplexity,
  connectionType,
  pageArgs,
  pageFromArgs,
  toConnection,
} from './paging.js';
import { EntityConnectionRef, EntityRef, SentenceRef, SourceRef } from './refs.js';
import { loadAllOrThrow, loadNodes, loadOrThrow } from './loaders.js';
import { endsAndRelationFields } from './relations.js';

const FactType = builder.objectRef<SourceFact>('Fact').implement({
  description:
    'A fact between two entities: the relationship from `from` to `to`, with every source that states it.',
  fields: (t) =>
    endsAndRelationFields(t, {
      from: 'The entity it starts at (Bazoum, of Bazoum GOVERNS Niger).',
      to: 'The entity it points to.',
      relation: 'The relationship as seen from `from`: type, role, dates, evidence.',
    }),
});

const FactConnectionRef = builder.connectionObject(
  { type: FactType, ...connectionType('FactConnection', 'Facts, a page at a time.') },
  { name: 'FactEdge' },
);

builder.node(SourceRef, {
  description:
    'Who or what states facts: a news article, a statement or person it cites (the defence ministry, "a senior military officer"), or a reference work.',
  id: { resolve: (source) => source.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.source, ids),
  fields: (t) => ({
    slug: t.exposeString('id', {
      description: 'The stable id, e.g. `niger-defence-ministry-statement-2023-09-28`.',
    }),
    kind: t.field({
      type: SourceKindEnum,
      description: 'What the source is.',
      resolve: (source) => enumValue(SOURCE_KINDS, source.kind),
    }),
    name: t.exposeString('name', { description: 'A name that says what the source is.' }),
    title: t.string({
      nullable: true,
      description: "The document's own title, when it has one.",
      resolve: (s) => s.title,
    }),
    description: t.string({
      nullable: true,
      description: 'What the source says and who it is.',
      resolve: (s) => s.description,
    }),
    date: t.field({
      type: PartialDateType,
      nullable: true,
      description: 'When it was published or made.',
      resolve: (s) => s.date,
    }),
    publisher: t.string({
      nullable: true,
      description: 'Who published it, where known.',
      resolve: (s) => s.publisher,
    }),
    url: t.string({
      nullable: true,
      description: 'Where to read it, where known.',
      resolve: (s) => s.url,
    }),
    confidence: t.field({
      type: ConfidenceEnum,
      description: 'UNVERIFIED where the source itself is of doubtful attribution.',
      resolve: (source) => enumValue(CONFIDENCE, source.confidence),
    }),
    textSha256: t.string({
      nullable: true,
      description:
        'SHA-256 of the document text kept in the repository, for a source whose text the graph holds.',
      resolve: (source) => source.textSha256,
    }),
    citedIn: t.field({
      type: SourceRef,
      nullable: true,
      description: 'The source that cites this one (the article that quotes a statement).',
      resolve: (source, _args, { loaders }) =>
        source.citedInId ? loaders.source.load(source.citedInId) : null,
    }),
    issuedBy: t.field({
      type: EntityRef,
      nullable: true,
      description: 'The entity that issued it or speaks through it (the ministry of a statement).',
      resolve: (source, _args, { loaders }) =>
        source.issuedById ? loaders.entity.load(source.issuedById) : null,
    }),
    spokeTo: t.field({
      type: EntityRef,
      nullable: true,
      description: 'Whom the source spoke to (Reuters, for the officer).',
      resolve: (source, _args, { loaders }) =>
        source.spokeToId ? loaders.entity.load(source.spokeToId) : null,
    }),
    mentions: t.field({
      type: EntityConnectionRef,
      description: 'The entities this source states something about, by name.',
      complexity: connectionComplexity,
      args: pageArgs(t.arg),
      resolve: async (source, args, { loaders }, info) => {
        const page = pageFromArgs(args, info);
        const result = await loaders.mentions.load({ sourceId: source.id, ...page });
        return toConnection(page, result, (entity) => entity);
      },
    }),
    facts: t.field({
      type: FactConnectionRef,
      description:
        'The facts between entities that this source states (it is among their evidence), by type and names.',
      complexity: connectionComplexity,
      args: pageArgs(t.arg),
      resolve: async (source, args, { loaders }, info) => {
        const page = pageFromArgs(args, info);
        const result = await loaders.sourceFacts.load({ sourceId: source.id, ...page });
        return toConnection(page, result, (fact) => fact);
      },
    }),
  }),
});

builder.node(SentenceRef, {
  description: 'A sentence of a source document, which quotes point to.',
  id: { resolve: (sentence) => sentence.id },
  loadMany: (ids, { loaders }) => loadNodes(loaders.sentence, ids),
  fields: (t) => ({
    index: t.exposeInt('index', { description: 'Its position in the document, from 1.' }),
    text: t.exposeString('text', { description: 'The sentence, verbatim.' }),
    document: t.field({
      type: SourceRef,
      description: 'The document it belongs to.',
      resolve: (sentence, _args, { loaders }) => loadOrThrow(loaders.source, sentence.documentId),
    }),
  }),
});

const SourceConnectionRef = builder.connectionObject(
  { type: SourceRef, ...connectionType('SourceConnection', 'Sources, a page at a time.') },
  { name: 'SourceConnectionEdge' },
);

builder.queryFields((t) => ({
  source: t.field({
    type: SourceRef,
    nullable: true,
    description: 'A source by its stable slug; null when there is none.',
    args: {
      slug: t.arg.string({
        required: true,
        description: 'The stable slug, e.g. `article-niger-2023-09-29`.',
      }),
    },
    resolve: (_root, { slug }, { loaders }) => loaders.source.load(slug),
  }),
  sources: t.field({
    type: SourceConnectionRef,
    description: 'All sources, by kind then name.',
    complexity: connectionComplexity,
    args: {
      kinds: t.arg({
        type: [SourceKindEnum],
        required: false,
        description: 'Keep only these kinds.',
      }),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, { loaders, database }, info) => {
      const page = pageFromArgs(args, info);
      const result = await listSources(database, args.kinds ? [...args.kinds] : null, page);
      const sources = await loadAllOrThrow(loaders.source, result.items);
      return toConnection(page, { ...result, items: sources }, (source) => source);
    },
  }),
}));
