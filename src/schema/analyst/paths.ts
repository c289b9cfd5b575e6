/** `path`: the shortest paths between two entities over facts, step by step. */
import {
  findShortestPaths,
  MAX_PATH_LENGTH,
  type FoundPath,
  type PathStep,
} from '../../store/paths.js';
import { builder } from '../builder.js';
import { checkMinSources, MIN_SOURCES_DESCRIPTION } from '../corroboration.js';
import { checkCount, unknownSlug } from '../errors.js';
import { descendantFields } from '../lookahead.js';
import { EntityRef } from '../refs.js';
import { checkRelationshipTypes } from '../enums.js';
import { endsAndRelationFields } from '../relations.js';
import { briefEntities } from '../relation-lookahead.js';
import { withinBounds } from './bounded-cost.js';

const MAX_PATHS = 50;

const PathStepType = builder.objectRef<PathStep>('PathStep').implement({
  description: 'One step of a path: from an entity, over a relationship, to the next.',
  fields: (t) =>
    endsAndRelationFields(t, {
      from: 'Where the step starts.',
      to: 'Where the step ends.',
      relation: 'The relationship, as seen from `from`: OUTGOING when it points along the path.',
    }),
});

const GraphPathType = builder.objectRef<FoundPath>('GraphPath').implement({
  description:
    "A path between two entities over facts, with each step's relationship, time and sources.",
  fields: (t) => ({
    length: t.int({ description: 'How many steps.', resolve: (path) => path.length }),
    nodes: t.field({
      type: [EntityRef],
      description: 'The entities along the path, in order.',
      resolve: (path) => path.nodes,
    }),
    steps: t.field({
      type: [PathStepType],
      description: 'The steps, in order.',
      resolve: (path) => path.steps,
    }),
  }),
});

const PathResultType = builder
  .objectRef<{ paths: FoundPath[]; truncated: boolean }>('PathResult')
  .implement({
    description: 'The shortest paths found.',
    fields: (t) => ({
      paths: t.field({
        type: [GraphPathType],
        complexity: { field: 1, multiplier: 1 }, // `path` counts its paths
        description: 'The shortest paths, all of the same length; none when unconnected.',
        resolve: (r) => r.paths,
      }),
      truncated: t.exposeBoolean('truncated', {
        description: 'True when more shortest paths exist than `first`.',
      }),
    }),
  });

builder.queryField('path', (t) =>
  t.field({
    type: PathResultType,
    description:
      'The shortest paths between two entities over facts ("How is France connected to JNIM?").',
    args: {
      from: t.arg.string({ required: true, description: 'Slug of the first entity.' }),
      to: t.arg.string({ required: true, description: 'Slug of the second entity.' }),
      maxLength: t.arg.int({
        defaultValue: 4,
        description: `Longest path to look for, 1 to ${MAX_PATH_LENGTH}.`,
      }),
      types: t.arg.stringList({
        required: false,
        description: 'Only over these relationship types.',
      }),
      minSources: t.arg.int({ required: false, description: MIN_SOURCES_DESCRIPTION }),
      first: t.arg.int({
        defaultValue: 5,
        description: `How many paths at most, 1 to ${MAX_PATHS}.`,
      }),
    },
    // What each path selects, once per path asked for.
    complexity: (args) => ({ field: 1, multiplier: withinBounds(args.first ?? 5, 1, MAX_PATHS) }),
    resolve: async (_root, args, { database, loaders }, info) => {
      const maxLength = args.maxLength ?? 4;
      const first = args.first ?? 5;
      checkCount('maxLength', maxLength, MAX_PATH_LENGTH);
      checkCount('first', first, MAX_PATHS);
      // From an entity to itself: the path of no steps (Neo4j's shortest paths need two nodes).
      if (args.from === args.to) {
        const entity = await loaders.entity.load(args.from);
        if (!entity) throw unknownSlug('from', args.from);
        checkRelationshipTypes(args.types);
        checkMinSources(args.minSources);
        const path = { length: 0, nodeIds: [entity.id], nodes: [entity], steps: [] };
        return { paths: [path], truncated: false };
      }
      // The steps' ends are loaded by id, from the entities along when these are read whole.
      const briefNodes =
        briefEntities(info, ['paths', 'nodes']) &&
        descendantFields(info, ['paths', 'steps', 'from']).length === 0 &&
        descendantFields(info, ['paths', 'steps', 'to']).length === 0;
      const paths = await findShortestPaths(database, {
        from: args.from,
        to: args.to,
        maxLength,
        types: checkRelationshipTypes(args.types),
        minSources: checkMinSources(args.minSources),
        limit: first + 1,
        withSteps: descendantFields(info, ['paths', 'steps']).length > 0,
        briefNodes,
      });
      if (!briefNodes) {
        for (const node of paths.flatMap((path) => path.nodes)) loaders.entity.prime(node.id, node);
      }
      // No path: say so only if both ends exist (a path proves they do).
      if (paths.length === 0) {
        const [from, to] = await loaders.entity.loadMany([args.from, args.to]);
        if (!from) throw unknownSlug('from', args.from);
        if (!to) throw unknownSlug('to', args.to);
      }
      return { paths: paths.slice(0, first), truncated: paths.length > first };
    },
  }),
);
