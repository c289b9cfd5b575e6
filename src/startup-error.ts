/**
 * A reason the server cannot start that the person starting it can fix. main.ts prints it as
 * two plain lines (what went wrong, how to fix it) and exits non-zero: no stack trace.
 */
export class StartupError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }

  describe(): string {
    return `sahel-graph cannot start: ${this.message}\nFix: ${this.fix}`;
  }
}

/** The ways out that apply to every embedded-Neo4j problem. */
export const USE_OTHER_NEO4J =
  'or set NEO4J_URI to a Neo4j server of your own, or run `docker compose up`';
