/**
 * The HTTP application: graphql-yoga with the explorer at /, GraphiQL at /graphql, /health (the
 * process is alive) and /ready (Neo4j answers), composed from small plugins.
 */
import { format } from 'node:util';
import { createYoga, type YogaServerInstance } from 'graphql-yoga';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { isAuthorized } from './analyst/cypher-endpoint.js';
import type { Config } from './config.js';
import { useArgumentErrors } from './http/use-argument-errors.js';
import { useCypherEndpoint } from './http/use-cypher-endpoint.js';
import { useExplorer } from './http/use-explorer.js';
import { useHttpCaching } from './http/use-http-caching.js';
import { useKnownOperationTypes } from './http/use-known-operation-types.js';
import { useMetricsEndpoint } from './http/use-metrics-endpoint.js';
import { useNeo4jReadiness } from './http/use-neo4j-readiness.js';
import { useOperationLimits } from './http/use-operation-limits.js';
import { useOperationMetrics } from './http/use-operation-metrics.js';
import { useResponseCache } from './http/use-response-cache.js';
import { useTrustedDocuments } from './http/use-trusted-documents.js';
import { maskError } from './masked-errors.js';
import type { Metrics } from './metrics.js';
import type { Logger } from './logger.js';
import type { GraphDatabase } from './neo4j/database.js';
import type { Context } from './schema/builder.js';
import { schema } from './schema/index.js';
import { createLoaders } from './schema/loaders.js';

export type App = YogaServerInstance<Record<string, never>, Context>;

export const DEFAULT_QUERY = `# Welcome to sahel-graph: a knowledge graph of news about the Sahel.
# Press the run button (or Ctrl-Enter). The Docs pane describes every type and field;
# more example operations are in the repository's examples/ folder.
query KandadjiAttack {
  search(query: "Kandadji attack", kinds: [EVENT], first: 1) {
    edges {
      score
      node {
        name
        ... on Event {
          date { value phrase }
          place { name }
          participants { role node { name } }
          casualtyClaims {
            label
            value
            qualifier
            claimedBy { name }
            quote
          }
        }
      }
    }
  }
  graphStats { nodeCount relationshipCount }
}
`;

export function createApp(options: {
  config: Pick<Config, 'corsOrigins' | 'production' | 'cypher' | 'limits' | 'trustedDocumentsOnly'>;
  database: GraphDatabase;
  logger: Logger;
  metrics: Metrics;
}): App {
  const { config, database, logger, metrics } = options;
  let graphiqlPage: string | undefined;
  return createYoga<Record<string, never>, Context>({
    schema,
    context: ({ request }) => ({
      database,
      loaders: createLoaders(database),
      cypher: { limits: config.cypher, authorized: isAuthorized(request, config.cypher.token) },
    }),
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'sahel-graph', defaultQuery: DEFAULT_QUERY },
    // GraphiQL from the npm package, with its scripts, styles, fonts and editor workers inlined:
    // Yoga's default page loads them from a CDN and stays blank offline. The page is about 9 MB,
    // so it is rendered once, on the first request (the options never change).
    renderGraphiQL: (graphiqlOptions) => (graphiqlPage ??= renderGraphiQL(graphiqlOptions)),
    cors: corsOptions(config.corsOrigins),
    logging: {
      debug: (...args) => logger.debug(format(...args)),
      info: (...args) => logger.info(format(...args)),
      warn: (...args) => logger.warn(format(...args)),
      error: (...args) => logger.error(format(...args)),
    },
    maskedErrors: { maskError: maskError(logger) },
    // One operation per request: a batch would multiply every limit below.
    batching: false,
    plugins: [
      useNeo4jReadiness(database, logger),
      useMetricsEndpoint(metrics),
      useCypherEndpoint({ database, config, logger }),
      useExplorer(),
      useHttpCaching(),
      // Before the cache: a hash becomes its document, which the cache keys answers by.
      useTrustedDocuments({ only: config.trustedDocumentsOnly, logger }),
      ...useResponseCache({
        database,
        metrics,
        logger,
        maxBytes: config.limits.responseCacheBytes,
      }),
      useKnownOperationTypes(),
      useArgumentErrors(),
      ...useOperationLimits(config.limits, config.production),
      useOperationMetrics(metrics),
    ],
  });
}

function corsOptions(origins: string[]) {
  if (origins.length === 0) return false;
  return { origin: origins.includes('*') ? '*' : origins, methods: ['GET', 'POST'] };
}
