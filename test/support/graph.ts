/** Reads the whole graph back in a stable, comparable form (for idempotence and rollback checks). */
import type { GraphDatabase } from '../../src/neo4j/database.js';

export async function clearGraph(database: GraphDatabase): Promise<void> {
  await database.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
}

export async function snapshotGraph(database: GraphDatabase): Promise<unknown> {
  return database.read(async (tx) => {
    const nodes = await tx.run(
      `MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id`,
    );
    const relationships = await tx.run(
      `MATCH (a)-[r]->(b)
       RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
       ORDER BY from, type, to, r.id`,
    );
    return {
      nodes: nodes.records.map((record) => ({
        labels: [...(record.get('labels') as string[])].sort(),
        props: normalise(record.get('props')),
      })),
      // Whole rows in order: links alike but for their properties (two files' MENTIONS of one
      // entity) come in no set order.
      relationships: relationships.records
        .map((record) => ({ ...record.toObject(), props: normalise(record.get('props')) }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    };
  });
}

/** Neo4j values (dates, points) as their strings, keys in order. */
function normalise(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(props)
      .sort()
      .map((key) => {
        const value = props[key];
        return [
          key,
          value !== null && typeof value === 'object' && !Array.isArray(value)
            ? String(value)
            : value,
        ];
      }),
  );
}

/**
 * A function that runs a read query on the database `database` returns when called, and gives
 * its records as plain objects.
 */
export function rowReader(database: () => GraphDatabase) {
  return async <T = Record<string, unknown>>(cypher: string, params = {}): Promise<T[]> =>
    database().read(async (tx) =>
      (await tx.run(cypher, params)).records.map((r) => r.toObject() as T),
    );
}
