/**
 * POST /cypher, the analysts' read-only Cypher endpoint: JSON answers, CSV for downloads. On a
 * loopback server no token is needed; one that asks (401) gets the token the analyst types.
 */
export interface CypherNode {
  elementId: string;
  labels: string[];
  properties: Record<string, unknown>;
}

export interface CypherRelationship {
  elementId: string;
  type: string;
  startNodeElementId: string;
  endNodeElementId: string;
  properties: Record<string, unknown>;
}

export interface CypherAnswer {
  columns: string[];
  rows: unknown[][];
  truncated: boolean;
  truncatedBy: string | null;
}

export class CypherError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'sahel-graph.cypher-token';

export function setToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
}

export async function runCypher(text: string): Promise<CypherAnswer> {
  const response = await postCypher(text, 'application/json');
  return (await response.json()) as CypherAnswer;
}

export async function cypherCsv(text: string): Promise<Blob> {
  return (await postCypher(text, 'text/csv')).blob();
}

async function postCypher(text: string, accept: string): Promise<Response> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const response = await fetch(new URL('cypher', document.baseURI), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query: text }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as {
      error?: { code: string; message: string };
    };
    throw new CypherError(
      response.status,
      body.error?.code ?? 'HTTP_ERROR',
      body.error?.message ?? `the server answered ${response.status}`,
    );
  }
  return response;
}

export function isCypherNode(value: unknown): value is CypherNode {
  return typeof value === 'object' && value !== null && 'elementId' in value && 'labels' in value;
}

export function isCypherRelationship(value: unknown): value is CypherRelationship {
  return (
    typeof value === 'object' &&
    value !== null &&
    'elementId' in value &&
    'startNodeElementId' in value
  );
}

/** Every node and relationship in an answer, paths and lists included, each once. */
export function graphOf(rows: unknown[][]): {
  nodes: Map<string, CypherNode>;
  relationships: Map<string, CypherRelationship>;
} {
  const nodes = new Map<string, CypherNode>();
  const relationships = new Map<string, CypherRelationship>();
  const visit = (value: unknown): void => {
    if (isCypherNode(value)) nodes.set(value.elementId, value);
    else if (isCypherRelationship(value)) relationships.set(value.elementId, value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null && 'relationships' in value) {
      Object.values(value).forEach(visit);
    }
  };
  rows.forEach(visit);
  return { nodes, relationships };
}
