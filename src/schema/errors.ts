/** Errors that tell the client what it asked wrong, with a code and the argument at fault. */
import { GraphQLError } from 'graphql';
import { MAX_PAGE_SIZE } from '../limits.js';

export function badInput(
  argumentName: string,
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', argumentName, ...extensions },
  });
}

/** A size or depth limit that the request went past; the limit is in the error. */
export function limitExceeded(argumentName: string, limit: number, got: number): GraphQLError {
  return new GraphQLError(`Argument "${argumentName}": at most ${limit} (got ${got})`, {
    extensions: { code: 'LIMIT_EXCEEDED', argumentName, limit },
  });
}

const SHOWN_CHARACTERS = 80;

/**
 * A value the client sent, quoted for an error message and cut short: an error must not echo
 * a megabyte the client sent back to it.
 */
export function quoted(value: string): string {
  const shown =
    value.length > SHOWN_CHARACTERS
      ? `${value.slice(0, SHOWN_CHARACTERS)}… (${value.length} characters)`
      : value;
  return JSON.stringify(shown);
}

/** The first few of a list of values the client sent, quoted, for an error message. */
export function quotedList(values: readonly string[], most = 5): string {
  const shown = values.slice(0, most).map(quoted).join(', ');
  return values.length > most ? `${shown} and ${values.length - most} more` : shown;
}

/** The client asked for a page outside 0..MAX_PAGE_SIZE. */
export function pageSizeError(first: number): GraphQLError {
  return badInput(
    'first',
    `must be from 0 to ${MAX_PAGE_SIZE} (got ${first}); page with \`after\``,
  );
}

/** A string argument no longer than `limit` characters, else BAD_USER_INPUT with the limit. */
export function checkLength(argumentName: string, value: string, limit: number): void {
  if (value.length > limit) {
    throw badInput(argumentName, `at most ${limit} characters (got ${value.length})`, { limit });
  }
}

/** A count argument from 1 to `most`, else BAD_USER_INPUT below 1 and LIMIT_EXCEEDED above. */
export function checkCount(argumentName: string, value: number, most: number): void {
  if (value < 1) throw badInput(argumentName, 'must be at least 1');
  if (value > most) throw limitExceeded(argumentName, most, value);
}

/** A slug the client sent that names no entity. */
export const unknownSlug = (argumentName: string, slug: string): GraphQLError =>
  badInput(argumentName, `no entity has the slug ${quoted(slug)}`);
