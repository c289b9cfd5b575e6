/** The Pothos schema builder, set up once with its plugins; each schema/<family>.ts adds types to it. */
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import RelayPlugin from '@pothos/plugin-relay';
import { JSONObjectResolver, JSONResolver, LocalDateResolver } from 'graphql-scalars';
import type { GraphDatabase } from '../neo4j/database.js';
import type { CypherLimits } from '../analyst/run-cypher.js';
import type { Loaders } from './loaders.js';
import type { ResponseBudget } from './response-size.js';

export interface Context {
  database: GraphDatabase;
  /** The read-only Cypher field's limits, and whether this request may use it. */
  cypher: { limits: CypherLimits; authorized: boolean };
  /** Per-request batching: one Cypher query per kind of lookup and nesting level. */
  loaders: Loaders;
  /** The bytes the answer may take, counted as it is built (set per operation; see response-size.ts). */
  response?: ResponseBudget;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    LocalDate: { Input: string; Output: string };
    JSON: { Input: unknown; Output: unknown };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
  };
}>({
  plugins: [RelayPlugin, ComplexityPlugin],
  defaultFieldNullability: false,
  // Each field costs 1; a list multiplies the cost of what it selects: a connection by its page
  // size (`first`, 20 when not given; see paging.ts), other lists by the count set on the field,
  // else 10. The operation's cost is counted once, with its variables, before it runs
  // (http/use-cost-limit.ts), not by the plugin's per-field check.
  complexity: { disabled: true, defaultComplexity: 1, defaultListMultiplier: 10 },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    idFieldOptions: {
      description: 'The global id: give it to `node(id:)`; clients may cache by it.',
    },
    nodeTypeOptions: {
      description: 'An object that has a global id and can be fetched with `node(id:)`.',
    },
    pageInfoTypeOptions: { description: 'Where a page stands in its list.' },
    defaultConnectionTypeOptions: { description: 'A page of a list.' },
    defaultEdgeTypeOptions: { description: 'An item of a page, with its cursor.' },
    // The connection's page size already multiplies its edges (paging.ts).
    edgesFieldOptions: {
      description: 'The items of this page.',
      complexity: { field: 1, multiplier: 1 },
    },
    pageInfoFieldOptions: {
      description: 'Whether more pages follow, and the cursors to get them.',
    },
    cursorFieldOptions: { description: 'Pass as `after` to get the items after this one.' },
    nodeFieldOptions: { description: 'The item.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items come before this page.' },
    startCursorFieldOptions: { description: 'The cursor of the first item of the page.' },
    endCursorFieldOptions: {
      description: 'The cursor of the last item: pass it as `after` for the next page.',
    },
    // node and nodes are ours (nodes.ts): the plugin's decode all ids up front, so one
    // malformed id failed the whole list.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

builder.addScalarType('LocalDate', LocalDateResolver, {
  description: 'A calendar day, YYYY-MM-DD.',
});

builder.addScalarType('JSON', JSONResolver, {
  description: 'Any JSON value: a node, a relationship, a list, a number, ...',
});
builder.addScalarType('JSONObject', JSONObjectResolver, {
  description: 'A JSON object, e.g. the named parameters of a Cypher query.',
});

builder.queryType({
  description: 'The entry points for reading the Sahel knowledge graph.',
});

/** The builder's type parameters, for helpers that define fields outside a type's own block. */
export type BuilderTypes =
  typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;
export type FieldBuilder<Parent> = PothosSchemaTypes.ObjectFieldBuilder<BuilderTypes, Parent>;
