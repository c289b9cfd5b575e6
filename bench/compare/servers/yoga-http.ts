/** A graphql-yoga server on loopback for a schema, at /graphql. */
import { createServer } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { HOST, type RunningServer } from './types.js';

export async function serveSchema(
  schema: GraphQLSchema,
  port: number,
  onStop: () => Promise<void>,
): Promise<RunningServer> {
  const yoga = createYoga({
    schema,
    graphqlEndpoint: '/graphql',
    graphiql: false,
    logging: 'warn',
    maskedErrors: false,
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  return {
    url: `http://${HOST}:${port}/graphql`,
    async stop() {
      server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await yoga.dispose();
      await onStop();
    },
  };
}
