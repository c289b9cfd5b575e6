/**
 * Limits on each GraphQL operation. With graphql-armor, on the document: depth, aliases
 * (`__typename` aliases counted too), directives and tokens. GraphiQL's introspection is deeper
 * than any real query, so a real `__schema` field is exempt from depth; the pinned graphql-armor
 * exempts only that field (older versions also skipped anything named `__schema`, a known
 * bypass), and a test keeps it so. Before those, a literal `first` past the page cap
 * (use-page-size-check.ts). Then, as the operation runs: its cost, counted with its variables
 * and the defaults of the arguments it leaves out (use-cost-limit.ts: Pothos's complexity
 * plugin; a connection multiplies what it selects by its `first`, 20 when not given), and the
 * size of its answer, counted as it is built (use-response-size-limit.ts). Each refusal is a
 * GraphQL error whose code names the limit and whose `limit` is its value, beside the counted
 * value. Field suggestions are hidden in production, where they would describe the schema to a
 * stranger.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.js';
import { useCostLimit } from './use-cost-limit.js';
import { usePageSizeCheck } from './use-page-size-check.js';
import { useResponseSizeLimit } from './use-response-size-limit.js';

export function useOperationLimits(limits: Config['limits'], production: boolean): Plugin[] {
  const refusal = (code: string, limit: number) => ({
    exposeLimits: true,
    onReject: [
      (_context: unknown, error: GraphQLError) => {
        Object.assign(error.extensions, { code, limit });
      },
    ],
  });
  const armor = new EnvelopArmor({
    maxDepth: {
      n: limits.maxDepth,
      ignoreIntrospection: true,
      flattenFragments: false,
      ...refusal('MAX_DEPTH_EXCEEDED', limits.maxDepth),
    },
    maxAliases: {
      n: limits.maxAliases,
      allowList: [],
      ...refusal('MAX_ALIASES_EXCEEDED', limits.maxAliases),
    },
    maxDirectives: {
      n: limits.maxDirectives,
      ...refusal('MAX_DIRECTIVES_EXCEEDED', limits.maxDirectives),
    },
    maxTokens: { n: limits.maxTokens, ...refusal('MAX_TOKENS_EXCEEDED', limits.maxTokens) },
    // armor's cost sees only a literal `first`: the cost is counted below, with the variables.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  });
  return [
    usePageSizeCheck(),
    ...(armor.protect().plugins as Plugin[]),
    useCostLimit(limits.maxCost),
    useResponseSizeLimit(limits.maxResponseBytes) as Plugin,
  ];
}
