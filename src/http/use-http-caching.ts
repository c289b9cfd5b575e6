/**
 * HTTP caching of GraphQL answers. A successful query sent with GET is an ordinary cacheable
 * resource: `Cache-Control: public, max-age=60`, `Vary: Accept, Origin` and a strong `ETag`
 * computed from the content type and body, so a client or proxy holding an answer can
 * revalidate it with `If-None-Match` and get 304 with no body. Everything else the GraphQL
 * endpoint answers (POST, errors, streamed answers) gets `Cache-Control: no-store`. (Over GET,
 * Yoga executes only queries: a mutation sent with GET is refused with 405.)
 *
 * The ETag names the bytes sent, whether the answer was computed or came from the response
 * cache (use-response-cache.ts), so a 304 saves the transfer, never the truth.
 */
import { createHash } from 'node:crypto';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';

/**
 * Short: the graph changes only when it is reseeded, and an answer at most a minute old after
 * that is acceptable for news; a page that repeats its queries meanwhile makes no request.
 */
export const GET_ANSWER_MAX_AGE_SECONDS = 60;

const JSON_ANSWER = /^application\/(graphql-response\+)?json\b/i;

export function useHttpCaching(): Plugin {
  const graphqlRequests = new WeakSet<Request>();
  const successfulAnswers = new WeakSet<Request>();
  return {
    onRequestParse({ request }) {
      graphqlRequests.add(request);
    },
    // Computed or from the response cache, every answer passes here before it is sent.
    onResultProcess({ request, result }) {
      if (!isAsyncIterable(result) && !Array.isArray(result) && !result.errors?.length) {
        successfulAnswers.add(request);
      }
    },
    async onResponse({ request, response, setResponse, fetchAPI }) {
      // GraphiQL's page, /cypher, /health and the like are not GraphQL answers.
      if (!graphqlRequests.has(request)) return;
      const contentType = response.headers.get('content-type') ?? '';
      const cacheable =
        request.method === 'GET' &&
        response.status === 200 &&
        successfulAnswers.has(request) &&
        JSON_ANSWER.test(contentType);
      if (!cacheable) {
        // Delete first: the fetch ponyfill's set() leaves a differently cased header in place
        // (the SSE answer's own `Cache-Control: no-cache`) and both would be sent.
        response.headers.delete('cache-control');
        response.headers.set('cache-control', 'no-store');
        return;
      }
      const body = await response.text();
      const etag = `"${createHash('sha256').update(`${contentType}\n${body}`).digest('base64url')}"`;
      // A plain object with lower-case names: the ponyfill's Headers copied from another keeps
      // their case, misses `content-type`, and the new response would go out as text/plain.
      const headers: Record<string, string> = {};
      response.headers.forEach((value, name) => {
        headers[name.toLowerCase()] = value;
      });
      // A shared cache may keep an answer to a request with credentials only when told `public`;
      // an answer to a token holder (the `cypher` field) stays in that client's own cache.
      const audience = request.headers.has('authorization') ? 'private' : 'public';
      headers['cache-control'] = `${audience}, max-age=${GET_ANSWER_MAX_AGE_SECONDS}`;
      headers.etag = etag;
      // The content type follows Accept; the CORS headers, when CORS_ORIGINS is set, follow
      // Origin, and are absent when a request has none (a stored answer to curl must not be
      // served to a browser page).
      headers.vary = varyOn(headers.vary, ['Accept', 'Origin']);
      if (matchesAny(request.headers.get('if-none-match'), etag)) {
        delete headers['content-type'];
        delete headers['content-length'];
        setResponse(new fetchAPI.Response(null, { status: 304, headers }));
      } else {
        setResponse(new fetchAPI.Response(body, { status: 200, headers }));
      }
    },
  };
}

function varyOn(existing: string | undefined, names: string[]): string {
  const listed = (existing ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const missing = names.filter(
    (name) => !listed.some((other) => other.toLowerCase() === name.toLowerCase()),
  );
  return [...listed, ...missing].join(', ');
}

/** If-None-Match compares weakly (RFC 9110, 13.1.2): `W/"x"` matches `"x"`; `*` matches any. */
function matchesAny(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
