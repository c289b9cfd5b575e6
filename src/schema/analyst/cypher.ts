/**
 * `cypher`: analysts' read-only Cypher over GraphQL, with the same checks and limits as
 * POST /cypher; a refusal is an error on the `query` argument.
 */
import { GraphQLError } from 'graphql';
import {
  CYPHER_TURNED_OFF,
  CypherRefusal,
  missingTokenRefusal,
} from '../../analyst/cypher-refusal.js';
import { runAnalystCypher, type CypherResult } from '../../analyst/run-cypher.js';
import { builder } from '../builder.js';

const CypherTruncationType = builder.enumType('CypherTruncation', {
  description: 'Which limit cut the answer of a Cypher query.',
  values: {
    ROWS: { value: 'rows', description: 'The row limit (CYPHER_MAX_ROWS).' },
    BYTES: { value: 'bytes', description: 'The size limit of the rows (CYPHER_MAX_BYTES).' },
  } as const,
});

const CypherResultType = builder.objectRef<CypherResult>('CypherResult').implement({
  description: 'The answer of a read-only Cypher query.',
  fields: (t) => ({
    columns: t.exposeStringList('columns', { description: 'The names of the returned columns.' }),
    rows: t.field({
      type: ['JSON'],
      description:
        'One list of values per row; nodes and relationships with ids, labels or type and properties.',
      resolve: (result) => result.rows,
    }),
    truncated: t.exposeBoolean('truncated', {
      description:
        'True when the answer was cut at the row limit (CYPHER_MAX_ROWS) or the size limit of its rows (CYPHER_MAX_BYTES): the rest were not read.',
    }),
    truncatedBy: t.field({
      type: CypherTruncationType,
      nullable: true,
      description: 'Which limit cut the answer; null when it is whole.',
      resolve: (result) => result.truncatedBy,
    }),
  }),
});

builder.queryField('cypher', (t) =>
  t.field({
    type: CypherResultType,
    description:
      'Runs a read-only Cypher query: writes, schema changes, LOAD CSV, other databases, procedures off a short allowlist, cartesian products and unbounded paths are refused, and under the analyst login Neo4j itself allows nothing but reading; a time limit, a row limit and a size limit apply. Also POST /cypher.',
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
        if (cypher.limits.enabled === false) {
          throw new CypherRefusal('FORBIDDEN', CYPHER_TURNED_OFF, 403);
        }
        if (!cypher.authorized) {
          throw missingTokenRefusal();
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
