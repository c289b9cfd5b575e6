/** Why an analyst's Cypher query was refused or failed: a code, a message and an HTTP status. */
export class CypherRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = 'CypherRefusal';
  }
}

/** Why analysts' Cypher is refused on a server that turned it off (by GraphQL and POST /cypher). */
export const CYPHER_TURNED_OFF =
  "analysts' Cypher is turned off on this server (CYPHER_ENABLED=false)";

/** The refusal of a request without the CYPHER_TOKEN, by GraphQL and POST /cypher alike. */
export const missingTokenRefusal = () =>
  new CypherRefusal(
    'UNAUTHORIZED',
    'send the CYPHER_TOKEN as "Authorization: Bearer <token>"',
    401,
  );
