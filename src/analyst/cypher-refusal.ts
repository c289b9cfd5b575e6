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
