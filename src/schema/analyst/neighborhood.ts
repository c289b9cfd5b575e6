/** `neighborhood`: the entities within a few steps of one, and every relationship among them. */
import {
  findNeighborhood,
  MAX_NEIGHBORHOOD_DEPTH,
  type Neighborhood,
} from '../../store/neighborhood.js';
import { builder } from '../builder.js';
import { checkMinSources, MIN_SOURCES_DESCRIPTION } from '../corroboration.js';
import { checkCount } from '../errors.js';
import { loadOrThrow } from '../loaders.js';
import { EntityRef } from '../refs.js';
import { checkRelationshipTypes } from '../enums.js';
import { RelationType } from '../relations.js';
import { withinBounds } from './bounded-cost.js';

const MAX_NEIGHBORHOOD_NODES = 500;

const NeighborhoodNodeType = builder
  .objectRef<{ id: string; distance: number }>('NeighborhoodNode')
  .implement({
    description: 'An entity of a neighbourhood and how many steps it lies from the centre.',
    fields: (t) => ({
      distance: t.exposeInt('distance', { description: 'Steps from the centre (0: the centre).' }),
      node: t.field({
        type: EntityRef,
        description: 'The entity.',
        resolve: (n, _a, { loaders }) => loadOrThrow(loaders.entity, n.id),
      }),
    }),
  });

// Named a link, not an edge: it has no `cursor` or `node`, unlike the edges of connections.
const NeighborhoodLinkType = builder
  .objectRef<Neighborhood['links'][number]>('NeighborhoodLink')
  .implement({
    description:
      'A relationship between two entities of a neighbourhood, for drawing: the slugs of its ends (`source`, `target`) and the relationship itself.',
    fields: (t) => ({
      id: t.string({
        description: "The relationship's stable id.",
        resolve: (link) => link.relation.id,
      }),
      source: t.exposeString('sourceId', { description: 'Slug of the entity it starts at.' }),
      target: t.exposeString('targetId', { description: 'Slug of the entity it points to.' }),
      type: t.string({
        description: 'The relationship type.',
        resolve: (link) => link.relation.type,
      }),
      relation: t.field({
        type: RelationType,
        description: 'The relationship as seen from its `source` end: role, dates, evidence.',
        resolve: (link) => link.relation,
      }),
    }),
  });

const NeighborhoodType = builder.objectRef<Neighborhood>('Neighborhood').implement({
  description: 'The entities around one, and every relationship among them: one payload to draw.',
  fields: (t) => ({
    nodes: t.field({
      type: [NeighborhoodNodeType],
      complexity: { field: 1, multiplier: 1 }, // `neighborhood` counts its nodes
      description: 'The centre first, then by distance and name.',
      resolve: (n) => n.nodes,
    }),
    links: t.field({
      type: [NeighborhoodLinkType],
      complexity: { field: 1, multiplier: 2 }, // about two links per node
      description: 'Every relationship among the nodes.',
      resolve: (n) => n.links,
    }),
    truncated: t.exposeBoolean('truncated', {
      description: 'True when more entities were in reach than `limit`: the nearest were kept.',
    }),
  }),
});

builder.queryField('neighborhood', (t) =>
  t.field({
    type: NeighborhoodType,
    nullable: true,
    description:
      'The entities within a few steps of one, and every relationship among them; null for an unknown slug.',
    args: {
      slug: t.arg.string({ required: true, description: 'Slug of the centre.' }),
      depth: t.arg.int({
        defaultValue: 1,
        description: `Steps out, 1 to ${MAX_NEIGHBORHOOD_DEPTH}.`,
      }),
      types: t.arg.stringList({
        required: false,
        description: 'Only over these relationship types.',
      }),
      minSources: t.arg.int({ required: false, description: MIN_SOURCES_DESCRIPTION }),
      asOf: t.arg({
        type: 'LocalDate',
        required: false,
        description: 'Only relationships known to hold on this day.',
      }),
      limit: t.arg.int({
        defaultValue: 100,
        description: `Most entities besides the centre, up to ${MAX_NEIGHBORHOOD_NODES}.`,
      }),
    },
    // What the neighbourhood selects, once per entity it may hold (its links count twice).
    complexity: (args) => ({
      field: 1,
      multiplier: withinBounds(args.limit ?? 100, 1, MAX_NEIGHBORHOOD_NODES) + 1,
    }),
    resolve: (_root, args, { database }) => {
      const depth = args.depth ?? 1;
      const limit = args.limit ?? 100;
      checkCount('depth', depth, MAX_NEIGHBORHOOD_DEPTH);
      checkCount('limit', limit, MAX_NEIGHBORHOOD_NODES);
      return findNeighborhood(database, {
        slug: args.slug,
        depth,
        types: checkRelationshipTypes(args.types),
        minSources: checkMinSources(args.minSources),
        asOf: args.asOf ?? null,
        limit,
      });
    },
  }),
);
