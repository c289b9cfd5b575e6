/**
 * Analysts' fields: read-only Cypher (the same checks as POST /cypher), shortest paths,
 * neighbourhoods, distances between places and casualty aggregations.
 */
import { GraphQLError } from 'graphql';
import { CypherRefusal } from '../analyst/cypher-refusal.js';
import { runAnalystCypher, type CypherResult } from '../analyst/run-cypher.js';
import {
  aggregateCasualties,
  findNeighborhood,
  findShortestPaths,
  MAX_NEIGHBORHOOD_DEPTH,
  MAX_PATH_LENGTH,
  type CasualtyBucket,
  type DistanceRecord,
  type FoundPath,
  type Neighborhood,
  type PathStep,
} from '../store/analysis.js';
import { builder } from './builder.js';
import { checkDateRange, dateRangeArgs } from './common.js';
import { badInput, limitExceeded, quoted } from './errors.js';
import { eventPage } from './entities.js';
import { descendantFields } from './lookahead.js';
import { connectionComplexity, pageArgs, pageFromArgs, toConnection } from './paging.js';
import { ClaimRef, EntityRef, EventConnectionRef, KindRefs } from './refs.js';
import { loadAllOrThrow, loadOrThrow } from './loaders.js';
import { checkRelationshipTypes, RelationType } from './relations.js';

const MAX_NEIGHBORHOOD_NODES = 500;
const MAX_PATHS = 50;

/** A number brought within bounds, for cost estimates (the field itself refuses it when out). */
const within = (value: number, lowest: number, highest: number) =>
  Number.isInteger(value) ? Math.min(Math.max(value, lowest), highest) : highest;

const CypherTruncationType = builder.enumType('CypherTruncation', {
  description: 'Which limit cut the answer of a Cypher query.',
  values: {
    ROWS: { value: 'rows', description: 'The row limit (CYPHER_MAX_ROWS).' },
    BYTES: { value: 'bytes', description: 'The size limit of the rows (CYPHER_MAX_BYTES).' },
  } as const,
});

const CypherResultType = builder.objectRef<CypherResult>('CypherResult').implement({
  description: 'The answer of a read-only Cypher query.',
  fields: (t) => ({
    columns: t.exposeStringList('columns', { description: 'The names of the returned columns.' }),
    rows: t.field({
      type: ['JSON'],
      description:
        'One list of values per row; nodes and relationships with ids, labels or type and properties.',
      resolve: (result) => result.rows,
    }),
    truncated: t.exposeBoolean('truncated', {
      description:
        'True when the answer was cut at the row limit (CYPHER_MAX_ROWS) or the size limit of its rows (CYPHER_MAX_BYTES): the rest were not read.',
    }),
    truncatedBy: t.field({
      type: CypherTruncationType,
      nullable: true,
      description: 'Which limit cut the answer; null when it is whole.',
      resolve: (result) => result.truncatedBy,
    }),
  }),
});

builder.queryField('cypher', (t) =>
  t.field({
    type: CypherResultType,
    description:
      'Runs a read-only Cypher query: writes, schema changes, LOAD CSV, other databases, procedures off a short allowlist, cartesian products and unbounded paths are refused, and under the analyst login Neo4j itself allows nothing but reading; a time limit, a row limit and a size limit apply. Also POST /cypher.',
    args: {
      query: t.arg.string({
        required: true,
        description: 'The Cypher query, e.g. "MATCH (c:Country) RETURN c.name".',
      }),
      params: t.arg({
        type: 'JSONObject',
        required: false,
        description: 'Named parameters, e.g. {"slug": "niger"}.',
      }),
    },
    resolve: async (_root, args, { database, cypher }) => {
      try {
        if (cypher.limits.enabled === false) {
          throw new CypherRefusal(
            'FORBIDDEN',
            "analysts' Cypher is turned off on this server (CYPHER_ENABLED=false)",
            403,
          );
        }
        if (!cypher.authorized) {
          throw new CypherRefusal(
            'UNAUTHORIZED',
            'send the CYPHER_TOKEN as "Authorization: Bearer <token>"',
            401,
          );
        }
        return await runAnalystCypher(database, args.query, args.params ?? {}, cypher.limits);
      } catch (error) {
        if (!(error instanceof CypherRefusal)) throw error;
        throw new GraphQLError(error.message, {
          extensions: { code: error.code, argumentName: 'query' },
        });
      }
    },
  }),
);

