import { defineConfig } from 'vitest/config';
import { SeededGraphFirst } from './test/support/seeded-graph-first.js';

export default defineConfig({
  resolve: {
    // Vite would pick graphql's ESM build for our files while Pothos and Yoga load its CommonJS
    // build through Node: two copies of graphql refuse each other's schema objects.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['test/**/*.test.ts'],
    // A Neo4j per worker, src/ transpiled for child processes, the explorer's bundle.
    globalSetup: ['test/support/global-setup.ts'],
    // Two files at once, each worker on a Neo4j of its own (test/support/worker-neo4j.ts): while
    // one file waits on a JVM or a child process, the other runs. A Neo4j given for the run
    // (NEO4J_URI) has, in Community edition, one user database: the files take turns with it.
    maxWorkers: process.env.NEO4J_URI ? 1 : 2,
    // The files that read the seeded graph first, so that each worker seeds it once (see the
    // class).
    sequence: { sequencer: SeededGraphFirst },
    // The files of a worker share its modules instead of importing the server anew each (about 30 s
    // of a run): they keep no state in modules, each starts and stops its own services.
    isolate: false,
    // A bound for a stuck test, not a measure of speed: the suite must pass on a busy machine.
    testTimeout: 300_000,
    // The first run of a fresh machine fetches Neo4j in the global setup.
    hookTimeout: 300_000,
  },
});
