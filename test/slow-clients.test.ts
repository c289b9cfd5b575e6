/**
 * Slow clients (slowloris) are dropped on time: the headers must arrive within
 * HTTP_HEADERS_TIMEOUT_MS and the whole request within HTTP_REQUEST_TIMEOUT_MS, however steadily
 * the bytes trickle in, on a fresh connection or a kept-alive one. Short timeouts here; the
 * checks do not depend on timing precision: each connection must be closed by the server, and
 * not before its bound.
 */
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../src/app.js';
import { startTestService } from './support/service.js';

const HEADERS_MS = 600;
const REQUEST_MS = 1500;
/**
 * How long a test may wait for the server to close: far past both timeouts, and far short of
 * the 20 s to 90 s that Node's 30 s checking interval used to let slow clients take.
 */
const WAIT = { timeout: 15_000 };

let service: RunningService;
beforeAll(async () => {
  service = await startTestService({
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
  });
});
afterAll(() => service?.stop());

/** A raw connection to the server, with everything it received. */
async function open(): Promise<{ socket: Socket; received: () => string }> {
  const { hostname, port } = new URL(service.url);
  const socket = connect(Number(port), hostname);
  await once(socket, 'connect');
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.on('error', () => {}); // a reset counts as closed too
  return { socket, received: () => received };
}

/**
 * Writes `piece` every 100 ms until the server closes the connection; resolves with the time
 * from `started` to the close. The bytes keep coming, so only the timeout can end it.
 */
async function trickleUntilClosed(socket: Socket, piece: string, started: number) {
  const closed = once(socket, 'close');
  const timer = setInterval(() => {
    if (!socket.destroyed) socket.write(piece);
  }, 100);
  try {
    await closed;
  } finally {
    clearInterval(timer);
  }
  return performance.now() - started;
}

describe('slow clients', () => {
  it(
    'closes a connection whose headers trickle in past HTTP_HEADERS_TIMEOUT_MS',
    WAIT,
    async () => {
      const { socket, received } = await open();
      const started = performance.now();
      socket.write(`GET /health HTTP/1.1\r\nHost: localhost\r\n`);
      const elapsed = await trickleUntilClosed(socket, 'X-Slow: a\r\n', started);
      expect(elapsed).toBeGreaterThanOrEqual(HEADERS_MS);
      expect(received()).toMatch(/^HTTP\/1\.1 408/);
    },
  );

  it('closes a connection whose body trickles in past HTTP_REQUEST_TIMEOUT_MS', WAIT, async () => {
    const { socket } = await open();
    const started = performance.now();
    socket.write(
      'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100000\r\n\r\n{"query": "',
    );
    const elapsed = await trickleUntilClosed(socket, ' ', started);
    expect(elapsed).toBeGreaterThanOrEqual(REQUEST_MS);
  });

  it('closes a kept-alive connection whose next request trickles in', WAIT, async () => {
    const { socket, received } = await open();
    socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n');
    while (!/\r\n\r\n/.test(received())) await once(socket, 'data');
    expect(received()).toMatch(/^HTTP\/1\.1 200/);
    const started = performance.now();
    socket.write('GET /health HTTP/1.1\r\nHost: localhost\r\n');
    const elapsed = await trickleUntilClosed(socket, 'X-Slow: a\r\n', started);
    expect(elapsed).toBeGreaterThanOrEqual(HEADERS_MS);
  });

  it('serves a client that is not slow', async () => {
    const response = await fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
