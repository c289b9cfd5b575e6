/** Serves a fetch-style handler over Node's HTTP server, with a graceful close. */
import { createServer, type RequestListener } from 'node:http';
import { once } from 'node:events';
import type { Logger } from './logger.js';
import { StartupError } from './startup-error.js';

export interface HttpServer {
  /** The base URL, e.g. http://127.0.0.1:4000 (the real port when 0 was asked for). */
  url: string;
  /** Stops accepting, lets in-flight requests finish for up to graceMs, then drops the rest. */
  close(graceMs: number): Promise<void>;
}

export async function listen(
  handler: RequestListener,
  options: { port: number; host: string; logger: Logger },
): Promise<HttpServer> {
  const server = createServer(logRequests(handler, options.logger));
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
      server.close();
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
    },
  };
}

/** One log line per request when its response ends: probes at debug level, the rest at info. */
function logRequests(handler: RequestListener, logger: Logger): RequestListener {
  return (request, response) => {
    const started = performance.now();
    response.once('finish', () => {
      const path = (request.url ?? '').split('?')[0];
      const level = path === '/health' || path === '/ready' ? 'debug' : 'info';
      const ms = Math.round((performance.now() - started) * 10) / 10;
      logger[level]({ method: request.method, path, status: response.statusCode, ms }, 'request');
    });
    handler(request, response);
  };
}
