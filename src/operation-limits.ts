/**
 * Limits on each GraphQL operation, with graphql-armor: depth, aliases (`__typename` aliases
 * counted too), directives, tokens and estimated cost. GraphiQL's introspection is deeper and
 * costlier than any real query, so a real `__schema` field is exempt from depth and cost; the
 * pinned graphql-armor exempts only that field (older versions also skipped anything named
 * `__schema`, a known bypass), and a test keeps it so. Each refusal is a GraphQL error
 * whose code names the limit and whose `limit` is its value. Field suggestions are hidden in
 * production, where they would describe the schema to a stranger.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { Kind, visit, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { MAX_PAGE_SIZE, pageSizeError } from './schema/paging.js';

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
    costLimit: {
      maxCost: limits.maxCost,
      ignoreIntrospection: true,
      ...refusal('COST_LIMIT_EXCEEDED', limits.maxCost),
    },
    blockFieldSuggestion: { enabled: production },
  });
  return [usePageSizeCheck(), ...(armor.protect().plugins as Plugin[])];
}

/**
 * A literal `first` past the page cap is the client's mistake, and named as such, before the
 * cost limit (which multiplies by `first`) would call it an expensive query. Variables are
 * checked when the field resolves (schema/paging.ts).
 */
function usePageSizeCheck(): Plugin {
  return {
    onValidate({ params, setResult }) {
      let wrong: number | undefined;
      visit(params.documentAST, {
        Argument(node) {
          if (node.name.value !== 'first' || node.value.kind !== Kind.INT) return;
          const first = Number(node.value.value);
          if (first < 0 || first > MAX_PAGE_SIZE) wrong = first;
        },
      });
      if (wrong !== undefined) {
        setResult([pageSizeError(wrong)]);
      }
    },
  };
}
