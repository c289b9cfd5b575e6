/** GET /metrics: the metrics (metrics.ts) in Prometheus' text format. */
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.js';

export function useMetricsEndpoint(metrics: Metrics): Plugin {
  return {
    onRequest: async ({ url, endResponse }) => {
      if (url.pathname !== '/metrics') return;
      endResponse(
        new Response(await metrics.registry.metrics(), {
          headers: { 'content-type': metrics.registry.contentType },
        }),
      );
    },
  };
}
