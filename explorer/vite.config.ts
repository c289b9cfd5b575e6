/** Vite builds the explorer into explorer/dist, which the server serves at `/`. */
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  // Relative asset URLs: the bundle works wherever the server mounts it.
  base: './',
  // Libraries' production builds (lit-html's dev build warns in the console), whatever
  // NODE_ENV the build runs under (vitest sets it to "test").
  resolve: { conditions: ['module', 'browser', 'production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cytoscape alone is about 450 kB: the warning would only repeat that.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
