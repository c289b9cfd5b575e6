/**
 * A store operation is a statement, built from a request without a database (its text and
 * parameters, which test/store-cypher.test.ts snapshots), and a decoder for the records it
 * returns.
 */
import type { Record as Neo4jRecord } from 'neo4j-driver';
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { forEachRequest } from './fragments.js';
import { paged, type Page, type Paged } from './records.js';

export interface Statement<T> {
  text: string;
  parameters: Record<string, unknown>;
  decode: (records: Neo4jRecord[]) => T;
}

export async function run<T>(database: GraphDatabase, statement: Statement<T>): Promise<T> {
  const result = await database.query(statement.text, statement.parameters);
  return statement.decode(result.records);
}

/** A row that Neo4j returned in a shape the store does not expect: a bug, not bad input. */
export class UnexpectedRow extends Error {
  override name = 'UnexpectedRow';
}

/** A value decoded by `schema`; the error names the field that is not as expected. */
export function decode<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const decoded = schema.safeParse(value);
  if (!decoded.success) throw new UnexpectedRow(z.prettifyError(decoded.error));
  return decoded.data;
}

/** Every record's fields, decoded by `schema`. */
export const decodeRecords = <S extends z.ZodType>(schema: S, records: Neo4jRecord[]) =>
  records.map((record) => decode(schema, record.toObject()));

/**
 * A lookup by ids whose text returns each found item as `row`: the answer has the items in the
 * order of `ids`, null where none has the id (what a batch loader must answer).
 */
export function byIds<T extends { id: string }>(
  ids: readonly string[],
  text: string,
  row: z.ZodType<T>,
): Statement<(T | null)[]> {
  return {
    text,
    parameters: { ids },
    decode: (records) => {
      const found = new Map(
        decodeRecords(z.object({ row }), records).map((record) => [record.row.id, record.row]),
      );
      return ids.map((id) => found.get(id) ?? null);
    },
  };
}

/** The one record a statement returns (an aggregation), decoded by `schema`. */
export function decodeSingle<S extends z.ZodType>(schema: S, records: Neo4jRecord[]): z.output<S> {
  if (records.length !== 1) throw new UnexpectedRow(`expected one row, got ${records.length}`);
  return decode(schema, records[0]!.toObject());
}

/**
 * A batch of paged requests: `body` runs per request (see `forEachRequest`) and RETURNs its
 * `position`, the `total` of its matches and its `page` of items, each decoded by `item`.
 */
export function pagePerRequest<R extends Page, T>(
  requests: readonly R[],
  body: string,
  item: z.ZodType<T>,
): Statement<Paged<T>[]> {
  const answer = z.object({ total: z.number(), page: z.array(item) });
  return {
    text: forEachRequest(body),
    parameters: { requests },
    decode: (records) =>
      decodeRecords(answer, records).map(({ total, page }, i) => paged(total, page, requests[i]!)),
  };
}
