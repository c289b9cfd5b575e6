/** POSTs a GraphQL request and returns `data`, or throws with the errors. */
export async function postGraphql(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length || body.data == null) {
    throw new Error(
      `HTTP ${response.status}: ${body.errors?.map((error) => error.message).join('; ') ?? 'no data'}`,
    );
  }
  return body.data;
}
