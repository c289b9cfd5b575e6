/**
 * The explorer at `/`: the page and hashed assets that Vite builds from explorer/ into
 * explorer/dist (`npm start` builds them when missing). Only `/`, `/index.html` and plain file
 * names under `/assets/` are served, so no request can reach another file.
 */
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'graphql-yoga';

/** explorer/dist, from src/http/ under tsx and from dist/http/ when compiled alike. */
export const EXPLORER_BUNDLE = fileURLToPath(new URL('../../explorer/dist/', import.meta.url));

const ASSET = /^\/assets\/[\w.-]+$/;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export function useExplorer(bundle = EXPLORER_BUNDLE): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const isPage = url.pathname === '/' || url.pathname === '/index.html';
      if (!isPage && !ASSET.test(url.pathname)) return;
      const file = join(bundle, isPage ? 'index.html' : url.pathname);
      const body = await readFile(file).catch(() => undefined);
      if (!body) {
        endResponse(
          isPage
            ? new Response('The explorer is not built: run `npm run explorer:build`.\n', {
                status: 503,
                headers: { 'content-type': 'text/plain; charset=utf-8' },
              })
            : new Response(null, { status: 404 }),
        );
        return;
      }
      endResponse(
        new Response(request.method === 'HEAD' ? null : body, {
          headers: {
            'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            // Asset names carry a hash of their content; the page names the current ones.
            'cache-control': isPage ? 'no-cache' : 'public, max-age=31536000, immutable',
          },
        }),
      );
    },
  };
}
