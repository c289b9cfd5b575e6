/** /ready: 200 while Neo4j answers, 503 with a short reason while it does not. */
import { useReadinessCheck, type Plugin } from 'graphql-yoga';
import type { Logger } from '../logger.js';
import type { GraphDatabase } from '../neo4j/database.js';

export function useNeo4jReadiness(database: GraphDatabase, logger: Logger): Plugin {
  return useReadinessCheck({
    endpoint: '/ready',
    check: async () => {
      try {
        await database.ping();
        return Response.json({ status: 'ready', neo4j: 'up' });
      } catch (error) {
        const { code, message } = error as { code?: string; message?: string };
        logger.warn({ code, message }, 'readiness check: Neo4j does not answer');
        return Response.json(
          { status: 'unavailable', reason: `Neo4j does not answer (${code ?? 'unknown error'})` },
          { status: 503 },
        );
      }
    },
  });
}
