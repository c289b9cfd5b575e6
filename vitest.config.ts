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
    // The Neo4j of the run; the transpiled src/ that the tests' child processes run.
    globalSetup: ['test/support/global-setup.ts', 'test/support/child-build.ts'],
    // Community edition has one user database: test files take turns with it.
    fileParallelism: false,
    // The files that read the seeded graph in a row, so that it is seeded once (see the class).
    sequence: { sequencer: SeededGraphFirst },
    // The files share one worker's modules instead of importing the server anew each (about 30 s
    // of a run): they keep no state in modules, each starts and stops its own services.
    isolate: false,
    // A bound for a stuck test, not a measure of speed: the suite must pass on a busy machine.
    testTimeout: 300_000,
    // The first run of a fresh machine fetches Neo4j in the global setup.
    hookTimeout: 300_000,
  },
});
