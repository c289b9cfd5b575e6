/**
 * Each test worker has a Neo4j of its own (Community edition has one user database, which two
 * files running at once would both clear and load): the global setup starts one per worker and
 * hands their Bolt URIs over; a test file uses its worker's. With NEO4J_URI set for the run
 * there is one, and one worker (see vitest.config.ts).
 */
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One Bolt URI per worker, in the order of the workers' pool ids (1, 2, …). */
    neo4jUris: string[];
  }
}

/** Which worker runs this file: 0, 1, … (vitest numbers its workers from 1). */
export function workerIndex(): number {
  return Number(process.env.VITEST_POOL_ID ?? '1') - 1;
}

/** The Bolt URI of this worker's Neo4j. */
export function testNeo4jUri(): string {
  const uris = inject('neo4jUris');
  const uri = uris[workerIndex()];
  if (!uri) throw new Error(`no Neo4j for worker ${workerIndex() + 1} of ${uris.length}`);
  return uri;
}
