/** GraphQL requests of the benchmark's own checks: the answer's `data`, or an error with the errors. */
export function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  return postGraphqlBody(url, JSON.stringify({ query, variables }));
}

/** A POST of this JSON body (`{"query": …, "variables": …}`). */
export function postGraphqlBody(url: string, body: string): Promise<unknown> {
  return askGraphql(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body,
  });
}

/** A GET with this query string (`variables=…&extensions=…`), as the explorer sends. */
export function getGraphql(url: string, search: string): Promise<unknown> {
  return askGraphql(`${url}?${search}`, { headers: { accept: 'application/json' } });
}

async function askGraphql(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length || body.data == null) {
    throw new Error(
      `HTTP ${response.status}: ${body.errors?.map((error) => error.message).join('; ') ?? 'no data'}`,
    );
  }
  return body.data;
}