const PathStepType = builder.objectRef<PathStep>('PathStep').implement({
  description: 'One step of a path: from an entity, over a relationship, to the next.',
  fields: (t) => ({
    from: t.field({
      type: EntityRef,
      description: 'Where the step starts.',
      resolve: (step, _a, { loaders }) => loadOrThrow(loaders.entity, step.fromId),
    }),
    to: t.field({
      type: EntityRef,
      description: 'Where the step ends.',
      resolve: (step, _a, { loaders }) => loadOrThrow(loaders.entity, step.toId),
    }),
    relation: t.field({
      type: RelationType,
      description: 'The relationship, as seen from `from`: OUTGOING when it points along the path.',
      resolve: (step) => step.relation,
    }),
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
      resolve: (path, _args, { loaders }) => loadAllOrThrow(loaders.entity, path.nodeIds),
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

const DistanceType = builder.objectRef<DistanceRecord>('Distance').implement({
  description:
    'The distance between two places computed from their coordinates, beside what sources state.',
  fields: (t) => ({
    computedKm: t.float({
      nullable: true,
      description:
        'Great-circle distance between the two points, in km; null when a place has no coordinates.',
      resolve: (distance) =>
        distance.meters === null ? null : Math.round(distance.meters / 100) / 10,
    }),
    precisionKm: t.float({
      nullable: true,
      description: "How far off the computed distance may be: the two places' precisions added.",
      resolve: (distance) => distance.precisionKm,
    }),
    statedClaims: t.field({
      type: [ClaimRef],
      description: 'Distances between the two places that sources state ("around 190 kilometers").',
      resolve: (distance, _args, { loaders }) => loadAllOrThrow(loaders.claim, distance.claimIds),
    }),
  }),
});

builder.objectField(KindRefs.Place, 'distanceTo', (t) =>
  t.field({
    type: DistanceType,
    description: 'How far this place is from another, computed and as stated by sources.',
    args: {
      place: t.arg.string({
        required: true,
        description: 'Slug of the other place, e.g. `niamey`.',
      }),
    },
    resolve: (place, args, { loaders }) =>
      loaders.distance.load({ fromId: place.id, toId: args.place }),
  }),
);

const CasualtyGroupingEnum = builder.enumType('CasualtyGrouping', {
  description: 'How to group casualty figures.',
  values: {
    MONTH: {
      description:
        'By the month of the event (events known only to the year form their own bucket).',
    },
    REGION: {
      description: 'By the administrative region the event took place in, else its country.',
    },
    ACTOR: {
      description: 'By the attacker or perpetrator taking part in the event, else "unattributed".',
    },
  },
});

const CasualtyBucketType = builder.objectRef<CasualtyBucket>('CasualtyBucket').implement({
  description:
    'Casualty figures of one bucket. Sources disagree, so each event counts with its lowest and its highest claimed figure; `bestEstimate` takes the lowest, as conflict-event datasets do (the most conservative credible figure).',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'The month (YYYY-MM), region or actor.' }),
    eventCount: t.int({
      description: 'Events with a claimed figure.',
      resolve: (bucket) => bucket.events.length,
    }),
    events: t.field({
      type: [EntityRef],
      description: 'Those events.',
      resolve: (bucket, _args, { loaders }) => loadAllOrThrow(loaders.entity, bucket.events),
    }),
    lowest: t.exposeFloat('lowest', {
      description: "The sum of each event's lowest claimed figure.",
    }),
    highest: t.exposeFloat('highest', {
      description: "The sum of each event's highest claimed figure.",
    }),
    bestEstimate: t.float({
      description: 'The documented best estimate: the lowest credible figure.',
      resolve: (bucket) => bucket.lowest,
    }),
    sourceCount: t.int({
      description: 'How many distinct sources claim figures.',
      resolve: (bucket) => bucket.sourceIds.length,
    }),
    claims: t.field({
      type: [ClaimRef],
      description: 'Every claim counted.',
      resolve: (bucket, _args, { loaders }) => loadAllOrThrow(loaders.claim, bucket.claimIds),
    }),
  }),
});

