/**
 * How the server serves the explorer's bundle (src/http/use-explorer.ts): the page at / and
 * its hashed assets, nothing else of the disk, and a clear answer when the bundle is missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createYoga } from 'graphql-yoga';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useExplorer } from '../src/http/use-explorer.js';

const built = createYoga({ plugins: [useExplorer()], logging: false });
let emptyFolder: string;

beforeAll(async () => {
  emptyFolder = await mkdtemp(join(tmpdir(), 'sahel-graph-no-bundle-'));
});
afterAll(() => rm(emptyFolder, { recursive: true, force: true }));

describe('the explorer bundle at /', () => {
  it('serves the page, revalidated on each visit, and its assets, cached for good', async () => {
    const page = await built.fetch('http://localhost/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    expect(html).toContain('<title>sahel-graph explorer</title>');

    const script = /src="\.(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await built.fetch(`http://localhost${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers 404 for an asset it does not have, and serves nothing outside the bundle', async () => {
    expect((await built.fetch('http://localhost/assets/nothing-here.js')).status).toBe(404);
    for (const path of ['/assets/..%2F..%2Fpackage.json', '/package.json', '/explorer/bundle.ts']) {
      const response = await built.fetch(`http://localhost${path}`);
      expect(response.status, path).toBe(404);
    }
  });

  it('says how to build the bundle when it is missing', async () => {
    const unbuilt = createYoga({ plugins: [useExplorer(emptyFolder)], logging: false });
    const page = await unbuilt.fetch('http://localhost/');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('npm run explorer:build');
  });
});
