/**
 * What a client sees of an error: its own mistakes (bad arguments, limits, refused Cypher) as
 * they are; a database that is down or slow as SERVICE_UNAVAILABLE or QUERY_TIMEOUT; anything
 * else as "Unexpected error." with the request id, while the log keeps the real error under the
 * same id. Never a stack trace, Cypher or driver message.
 */
import { GraphQLError } from 'graphql';
import type { Logger } from './logger.js';
import { currentRequestId } from './request-context.js';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

export function maskError(logger: Logger) {
  return (error: unknown): GraphQLError => {
    // A GraphQL error made for the client (validation, bad input, limits) goes out as it is.
    const original = error instanceof GraphQLError ? error.originalError : error;
    if (error instanceof GraphQLError && (!original || original instanceof GraphQLError))
      return error;
    const requestId = currentRequestId();
    const code = (original as { code?: unknown })?.code;
    const path = error instanceof GraphQLError ? error.path : undefined;
    if (
      typeof code === 'string' &&
      (UNAVAILABLE.has(code) || code.startsWith('Neo.TransientError.General.DatabaseUnavailable'))
    ) {
      logger.warn({ requestId, code }, 'Neo4j is unavailable');
      return new GraphQLError('The database is unavailable; try again shortly.', {
        path,
        extensions: { code: 'SERVICE_UNAVAILABLE', requestId, http: { status: 503 } },
      });
    }
    if (
      typeof code === 'string' &&
      code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')
    ) {
      logger.warn({ requestId, code }, 'A query ran past its time limit');
      return new GraphQLError('The request took too long and was stopped.', {
        path,
        extensions: { code: 'QUERY_TIMEOUT', requestId },
      });
    }
    logger.error({ requestId, err: original }, 'Unexpected error while serving a request');
    return new GraphQLError('Unexpected error.', {
      path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    });
  };
}
