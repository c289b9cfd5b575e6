/**
 * GraphiQL at /graphql in a real browser (headless Chromium): the page loads from the server
 * alone, with no request off the machine, and runs its default query against the seeded graph.
 */
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../src/server.js';
import { launchChromium } from './support/browser.js';
import { useSeededService } from './support/service.js';

const seeded = useSeededService();
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  // Tall enough that the editor draws every line of the default query (Monaco draws only
  // the visible lines).
  context = await browser.newContext({ viewport: { width: 1280, height: 1400 } });
});
afterAll(() => browser?.close());

describe('GraphiQL in headless Chromium', () => {
  it('loads from the server alone, shows the default query and runs it', async () => {
    const serverOrigin = new URL(seeded().url).origin;
    const page = await context.newPage();
    const requestedUrls: string[] = [];
    const consoleErrors: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', (request) => requestedUrls.push(request.url()));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // Inline data: and blob: URLs (the favicon, Monaco's workers) stay on the machine.
    const offMachineRequests = () =>
      requestedUrls.filter(
        (url) => !/^(data|blob):/.test(url) && new URL(url).origin !== serverOrigin,
      );

    // A navigation asks for text/html, as any browser does: that is what gets GraphiQL.
    const navigation = await page.goto(`${serverOrigin}/graphql`);
    expect(navigation?.status()).toBe(200);
    expect(await navigation?.request().headerValue('accept')).toMatch(/text\/html/);
    // Checked at the load event too: a page that loads its scripts from a CDN never shows the
    // editor, and this names the culprits instead of a wait that runs out.
    expect(offMachineRequests()).toEqual([]);

    const queryEditor = page.locator('.graphiql-query-editor');
    const resultPane = page.locator('.graphiql-response');
    await queryEditor.getByText('query KandadjiAttack').waitFor();
    expect(await editorText(queryEditor)).toBe(DEFAULT_QUERY);

    await page.getByRole('button', { name: /execute query/i }).click();
    await resultPane.getByText('Kandadji').first().waitFor();
    const result = await editorText(resultPane);
    expect(result).toContain('"name": "Kandadji attack"');
    expect(result).toContain('"value": "2023-09-28"');
    expect(result).toContain('"casualtyClaims": [');
    expect(result).not.toContain('"errors"');

    expect(await page.title()).toBe('sahel-graph');
    expect(consoleErrors).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(offMachineRequests()).toEqual([]);
    expect(requestedUrls).toContain(`${serverOrigin}/graphql`);
  });
});

/** The text of a Monaco editor as drawn: its lines ordered by position, with plain spaces. */
async function editorText(editor: Locator): Promise<string> {
  const lines = await Promise.all(
    (await editor.locator('.view-line').all()).map(async (line) => ({
      top: Number(/top:\s*(-?[\d.]+)px/.exec((await line.getAttribute('style')) ?? '')?.[1]),
      text: ((await line.textContent()) ?? '').replaceAll('\u00a0', ' '),
    })),
  );
  return lines
    .sort((a, b) => a.top - b.top)
    .map((line) => line.text)
    .join('\n');
}
