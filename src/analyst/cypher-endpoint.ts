/**
 * POST /cypher: an analyst's read-only Cypher over HTTP. Body `{"query": ..., "params": {...}}`;
 * answers `{"columns", "rows", "truncated", "truncatedBy"}` as JSON, or CSV with `?format=csv`
 * (or `Accept: text/csv`; `x-result-truncated` and `x-result-truncated-by` headers say the
 * same); `?download=1` asks for a file. A refused or failed query answers 4xx with
 * `{"error": {"code", "message"}}`. With CYPHER_TOKEN set, `Authorization: Bearer <token>`;
 * with CYPHER_ENABLED=false, 404.
 */
import { timingSafeEqual } from 'node:crypto';
import { stringify } from 'csv-stringify/sync';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { GraphDatabase } from '../neo4j/database.js';
import { runAnalystCypher, type CypherResult } from './run-cypher.js';
import { CYPHER_TURNED_OFF, CypherRefusal, missingTokenRefusal } from './cypher-refusal.js';

export const CYPHER_PATH = '/cypher';
const MAX_BODY_BYTES = 100_000;

/** What answering a request to /cypher needs. */
export interface CypherEndpointOptions {
  database: GraphDatabase;
  config: Pick<Config, 'cypher'>;
  logger: Logger;
}

/**
 * The answer to a request to CYPHER_PATH, refusals included; never throws. Served by the Yoga
 * plugin http/use-cypher-endpoint.ts.
 */
export async function answerCypherRequest(
  request: Request,
  url: URL,
  { database, config, logger }: CypherEndpointOptions,
): Promise<Response> {
  try {
    if (config.cypher.enabled === false) {
      throw new CypherRefusal('CYPHER_DISABLED', CYPHER_TURNED_OFF, 404);
    }
    if (request.method !== 'POST') {
      throw new CypherRefusal(
        'METHOD_NOT_ALLOWED',
        `use POST with a JSON body, not ${request.method}`,
        405,
      );
    }
    if (!isAuthorized(request, config.cypher.token)) {
      throw missingTokenRefusal();
    }
    const { query, params } = await readBody(request);
    const result = await runAnalystCypher(database, query, params, config.cypher);
    return wantsCsv(request, url)
      ? csvResponse(result)
      : jsonResponse(result, url.searchParams.has('download'));
  } catch (error) {
    if (!(error instanceof CypherRefusal)) {
      logger.error({ error }, 'cypher endpoint failed');
      return errorResponse(new CypherRefusal('INTERNAL_ERROR', 'the query could not be run', 500));
    }
    if (error.status >= 500)
      logger.warn(
        { code: error.code, message: error.message, cause: error.cause },
        'cypher query failed',
      );
    return errorResponse(error);
  }
}

/** Authorization is required only when a token is configured; compared in constant time. */
export function isAuthorized(request: Request, token: string | undefined): boolean {
  if (!token) return true;
  const given = /^Bearer\s+(.+)$/i.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  const expected = Buffer.from(token);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

async function readBody(
  request: Request,
): Promise<{ query: string; params: Record<string, unknown> }> {
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new CypherRefusal('UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json', 415);
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new CypherRefusal('BODY_TOO_LARGE', `the body is over ${MAX_BODY_BYTES} bytes`, 413);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new CypherRefusal('INVALID_REQUEST', 'the body is not valid JSON');
  }
  const { query, params = {} } = (body ?? {}) as { query?: unknown; params?: unknown };
  if (typeof query !== 'string')
    throw new CypherRefusal('INVALID_REQUEST', '"query" must be a string of Cypher');
  if (params === null || typeof params !== 'object' || Array.isArray(params)) {
    throw new CypherRefusal('INVALID_REQUEST', '"params" must be an object of named parameters');
  }
  return { query, params: params as Record<string, unknown> };
}

function wantsCsv(request: Request, url: URL): boolean {
  return (
    url.searchParams.get('format') === 'csv' ||
    (request.headers.get('accept') ?? '').includes('text/csv')
  );
}

function jsonResponse(result: CypherResult, download: boolean): Response {
  return Response.json(result, {
    headers: download ? { 'content-disposition': 'attachment; filename="cypher-result.json"' } : {},
  });
}

/** One row a line under a header of the columns; nodes, lists and maps as JSON text. */
function csvResponse(result: CypherResult): Response {
  const cell = (value: unknown) =>
    value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  const text = stringify([result.columns, ...result.rows.map((row) => row.map(cell))]);
  return new Response(text, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="cypher-result.csv"',
      'x-result-truncated': String(result.truncated),
      ...(result.truncatedBy ? { 'x-result-truncated-by': result.truncatedBy } : {}),
    },
  });
}

function errorResponse(error: CypherRefusal): Response {
  return Response.json(
    { error: { code: error.code, message: error.message } },
    { status: error.status },
  );
}
