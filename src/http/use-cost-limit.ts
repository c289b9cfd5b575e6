/**
 * Counts the cost of the operation about to run, with the values of its variables and the
 * defaults of omitted arguments, and refuses it past the limit before anything runs. Every
 * field costs 1, and a list multiplies the cost of what it selects (schema/builder.ts).
 * Introspection fields (`__schema`, `__type`) cost 1: the schema is small and fixed.
 */
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  type DefinitionNode,
  type DocumentNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useCostLimit(maxCost: number): Plugin {
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
