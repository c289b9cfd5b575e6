/**
 * The procedures an analyst's Cypher may call: read-only schema introspection and search
 * (compared in lower case; Neo4j's own names are case-sensitive, so a differently cased call is
 * simply not found). The embedded Neo4j grants the analyst login (embedded/analyst-user.ts)
 * these and no others, and the analyst's query check (analyst/cypher-tree.ts) refuses a call to
 * any other before the query reaches the database. One list for both, kept with the database so
 * that the database layer does not read the analyst layer.
 */
export const ALLOWED_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);
