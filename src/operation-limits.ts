/**
 * Limits on each GraphQL operation. With graphql-armor, on the document: depth, aliases
 * (`__typename` aliases counted too), directives and tokens. GraphiQL's introspection is deeper
 * than any real query, so a real `__schema` field is exempt from depth; the pinned graphql-armor
 * exempts only that field (older versions also skipped anything named `__schema`, a known
 * bypass), and a test keeps it so. Then, as the operation runs: its cost, counted with its
 * variables and the defaults of the arguments it leaves out (Pothos's complexity plugin; a
 * connection multiplies what it selects by its `first`, 20 when not given), and the size of its
 * answer, counted as it is built (schema/response-size.ts). Each refusal is a GraphQL error
 * whose code names the limit and whose `limit` is its value, beside the counted value. Field
 * suggestions are hidden in production, where they would describe the schema to a stranger.
 */
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  visit,
  type DefinitionNode,
  type DocumentNode,
  type ExecutionResult,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from './config.js';
import { MAX_PAGE_SIZE, pageSizeError } from './schema/paging.js';
import { ResponseBudget } from './schema/response-size.js';

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

/**
 * Counts the cost of the operation about to run, with the values of its variables and the
 * defaults of omitted arguments, and refuses it past the limit before anything runs. Every
 * field costs 1, and a list multiplies the cost of what it selects (schema/builder.ts).
 * Introspection fields (`__schema`, `__type`) cost 1: the schema is small and fixed.
 */
function useCostLimit(maxCost: number): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      if (!operation) return; // execution reports it
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const coerced = getVariableValues(
        args.schema,
        operation.variableDefinitions ?? [],
        variables,
      );
      if (coerced.errors) return; // execution reports the wrong variables, with their names
      // Only this operation, with the fragments: the plugin counts the document's first one.
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: args.document.definitions.filter(
          (definition: DefinitionNode) =>
            definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION,
        ),
      };
      const { complexity } = complexityFromQuery(document, {
        schema: args.schema,
        variables,
        ctx: args.contextValue as object,
      });
      if (complexity > maxCost) {
        setResultAndStopExecution({
          errors: [
            new GraphQLError(
              `The operation's cost is ${complexity}, over the limit of ${maxCost} (GRAPHQL_MAX_COST). Each field costs 1, and a connection multiplies what it selects by its page size (\`first\`, 20 when not given): ask for smaller pages or nest fewer lists.`,
              {
                extensions: {
                  code: 'COST_LIMIT_EXCEEDED',
                  limit: maxCost,
                  cost: complexity,
                  // Refused before it ran, as the other limits: a request error.
                  http: { status: 400 },
                },
              },
            ),
          ],
        });
      }
    },
  };
}

/**
 * Caps the size of an answer: counted as it is built (schema/response-size.ts), which stops
 * the operation once past the limit; an answer that comes near the limit is measured as JSON.
 * Past the limit, the answer is one RESPONSE_TOO_LARGE error instead.
 */
function useResponseSizeLimit(maxBytes: number): Plugin<{ response?: ResponseBudget }> {
  return {
    onExecute({ extendContext }) {
      const budget = new ResponseBudget(maxBytes);
      extendContext({ response: budget });
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return; // no streamed answers here
          let measured: number | undefined;
          if (!budget.exceeded && budget.bytes > maxBytes / 2) {
            measured = Buffer.byteLength(JSON.stringify(result as ExecutionResult));
            if (measured <= maxBytes) return;
          } else if (!budget.exceeded) {
            return;
          }
          setResult({ data: null, errors: [budget.error(measured)] });
        },
      };
    },
  };
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
