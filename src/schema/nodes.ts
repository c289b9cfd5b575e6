/**
 * Relay's `node(id:)` and `nodes(ids:)`. The relay plugin's own versions decode every id before
 * resolving, so one malformed id turned the whole `nodes` answer into null, and an id naming a
 * type that is no node of this API surfaced as an internal error. Here each id is checked on
 * its own: a malformed one is a BAD_USER_INPUT error at its place (its index in the path), and
 * the others load as usual; a well-formed id of nothing is null.
 */
import { decodeGlobalID, resolveNodes } from '@pothos/plugin-relay';
import { isObjectType, type GraphQLResolveInfo } from 'graphql';
import { builder } from './builder.js';
import { badInput, quoted } from './errors.js';

interface GlobalId {
  typename: string;
  id: string;
}

const NOT_A_GLOBAL_ID = 'is not a global id of this API (ids come from the `id` field of a node)';

/** The type and key a global id names, or null unless it names a node type of this API. */
function parseGlobalId(globalId: string, info: GraphQLResolveInfo): GlobalId | null {
  let decoded: GlobalId;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    return null;
  }
  const type = info.schema.getType(decoded.typename);
  const isNode = isObjectType(type) && type.getInterfaces().some((face) => face.name === 'Node');
  return isNode ? decoded : null;
}

builder.queryFields((t) => ({
  node: t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Any node by its global id (the `id` field); null when none has it.',
    args: {
      id: t.arg.id({ required: true, description: 'A global id, from the `id` field of a node.' }),
    },
    resolve: async (_root, { id }, context, info) => {
      const globalId = parseGlobalId(String(id), info);
      if (!globalId) throw badInput('id', `${quoted(String(id))} ${NOT_A_GLOBAL_ID}`);
      const [node] = await resolveNodes(builder, context, info, [globalId]);
      return (await node) as object | null;
    },
  }),
  nodes: t.field({
    type: [builder.nodeInterfaceRef()],
    nullable: { list: false, items: true },
    description:
      'Nodes by their global ids, in the same order: null where none has the id, and null with an error (at its index) where an id is malformed.',
    // What each node selects, once per id.
    complexity: (args) => ({ field: 1, multiplier: Math.max(args.ids.length, 1) }),
    args: {
      ids: t.arg.idList({
        required: true,
        description: 'Global ids, from the `id` fields of nodes.',
      }),
    },
    resolve: async (_root, { ids }, context, info) => {
      const globalIds = ids.map((id) => parseGlobalId(String(id), info));
      const nodes = await resolveNodes(builder, context, info, globalIds);
      // graphql-js reports an Error item as that item's error (path ["nodes", index]) and
      // answers null in its place, leaving the other items be.
      return nodes.map((node, index) =>
        globalIds[index]
          ? (node as object | null)
          : badInput('ids', `item ${index}, ${quoted(String(ids[index]))}, ${NOT_A_GLOBAL_ID}`),
      );
    },
  }),
}));
