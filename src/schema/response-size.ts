/**
 * The size of an answer, counted while it is built: every field of the schema's own types adds
 * its name and, for a leaf, the bytes of its value as JSON. Once the count passes the limit,
 * every field still to resolve fails at once, so no more is read from Neo4j and the answer is
 * never built (or sent) whole; http/use-response-size-limit.ts then answers one
 * RESPONSE_TOO_LARGE error. The count is close to the serialised size (it leaves out braces and
 * commas), and http/use-response-size-limit.ts measures the real JSON of any answer that comes
 * near the limit.
 */
import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isLeafType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';

export class ResponseBudget {
  /** Bytes counted so far. */
  bytes = 0;
  exceeded = false;

  constructor(readonly limit: number) {}

  add(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limit) this.exceeded = true;
  }

  /** The error that replaces an answer over the limit; `measured` when its JSON was measured. */
  error(measured?: number): GraphQLError {
    const size =
      measured === undefined
        ? `it passed the limit while being built (${this.bytes} bytes counted), so it was stopped`
        : `it is ${measured} bytes`;
    return new GraphQLError(
      `The answer is over the limit of ${this.limit} bytes (GRAPHQL_MAX_RESPONSE_BYTES): ${size}. Ask for fewer items (a smaller \`first\`) or fewer fields.`,
      {
        extensions: {
          code: 'RESPONSE_TOO_LARGE',
          limit: this.limit,
          bytes: measured ?? this.bytes,
        },
      },
    );
  }
}

/** The bytes of a leaf value as JSON, near enough (escapes are not counted). */
function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === 'string') return Buffer.byteLength(value) + 2;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value).length;
  if (Array.isArray(value)) {
    let bytes = 2 + value.length;
    for (const item of value) bytes += jsonBytes(item);
    return bytes;
  }
  // A JSON scalar (a Cypher row): measured as it will be written.
  return Buffer.byteLength(JSON.stringify(value) ?? 'null');
}

/**
 * The promise, marked as handled: if the executor gives up on it, its rejection is dropped
 * instead of being unhandled; if the executor waits for it, it still sees the rejection.
 */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/** A leaf's value once resolved, counted; past the limit, its field fails. */
function counted(budget: ResponseBudget, value: unknown): unknown {
  budget.add(jsonBytes(value));
  if (budget.exceeded) throw budget.error();
  return value;
}

/**
 * Wraps the resolver of every field of the schema's object types (not the introspection types,
 * which graphql-js shares between schemas) to count the answer against `context.response`.
 */
export function countAnswerBytes(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const leaf = isLeafType(getNamedType(field.type));
      field.resolve = (parent, args, context, info) => {
        const budget = (context as { response?: ResponseBudget }).response;
        if (!budget) return resolve(parent, args, context, info);
        // Past the limit, fields fail as rejected promises, never by a synchronous throw: the
        // executor abandons the pending promises of a list or object when one of its fields
        // throws at once, and their later rejections would be unhandled (which ends a Node
        // process). Promises it waits for all together are all handled.
        if (budget.exceeded) return handled(Promise.reject(budget.error()));
        // "key": and a separator.
        budget.add(String(info.path.key).length + 4);
        const value = resolve(parent, args, context, info);
        if (!leaf) return value;
        if (isPromise(value)) return handled(value.then((resolved) => counted(budget, resolved)));
        budget.add(jsonBytes(value));
        return budget.exceeded ? handled(Promise.reject(budget.error())) : value;
      };
    }
  }
}
