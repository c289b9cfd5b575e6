/** Serves a fetch-style handler over Node's HTTP server, with a graceful close. */
import { createServer, type RequestListener, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { Logger } from './logger.js';
import { requestContext } from './request-context.js';
import { StartupError } from './startup-error.js';

export interface HttpServer {
  /** The base URL, e.g. http://127.0.0.1:4000 (the real port when 0 was asked for). */
  url: string;
  /** Stops accepting, lets in-flight requests finish for up to graceMs, then drops the rest. */
  close(graceMs: number): Promise<void>;
}

export async function listen(
  handler: RequestListener,
  options: {
    port: number;
    host: string;
    logger: Logger;
    maxBodyBytes: number;
    /** How long a client may take to send a request's headers (default 20 s). */
    headersTimeoutMs?: number;
    /** How long a client may take to send a whole request, body included (default 60 s). */
    requestTimeoutMs?: number;
    /** Told of every response, for metrics. */
    onResponse?: (method: string, path: string, status: number, seconds: number) => void;
  },
): Promise<HttpServer> {
  const closing = closeKeptAliveOnShutdown();
  const server = createServer(
    slowClientTimeouts(options.headersTimeoutMs ?? 20_000, options.requestTimeoutMs ?? 60_000),
    closing.track(
      logRequests(limitBodies(handler, options.maxBodyBytes), options.logger, options.onResponse),
    ),
  );
  try {
    server.listen(options.port, options.host);
    await once(server, 'listening');
  } catch (error) {
    throw new StartupError(
      'HTTP_PORT_UNAVAILABLE',
      `cannot listen on ${options.host}:${options.port} (${(error as Error).message})`,
      'set PORT to a free port, or stop the process that holds this one',
    );
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    async close(graceMs) {
      const closed = once(server, 'close');
      closing.begin();
      server.close();
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}

/**
 * Slow clients may not hold a connection open for ever (slowloris): the headers must arrive
 * within `headersMs` of the request's first byte and the whole request, body included, within
 * `requestMs`, however steadily the bytes trickle in; past either, Node answers 408 and closes
 * the connection. Node checks its connections for these timeouts only every
 * `connectionsCheckingInterval` (30 s by default), so a client used to be dropped up to 30 s
 * late: the interval is a small part of the shorter timeout (at most 1 s). They apply to each
 * request of a kept-alive connection too; an idle kept-alive connection is closed after Node's
 * `keepAliveTimeout` (5 s), and `server.timeout` (idle socket) stays off, as Node has it.
 */
function slowClientTimeouts(headersMs: number, requestMs: number) {
  return {
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(headersMs / 10))),
  };
}

/**
 * Once the server is closing, every response still to be sent says `Connection: close`, so a
 * kept-alive client gets its answer and then finds the port shut, instead of sending request
 * after request on its busy connection until the grace runs out and the connection is cut.
 */
function closeKeptAliveOnShutdown() {
  let closing = false;
  const unanswered = new Set<ServerResponse>();
  const closeAfter = (response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('connection', 'close');
  };
  return {
    track(handler: RequestListener): RequestListener {
      return (request, response) => {
        if (closing) closeAfter(response);
        unanswered.add(response);
        response.once('close', () => unanswered.delete(response));
        handler(request, response);
      };
    },
    begin() {
      closing = true;
      unanswered.forEach(closeAfter);
    },
  };
}

/**
 * Gives each request an id (the X-Request-Id header, and the context of everything done for
 * it), and logs one line when its response ends: probes at debug level, the rest at info.
 */
function logRequests(
  handler: RequestListener,
  logger: Logger,
  onResponse: (method: string, path: string, status: number, seconds: number) => void = () => {},
): RequestListener {
  return (request, response) => {
    const started = performance.now();
    const requestId = randomUUID();
    response.setHeader('x-request-id', requestId);
    response.once('finish', () => {
      const path = (request.url ?? '').split('?')[0];
      const level =
        path === '/health' || path === '/ready' || path === '/metrics' ? 'debug' : 'info';
      const ms = Math.round((performance.now() - started) * 10) / 10;
      logger[level](
        { requestId, method: request.method, path, status: response.statusCode, ms },
        'request',
      );
      onResponse(request.method ?? 'GET', path ?? '', response.statusCode, ms / 1000);
    });
    requestContext.run({ requestId }, () => handler(request, response));
  };
}

/**
 * Refuses a body over the limit before anything reads it (413), and a body of unknown length
 * (411): the length must be declared for the limit to be checked up front.
 */
function limitBodies(handler: RequestListener, maxBodyBytes: number): RequestListener {
  return (request, response) => {
    const declared = request.headers['content-length'];
    const refuse = (status: number, code: string, message: string) => {
      response.writeHead(status, { 'content-type': 'application/json', connection: 'close' });
      response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
      request.resume();
    };
    if (request.headers['transfer-encoding'] && declared === undefined) {
      refuse(411, 'LENGTH_REQUIRED', 'Send the body with a Content-Length header');
    } else if (declared !== undefined && Number(declared) > maxBodyBytes) {
      refuse(413, 'BODY_TOO_LARGE', `The body is over ${maxBodyBytes} bytes`);
    } else {
      handler(request, response);
    }
  };
}
