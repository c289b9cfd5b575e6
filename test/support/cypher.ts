/** POST /cypher to a running test service, the answer kept as text (and parsed on demand). */
export async function postCypher(
  url: string,
  body: unknown,
  init: { query?: string; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${url}/cypher${init.query ?? ''}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) };
}
