/** POST /cypher, analysts' read-only Cypher over HTTP: answered by analyst/cypher-endpoint.ts. */
import type { Plugin } from 'graphql-yoga';
import {
  answerCypherRequest,
  CYPHER_PATH,
  type CypherEndpointOptions,
} from '../analyst/cypher-endpoint.js';

export function useCypherEndpoint(options: CypherEndpointOptions): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== CYPHER_PATH) return;
      endResponse(await answerCypherRequest(request, url, options));
    },
  };
}
