/** Counts GraphQL operations, their latency and the errors of every result (metrics.ts). */
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.js';

export function useOperationMetrics(metrics: Metrics): Plugin {
  return {
    onExecute: ({ args }) => {
      const done = metrics.operationStarted(
        args.operationName ?? getOperationAST(args.document)?.name?.value,
      );
      return {
        onExecuteDone: ({ result }) => {
          done(!('errors' in result && (result.errors?.length ?? 0) > 0));
        },
      };
    },
    onResultProcess: ({ result }) => {
      for (const single of Array.isArray(result) ? result : [result]) {
        const errors = (single as { errors?: readonly GraphQLError[] }).errors ?? [];
        for (const error of errors) metrics.graphqlError(error.extensions?.code);
      }
    },
  };
}
