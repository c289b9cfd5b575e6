/**
 * The explorer at / in a real browser (Debian's Chromium through playwright-core), against the
 * seeded graph: search, an entity page with its facts and sources, the Kandadji attack's claims,
 * graph, map and timeline, and the Cypher console. Throughout, the page logs no error, asks
 * nothing of any other machine, and sends its GraphQL operations as the hashes of its trusted
 * documents, never as documents. Screenshots go to test-artifacts/explorer/.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser.js';
import { useSeededService } from './support/service.js';

const ARTIFACTS = new URL('../test-artifacts/explorer/', import.meta.url);
const KANDADJI_ATTACK = 'kandadji-attack-2023-09-28';

const seeded = useSeededService();
let browser: Browser;
let page: Page;
let origin: string;
const consoleErrors: string[] = [];
const offMachineRequests: string[] = [];
const graphqlRequests: { byHash: boolean; withDocument: boolean }[] = [];

interface GraphQLExtensions {
  persistedQuery?: { sha256Hash?: string };
}

beforeAll(async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  origin = new URL(seeded().url).origin;
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  // data: and blob: URLs (the favicon, the CSV download) stay on the machine.
  page.on('request', (request) => {
    const url = request.url();
    if (!/^(data|blob):/.test(url) && new URL(url).origin !== origin) offMachineRequests.push(url);
    const { pathname, searchParams } = new URL(url);
    if (pathname === '/graphql') {
      const body = JSON.parse(request.postData() ?? '{}') as Record<string, unknown>;
      const extensions = searchParams.get('extensions') ?? JSON.stringify(body.extensions ?? {});
      graphqlRequests.push({
        byHash:
          'sha256Hash' in ((JSON.parse(extensions) as GraphQLExtensions).persistedQuery ?? {}),
        withDocument: searchParams.has('query') || 'query' in body,
      });
    }
  });
});
afterAll(() => browser?.close());

afterEach(async (context) => {
  const name = context.task.name.replace(/\W+/g, '-').slice(0, 60);
  await page.screenshot({ path: artefact(`${name}.png`), fullPage: true });
  expect(consoleErrors).toEqual([]);
  expect(offMachineRequests).toEqual([]);
  expect(graphqlRequests.length).toBeGreaterThan(0);
  expect(graphqlRequests.filter((sent) => !sent.byHash || sent.withDocument)).toEqual([]);
});

describe('the explorer in headless Chromium', () => {
  it('searches "Tiani", opens the CNSP leader and shows the CNSP with its source', async () => {
    const navigation = await page.goto(`${origin}/`);
    expect(navigation?.status()).toBe(200);
    await page.getByRole('combobox', { name: 'Search the graph' }).fill('Tiani');
    const suggestion = page.getByRole('option', { name: /Abdourahamane Tchiani/ });
    await expect.poll(() => suggestion.textContent()).toContain('person');
    await suggestion.click();

    await page.getByRole('heading', { level: 1, name: 'Abdourahamane Tchiani' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/entity/abdourahamane-tchiani');
    const leads = page.locator('.fact-group', {
      has: page.getByRole('heading', { name: 'LEADS' }),
    });
    const cnsp = leads.locator('.fact', {
      has: page.getByRole('link', { name: 'National Council for the Safeguard of the Homeland' }),
    });
    await cnsp.waitFor();
    expect(await cnsp.locator('.evidence-source').allTextContents()).toEqual([
      expect.stringContaining('Wikipedia: Abdourahamane Tchiani'),
    ]);
    expect(await page.locator('#sources').textContent()).toContain(
      'Wikipedia: Abdourahamane Tchiani',
    );
  });

  it('shows the Kandadji attack: the claims side by side, its graph, map and timeline', async () => {
    // The page's URL is shareable: a fresh load of it opens the same page.
    await page.goto(`${origin}/#/entity/${KANDADJI_ATTACK}`);
    await page.getByRole('heading', { level: 1, name: 'Kandadji attack' }).waitFor();

    const killed = page.locator('.claims tr[data-property="soldiers_killed"]');
    await killed.first().waitFor();
    const claims = await killed.evaluateAll((rows) =>
      rows.map((row) => ({
        by: row.querySelector('.claimed-by')?.textContent?.trim(),
        value: row.querySelector('.claim-value')?.textContent?.replace(/\s+/g, ' ').trim(),
      })),
    );
    expect(claims).toEqual(
      expect.arrayContaining([
        { by: "Statement of Niger's defence ministry on the Kandadji attack", value: '12 soldier' },
        {
          by: 'Sources including a senior military officer, speaking to Reuters',
          value: '10 soldier',
        },
      ]),
    );

    const graph = page.locator('.neighbourhood[data-nodes]');
    await graph.waitFor();
    expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThanOrEqual(10);
    expect(await page.locator('.graph-canvas canvas').count()).toBeGreaterThan(0);

    const kandadji = page.locator('.map-point[data-slug="kandadji"]');
    await kandadji.waitFor();
    expect(await kandadji.textContent()).toContain('Kandadji');
    const niamey = page.locator('.distances tr', { hasText: 'Niamey' });
    await niamey.waitFor();
    // Computed from the coordinates, beside what the article states.
    expect((await niamey.textContent())?.replace(/\s+/g, ' ')).toMatch(
      /Niamey \d+ km ± \d+ km about 190 km per News article/,
    );

    const dates = page.locator('.timeline-list time');
    await dates.first().waitFor();
    expect(await dates.allTextContents()).toContain('2023-09-28');

    for (const section of ['claims', 'graph', 'map', 'timeline']) {
      await page.locator(`#${section}`).screenshot({ path: artefact(`kandadji-${section}.png`) });
    }
  });

  it('runs a Cypher query in the console, draws its result and downloads it as CSV', async () => {
    await page.goto(`${origin}/#/console`);
    const editor = page.locator('.cypher-editor .cm-content');
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(
      'MATCH (event:Event)-[at:OCCURRED_AT]->(place:Place) RETURN event, at, place LIMIT 5',
    );
    await page.getByRole('button', { name: 'Run' }).click();

    const rows = page.locator('.cypher-result tbody tr');
    await rows.first().waitFor();
    expect(await page.locator('.cypher-result thead th').allTextContents()).toEqual([
      'event',
      'at',
      'place',
    ]);
    expect(await rows.first().textContent()).toContain('[:OCCURRED_AT]');
    const graph = page.locator('.console-graph[data-nodes]');
    await graph.waitFor();
    expect(Number(await graph.getAttribute('data-nodes'))).toBeGreaterThanOrEqual(2);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    const csv = await streamText(await download.createReadStream());
    expect(csv.split('\n')[0]).toBe('event,at,place');
    expect(csv.split('\n').filter(Boolean).length).toBe((await rows.count()) + 1);
  });
});

function artefact(name: string): string {
  return new URL(name, ARTIFACTS).pathname;
}

async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
