/** `graphStats`: what the graph holds, counted by label and relationship type. */
import {
  readGraphStats,
  type GraphStats,
  type LabelCount,
  type RelationshipTypeCount,
} from '../store/graph-stats.js';
import { builder } from './builder.js';
import { readAhead, selects } from './lookahead.js';

const LabelCountType = builder.objectRef<LabelCount>('LabelCount').implement({
  description: 'How many nodes carry one label.',
  fields: (t) => ({
    label: t.exposeString('label', { description: 'The node label, e.g. `Person` or `Event`.' }),
    count: t.exposeInt('count', { description: 'Nodes with this label.' }),
  }),
});

const RelationshipTypeCountType = builder
  .objectRef<RelationshipTypeCount>('RelationshipTypeCount')
  .implement({
    description: 'How many relationships have one type.',
    fields: (t) => ({
      type: t.exposeString('type', { description: 'The relationship type, e.g. `LEADS`.' }),
      count: t.exposeInt('count', { description: 'Relationships of this type.' }),
    }),
  });

const GraphStatsType = builder.objectRef<GraphStats>('GraphStats').implement({
  description: 'Counts of the nodes and relationships in the graph, read live from Neo4j.',
  fields: (t) => ({
    nodeCount: t.exposeInt('nodeCount', { description: 'All nodes in the graph.' }),
    relationshipCount: t.exposeInt('relationshipCount', {
      description: 'All relationships in the graph.',
    }),
    labels: t.field({
      type: [LabelCountType],
      resolve: (stats) => readAhead(stats.labels, 'graphStats.labels'),
      description: 'Node counts per label, in label order; labels with no nodes are left out.',
    }),
    relationshipTypes: t.field({
      type: [RelationshipTypeCountType],
      resolve: (stats) => readAhead(stats.relationshipTypes, 'graphStats.relationshipTypes'),
      description: 'Relationship counts per type, in type order.',
    }),
  }),
});

builder.queryField('graphStats', (t) =>
  t.field({
    type: GraphStatsType,
    description: 'How many nodes and relationships the graph holds, by label and by type.',
    resolve: (_root, _args, { database }, info) =>
      readGraphStats(database, {
        labels: selects(info, 'labels'),
        relationshipTypes: selects(info, 'relationshipTypes'),
      }),
  }),
);
