/**
 * `npm run explorer:build` builds the explorer's bundle; with `--if-stale` (npm start's
 * prestart) only when it is missing or older than its sources.
 */
import { buildBundle, ensureBundle } from './bundle.js';

const ifStale = process.argv.includes('--if-stale');
try {
  if (!ifStale) {
    await buildBundle();
    console.log('explorer: built explorer/dist');
  } else if ((await ensureBundle()) === 'built') {
    console.log('explorer: built explorer/dist (it was missing or older than its sources)');
  }
} catch (error) {
  console.error(`explorer: the build failed: ${(error as Error).message}`);
  process.exit(1);
}
