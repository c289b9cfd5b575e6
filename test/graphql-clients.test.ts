/**
 * Stock GraphQL clients, set up as their documentation shows, get the same answers as a plain
 * POST: urql (which sends queries as GET) and Apollo Client (POST). And what HTTP caches may
 * keep: successful GET queries, revalidated by ETag; nothing else.
 */
import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { isAbstractType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { GET_ANSWER_MAX_AGE_SECONDS } from '../src/http/use-http-caching.js';
import { schema } from '../src/schema/index.js';
import { readExamples } from './support/examples.js';
import { postGraphQL, useSeededService } from './support/service.js';

const seeded = useSeededService();

/**
 * The one setting Apollo's InMemoryCache needs beyond its defaults for a schema with interfaces
 * and unions: without it, a fragment such as `... on Entity` on a Person is dropped from the
 * answer (Apollo warns "Cannot match inline fragment"). Apollo's docs have it generated from the
 * schema, as here.
 */
const possibleTypes = Object.fromEntries(
  Object.values(schema.getTypeMap())
    .filter(isAbstractType)
    .map((type) => [type.name, schema.getPossibleTypes(type).map((member) => member.name)]),
);

/** The global fetch, noting the method of each request so the test can say what was sent. */
function observedFetch(methods: string[]): typeof fetch {
  return (input, init) => {
    methods.push(init?.method ?? (input instanceof Request ? input.method : 'GET'));
    return fetch(input, init);
  };
}

/**
 * The client's answer without the `__typename` fields the client added to the selection itself
 * (both do, for their caches), so it can be compared with the plain answer.
 */
function withoutAddedTypenames(answer: unknown, plain: unknown): unknown {
  if (Array.isArray(answer) && Array.isArray(plain)) {
    return answer.map((item, index) => withoutAddedTypenames(item, plain[index]));
  }
  if (isRecord(answer) && isRecord(plain)) {
    return Object.fromEntries(
      Object.entries(answer)
        .filter(([key]) => key !== '__typename' || key in plain)
        .map(([key, value]) => [key, withoutAddedTypenames(value, plain[key])]),
    );
  }
  return answer;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

describe('stock clients run every example', () => {
  it.each(readExamples())(
    '$name: urql (GET) and Apollo Client (POST) answer what a plain POST does',
    async ({ query, variables }) => {
      const graphqlUrl = `${seeded().url}/graphql`;
      const plain = await postGraphQL(seeded().url, query, variables);
      expect(plain.body.errors).toBeUndefined();
      expect(plain.body.data).toBeDefined();

      const urqlMethods: string[] = [];
      const urql = new Client({
        url: graphqlUrl,
        exchanges: [cacheExchange, fetchExchange],
        fetch: observedFetch(urqlMethods),
      });
      const urqlResult = await urql.query(query, variables).toPromise();
      expect(urqlResult.error).toBeUndefined();
      expect(urqlMethods).toEqual(['GET']);
      expect(withoutAddedTypenames(urqlResult.data, plain.body.data)).toEqual(plain.body.data);

      const apolloMethods: string[] = [];
      const apollo = new ApolloClient({
        link: new HttpLink({ uri: graphqlUrl, fetch: observedFetch(apolloMethods) }),
        cache: new InMemoryCache({ possibleTypes }),
      });
      const apolloResult = await apollo.query({ query: gql(query), variables });
      expect(apolloResult.error).toBeUndefined();
      expect(apolloMethods).toEqual(['POST']);
      expect(withoutAddedTypenames(apolloResult.data, plain.body.data)).toEqual(plain.body.data);
      apollo.stop();
    },
  );
});

describe('HTTP caching', () => {
  const getUrl = (query: string) => `${seeded().url}/graphql?query=${encodeURIComponent(query)}`;
  const STATS = '{ graphStats { nodeCount relationshipCount } }';

  it('gives a successful GET query Cache-Control, Vary and an ETag; If-None-Match gets 304 with no body', async () => {
    const first = await fetch(getUrl(STATS));
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe(
      `public, max-age=${GET_ANSWER_MAX_AGE_SECONDS}`,
    );
    expect(first.headers.get('vary')).toMatch(/\bAccept\b/);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await first.json()).data.graphStats.nodeCount).toBeGreaterThan(0);

    const again = await fetch(getUrl(STATS));
    expect(again.headers.get('etag')).toBe(etag);
    await again.body?.cancel();

    const revalidated = await fetch(getUrl(STATS), { headers: { 'if-none-match': etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers.get('etag')).toBe(etag);
    expect(revalidated.headers.get('cache-control')).toBe(
      `public, max-age=${GET_ANSWER_MAX_AGE_SECONDS}`,
    );
    expect(await revalidated.text()).toBe('');

    const stale = await fetch(getUrl(STATS), { headers: { 'if-none-match': '"an-older-answer"' } });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('etag')).toBe(etag);
    await stale.body?.cancel();
  });

  it('gives each content type its own ETag, since the answer differs by Accept', async () => {
    const json = await fetch(getUrl(STATS), { headers: { accept: 'application/json' } });
    const graphqlResponse = await fetch(getUrl(STATS), {
      headers: { accept: 'application/graphql-response+json' },
    });
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(graphqlResponse.headers.get('content-type')).toMatch(
      /^application\/graphql-response\+json/,
    );
    expect(await json.text()).toBe(await graphqlResponse.text());
    expect(json.headers.get('etag')).not.toBe(graphqlResponse.headers.get('etag'));
  });

  it('keeps an answer to a request with an Authorization header out of shared caches', async () => {
    const response = await fetch(getUrl(STATS), {
      headers: { authorization: 'Bearer not-needed-here' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(
      `private, max-age=${GET_ANSWER_MAX_AGE_SECONDS}`,
    );
    await response.body?.cancel();
  });

  it('marks POST answers, answers with errors and refusals no-store', async () => {
    const post = await fetch(`${seeded().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: STATS }),
    });
    expect(post.status).toBe(200);
    expect(post.headers.get('cache-control')).toBe('no-store');
    expect(post.headers.get('etag')).toBeNull();
    await post.body?.cancel();

    const cases = [
      // an error found while resolving, beside data: a page size past the cap, in a variable
      `${getUrl('query ($n: Int) { graphStats { nodeCount } entities(first: $n) { totalCount } }')}` +
        `&variables=${encodeURIComponent(JSON.stringify({ n: 1000 }))}`,
      // a validation error
      getUrl('{ graphStat { nodeCount } }'),
      // a mutation over GET (405)
      getUrl('mutation { graphStats { nodeCount } }'),
      // no query at all
      `${seeded().url}/graphql?query=`,
    ];
    for (const url of cases) {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      const body = (await response.json()) as { errors?: unknown[] };
      expect(body.errors?.length, url).toBeGreaterThan(0);
      expect(response.headers.get('cache-control'), url).toBe('no-store');
      expect(response.headers.get('etag'), url).toBeNull();
    }
  });
});
