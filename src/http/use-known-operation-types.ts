/**
 * Refuses an operation whose type the schema does not define (graphql-js 17's
 * KnownOperationTypesRule; graphql-js 16 validates it and then answers 200 with no data). The
 * schema has only queries: a subscription or a mutation answers 400 with code
 * OPERATION_NOT_SUPPORTED, whatever the client accepts, since no retry or other content type
 * would make it work. A mutation sent with GET is refused before this by yoga, with 405 and
 * `Allow: POST`.
 */
import { GraphQLError, type OperationTypeNode, type ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const WHY: Record<OperationTypeNode, string> = {
  query: 'it defines no queries',
  mutation: 'the graph is read-only',
  subscription: 'it offers no live updates; send the selection as a query',
};

const knownOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(
      new GraphQLError(`This API has no ${node.operation}s: ${WHY[node.operation]}.`, {
        nodes: node,
        extensions: {
          code: 'OPERATION_NOT_SUPPORTED',
          operationType: node.operation,
          // spec: false keeps the 400 for `Accept: application/json` too, where yoga would
          // otherwise answer a validation error with 200.
          http: { status: 400, spec: false },
        },
      }),
    );
  },
});

export function useKnownOperationTypes(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(knownOperationTypes);
    },
  };
}
