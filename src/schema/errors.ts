/** Errors that tell the client what it asked wrong, with a code and the argument at fault. */
import { GraphQLError } from 'graphql';

export function badInput(argumentName: string, message: string): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName },
  });
}
