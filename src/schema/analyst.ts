/** Analysts' fields: read-only Cypher over the graph, with the same checks as POST /cypher. */
import { GraphQLError } from 'graphql';
import { CypherRefusal } from '../analyst/cypher-refusal.js';
import { runAnalystCypher, type CypherResult } from '../store/analyst-cypher.js';
import { builder } from './builder.js';

const CypherResultType = builder.objectRef<CypherResult>('CypherResult').implement({
  description: 'The answer of a read-only Cypher query.',
  fields: (t) => ({
    columns: t.exposeStringList('columns', { description: 'The names of the returned columns.' }),
    rows: t.field({
      type: [['JSON']] as never,
      description:
        'One list of values per row; nodes and relationships with ids, labels or type and properties.',
      resolve: (result) => result.rows,
    }),
    truncated: t.exposeBoolean('truncated', {
      description:
        'True when the query had more rows than the limit (CYPHER_MAX_ROWS): the rest were not read.',
    }),
  }),
});

builder.queryField('cypher', (t) =>
  t.field({
    type: CypherResultType,
    description:
      'Runs a read-only Cypher query: writes, schema changes, LOAD CSV, other databases, procedures off a short allowlist, cartesian products and unbounded paths are refused; a time limit and a row limit apply. Also POST /cypher.',
    args: {
      query: t.arg.string({
        required: true,
        description: 'The Cypher query, e.g. "MATCH (c:Country) RETURN c.name".',
      }),
      params: t.arg({
        type: 'JSONObject',
        required: false,
        description: 'Named parameters, e.g. {"slug": "niger"}.',
      }),
    },
    resolve: async (_root, args, { database, cypher }) => {
      try {
        if (!cypher.authorized) {
          throw new CypherRefusal(
            'UNAUTHORIZED',
            'send the CYPHER_TOKEN as "Authorization: Bearer <token>"',
            401,
          );
        }
        return await runAnalystCypher(database, args.query, args.params ?? {}, cypher.limits);
      } catch (error) {
        if (!(error instanceof CypherRefusal)) throw error;
        throw new GraphQLError(error.message, {
          extensions: { code: error.code, argumentName: 'query' },
        });
      }
    },
  }),
);
