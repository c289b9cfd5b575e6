import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Community edition has one user database: test files take turns with it.
    fileParallelism: false,
    testTimeout: 60_000,
    // The first run of a fresh machine fetches Neo4j in the global setup.
    hookTimeout: 300_000,
  },
});
