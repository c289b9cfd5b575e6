/**
 * `npm run bench:explorer [-- --url http://127.0.0.1:4000] [--runs N]`: how fast the explorer
 * shows itself in Debian's Chromium (playwright-core), and how big its bundle is.
 *
 * For `/` and for an entity page (the Kandadji attack), each run in a fresh browser context
 * (nothing cached): first paint and first contentful paint (the Paint Timing API), and time to
 * interactive, taken as the later of the page's own mark that its content is shown and the end
 * of the last long task (over 50 ms on the main thread) before that content settled; for the
 * entity page, also when its graph is drawn. Medians of the runs, after one that warms the server
 * up and is not counted. The bundle: each file of explorer/dist gzipped (level 9), and the
 * bytes that `/` itself loads.
 *
 * Without --url, the service is started in this process on free ports over a fresh embedded
 * Neo4j seeded from seeds/. Figures go to bench/results/explorer-<timestamp>.json.
 */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import getPort from 'get-port';
import type { Browser } from 'playwright-core';
import { BUNDLE_PAGE, ensureBundle } from '../explorer/bundle.js';
import { startService, type RunningService } from '../src/app.js';
import { parseConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { launchChromium } from '../test/support/browser.js';

const RESULTS = new URL('results/', import.meta.url);
const BUNDLE = join(BUNDLE_PAGE, '..');
const ENTITY = 'kandadji-attack-2023-09-28';

interface PageFigures {
  firstPaintMs: number;
  firstContentfulPaintMs: number;
  timeToInteractiveMs: number;
  graphDrawnMs?: number;
}

const { values } = parseArgs({
  options: { url: { type: 'string' }, runs: { type: 'string', default: '5' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1`);

await ensureBundle();
const { url, stop } = values.url ? { url: values.url, stop: async () => {} } : await startLocal();
const browser = await launchChromium();
try {
  const home = await measure(browser, `${url}/`, 'home', runs);
  const entity = await measure(browser, `${url}/#/entity/${ENTITY}`, 'entity', runs);
  const bundle = await bundleSizes();
  const figures = { date: new Date().toISOString(), url, runs, home, entity, bundle };
  console.log(JSON.stringify(figures, null, 2));
  await mkdir(RESULTS, { recursive: true });
  const file = new URL(`explorer-${figures.date.replaceAll(':', '-')}.json`, RESULTS);
  await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
  console.log(`figures written to ${file.pathname}`);
} finally {
  await browser.close();
  await stop();
}

async function measure(browser: Browser, pageUrl: string, page: string, count: number) {
  const samples: PageFigures[] = [];
  // Run 0 warms the server (Neo4j's query plans, the JIT) and is not counted.
  for (let run = 0; run <= count; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const tab = await context.newPage();
    await tab.addInitScript(() => {
      const longTaskEnds: number[] = [];
      (window as unknown as { longTaskEnds: number[] }).longTaskEnds = longTaskEnds;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) longTaskEnds.push(entry.startTime + entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    await tab.goto(pageUrl);
    await tab.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      `explorer:${page}-shown`,
    );
    if (page === 'entity') await tab.waitForSelector('.neighbourhood[data-nodes]');
    await tab.waitForLoadState('networkidle');
    samples.push(
      // No named functions inside: tsx would wrap them in a helper the page does not have.
      await tab.evaluate((mark) => {
        const paints = Object.fromEntries(
          performance.getEntriesByType('paint').map((entry) => [entry.name, entry.startTime]),
        );
        const shown = performance.getEntriesByName(mark)[0]!.startTime;
        const graph = performance.getEntriesByName('explorer:graph-drawn')[0];
        const longTaskEnds = (window as unknown as { longTaskEnds: number[] }).longTaskEnds;
        return {
          firstPaintMs: paints['first-paint'] ?? NaN,
          firstContentfulPaintMs: paints['first-contentful-paint'] ?? NaN,
          timeToInteractiveMs: Math.max(shown, ...longTaskEnds),
          ...(graph ? { graphDrawnMs: graph.startTime } : {}),
        };
      }, `explorer:${page}-shown`),
    );
    await context.close();
  }
  return median(samples.slice(1));
}

function median(samples: PageFigures[]): PageFigures {
  const middle = (key: keyof PageFigures) => {
    const sorted = samples.map((sample) => sample[key] ?? NaN).sort((a, b) => a - b);
    return Math.round(sorted[Math.floor(sorted.length / 2)]!);
  };
  const figures: PageFigures = {
    firstPaintMs: middle('firstPaintMs'),
    firstContentfulPaintMs: middle('firstContentfulPaintMs'),
    timeToInteractiveMs: middle('timeToInteractiveMs'),
  };
  if (samples[0]?.graphDrawnMs !== undefined) figures.graphDrawnMs = middle('graphDrawnMs');
  return figures;
}

async function bundleSizes() {
  const html = await readFile(BUNDLE_PAGE, 'utf8');
  const files = await Promise.all(
    (await readdir(join(BUNDLE, 'assets'))).map(async (name) => {
      const bytes = await readFile(join(BUNDLE, 'assets', name));
      return { name, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    }),
  );
  const page = {
    name: 'index.html',
    bytes: Buffer.byteLength(html),
    gzipBytes: gzipSync(html).length,
  };
  const firstLoad = [page, ...files.filter((file) => html.includes(`assets/${file.name}`))];
  const total = (list: typeof files) => list.reduce((sum, file) => sum + file.gzipBytes, 0);
  return {
    files: [page, ...files].sort((a, b) => b.gzipBytes - a.gzipBytes),
    firstLoadGzipBytes: total(firstLoad),
    totalGzipBytes: total([page, ...files]),
  };
}

async function startLocal(): Promise<{ url: string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sahel-graph-bench-explorer-'));
  const config = parseConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    NEO4J_DATA_DIR: dataDir,
    NEO4J_EMBEDDED_PORT: String(await getPort()),
    // The seed's load into a cold JVM on a busy machine may take longer than a query should.
    NEO4J_QUERY_TIMEOUT_MS: '120000',
  });
  let service: RunningService;
  try {
    service = await startService(config, createLogger(config.log));
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: service.url,
    async stop() {
      await service.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
