/** Errors that tell the client what it asked wrong, with a code and the argument at fault. */
import { GraphQLError } from 'graphql';

export function badInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName },
  });
}

/** A size or depth limit that the request went past; the limit is in the error. */
export function limitExceeded(argumentName: string, limit: number, got: number): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": at most ${limit} (got ${got})`, {
    extensions: { code: 'LIMIT_EXCEEDED', argumentName, limit },
  });
}