builder.queryFields((t) => ({
  timeline: t.field({
    type: EventConnectionRef,
    complexity: connectionComplexity,
    description:
      'The events an entity is linked to (or that happened in a place), oldest first. An event known only to the month or year sorts by its first possible day and says so in `date.precision`.',
    args: {
      entity: t.arg.string({
        required: true,
        description: 'Slug of the entity, e.g. `cnsp` or `niger`.',
      }),
      ...dateRangeArgs(t.arg),
      ...pageArgs(t.arg),
    },
    resolve: async (_root, args, context, info) => {
      const page = pageFromArgs(args, info);
      checkDateRange(args);
      const filter = {
        types: null,
        from: args.from ?? null,
        to: args.to ?? null,
        place: null,
        participant: null,
        involving: args.entity,
        near: null,
      };
      const list = await eventPage(context, info, filter, 'DATE_ASC', page);
      // No events: say so only if the entity exists (an event proves it does).
      if (list.items.length === 0 && !(await context.loaders.entity.load(args.entity)))
        throw badInput('entity', `no entity has the slug ${quoted(args.entity)}`);
      return toConnection(page, list, (event) => event);
    },
  }),
  path: t.field({
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
      first: t.arg.int({
        defaultValue: 5,
        description: `How many paths at most, 1 to ${MAX_PATHS}.`,
      }),
    },
    // What each path selects, once per path asked for.
    complexity: (args) => ({ field: 1, multiplier: within(args.first ?? 5, 1, MAX_PATHS) }),
    resolve: async (_root, args, { database, loaders }, info) => {
      const maxLength = args.maxLength ?? 4;
      const first = args.first ?? 5;
      if (maxLength < 1) throw badInput('maxLength', 'must be at least 1');
      if (maxLength > MAX_PATH_LENGTH) throw limitExceeded('maxLength', MAX_PATH_LENGTH, maxLength);
      if (first < 1) throw badInput('first', 'must be at least 1');
      if (first > MAX_PATHS) throw limitExceeded('first', MAX_PATHS, first);
      // From an entity to itself: the path of no steps (Neo4j's shortest paths need two nodes).
      if (args.from === args.to) {
        const entity = await loaders.entity.load(args.from);
        if (!entity) throw badInput('from', `no entity has the slug ${quoted(args.from)}`);
        checkRelationshipTypes(args.types);
        const path = { length: 0, nodeIds: [entity.id], nodes: [entity], steps: [] };
        return { paths: [path], truncated: false };
      }
      const paths = await findShortestPaths(database, {
        from: args.from,
        to: args.to,
        maxLength,
        types: checkRelationshipTypes(args.types),
        limit: first + 1,
        withSteps: descendantFields(info, ['paths', 'steps']).length > 0,
      });
      for (const node of paths.flatMap((path) => path.nodes)) loaders.entity.prime(node.id, node);
      // No path: say so only if both ends exist (a path proves they do).
      if (paths.length === 0) {
        const [from, to] = await loaders.entity.loadMany([args.from, args.to]);
        if (!from) throw badInput('from', `no entity has the slug ${quoted(args.from)}`);
        if (!to) throw badInput('to', `no entity has the slug ${quoted(args.to)}`);
      }
      return { paths: paths.slice(0, first), truncated: paths.length > first };
    },
  }),
  neighborhood: t.field({
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
      multiplier: within(args.limit ?? 100, 1, MAX_NEIGHBORHOOD_NODES) + 1,
    }),
    resolve: (_root, args, { database }) => {
      const depth = args.depth ?? 1;
      const limit = args.limit ?? 100;
      if (depth < 1) throw badInput('depth', 'must be at least 1');
      if (depth > MAX_NEIGHBORHOOD_DEPTH)
        throw limitExceeded('depth', MAX_NEIGHBORHOOD_DEPTH, depth);
      if (limit < 1) throw badInput('limit', 'must be at least 1');
      if (limit > MAX_NEIGHBORHOOD_NODES)
        throw limitExceeded('limit', MAX_NEIGHBORHOOD_NODES, limit);
      return findNeighborhood(database, {
        slug: args.slug,
        depth,
        types: checkRelationshipTypes(args.types),
        asOf: args.asOf ?? null,
        limit,
      });
    },
  }),
  casualtyStatistics: t.field({
    type: [CasualtyBucketType],
    description:
      'Claimed casualty figures summed by month, region or actor, with the lowest and highest figure and the number of sources.',
    args: {
      groupBy: t.arg({ type: CasualtyGroupingEnum, required: true, description: 'How to group.' }),
      property: t.arg.string({
        defaultValue: 'soldiers_killed',
        description: 'The claimed property, e.g. soldiers_killed or soldiers_wounded.',
      }),
      ...dateRangeArgs(t.arg),
    },
    resolve: (_root, args, { database }) => {
      checkDateRange(args);
      return aggregateCasualties(database, {
        property: args.property ?? 'soldiers_killed',
        grouping: args.groupBy,
        from: args.from ?? null,
        to: args.to ?? null,
      });
    },
  }),
}));
