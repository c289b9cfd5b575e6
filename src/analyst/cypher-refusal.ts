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

/** A query that would write, by Neo4j's plan or by Neo4j's refusal under the analyst login. */
export const writeRefused = () =>
  new CypherRefusal(
    'WRITE_NOT_ALLOWED',
    'the query would change the graph; only read queries are allowed',
  );

/** LOAD CSV, by Neo4j's plan or by Neo4j's refusal under the analyst login. */
export const loadCsvRefused = () =>
  new CypherRefusal(
    'LOAD_CSV_NOT_ALLOWED',
    'LOAD CSV reads files and URLs; it is not allowed here',
  );
