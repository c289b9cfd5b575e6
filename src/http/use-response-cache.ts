/**
 * Cached reads. A news graph is read far more often than it is written, so a query answered
 * once is answered again from memory for as long as the graph stays as it was. Answers are
 * keyed by the document, operation name and variables, the Authorization header (the `cypher`
 * field answers token holders only) and the graph's version: Neo4j's bookmark of its last
 * commit, which every write changes, from this process or another (`npm run seed`). An answer
 * is therefore never served once the graph has changed. Only answers without errors are kept,
 * at most `maxBytes` of them, the least recently used going first.
 */
import { createHash, randomUUID } from 'node:crypto';
import { useResponseCache as useYogaResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { LRUCache } from 'lru-cache';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';
import type { GraphDatabase } from '../neo4j/database.js';

type StoredAnswer = ExecutionResult<Record<string, unknown>>;

export function useResponseCache(options: {
  database: GraphDatabase;
  metrics: Metrics;
  logger: Logger;
  maxBytes: number;
}): Plugin[] {
  const { database, metrics, logger, maxBytes } = options;
  if (maxBytes === 0) return [];
  const answers = new LRUCache<string, StoredAnswer>({
    maxSize: maxBytes,
    // The size of the answer as sent; one larger than the whole cache is not kept.
    sizeCalculation: (answer) => Buffer.byteLength(JSON.stringify(answer)),
  });
  return [
    useYogaResponseCache({
      session: async (request) => {
        const version = await database.graphVersion().catch((error: unknown) => {
          // Without a version nothing may be reused: a key of its own, never asked again.
          logger.debug({ err: error }, 'Graph version unknown: answering without the cache');
          return `unversioned ${randomUUID()}`;
        });
        return `${version}\n${request.headers.get('authorization') ?? ''}`;
      },
      buildResponseCacheKey: ({ documentString, operationName, variableValues, sessionId }) => {
        try {
          const request = JSON.stringify([documentString, operationName, variableValues]);
          return createHash('sha256').update(`${sessionId}\n${request}`).digest('base64url');
        } catch {
          // Variables nested past what can be serialised: the argument checks refuse them.
          return `unkeyed ${randomUUID()}`;
        }
      },
      // Keyed by the graph's version, an answer stays right until it is evicted.
      ttl: Infinity,
      // Marks hits and misses for the metrics below, which then take the mark off the answer.
      includeExtensionMetadata: true,
      cache: {
        get: (key) => answers.get(key),
        set: (key, answer) => {
          answers.set(key, answer as StoredAnswer);
        },
        // Nothing to do: a write changes the version, and so every key asked after it.
        invalidate: () => undefined,
      },
    }),
    {
      // Clients get the answer as computed. The cache's marks are taken off: its hit-or-miss
      // metadata (counted here) and the ETag and Last-Modified headers it sets, which name the
      // request, not the answer (use-http-caching.ts sets an ETag of the bytes sent).
      onResultProcess({ result, setResult }) {
        if (Array.isArray(result) || Symbol.asyncIterator in result) return;
        const { responseCache, http, ...extensions } = (result.extensions ?? {}) as {
          responseCache?: { hit?: boolean };
          http?: { headers?: Record<string, string> };
        };
        if (responseCache === undefined) return;
        metrics.responseCacheLookup(responseCache.hit ? 'hit' : 'miss');
        const { ETag: _etag, 'Last-Modified': _lastModified, ...headers } = http?.headers ?? {};
        const { headers: _cacheHeaders, ...otherHttp } = http ?? {};
        const httpKept = Object.keys(headers).length > 0 ? { ...otherHttp, headers } : otherHttp;
        const kept = {
          ...extensions,
          ...(Object.keys(httpKept).length > 0 ? { http: httpKept } : {}),
        };
        setResult({ ...result, extensions: Object.keys(kept).length > 0 ? kept : undefined });
      },
    },
  ];
}
