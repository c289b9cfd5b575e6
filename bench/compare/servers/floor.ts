/**
 * "floor": one hand-written Cypher query per operation on neo4j-driver, behind a minimal
 * hand-written schema whose resolvers return the query's JSON as it is (default resolvers do
 * the rest). What a GraphQL layer over Neo4j cannot beat by much.
 */
import { createSchema } from 'graphql-yoga';
import neo4j, { type Driver } from 'neo4j-driver';
import { serveSchema } from './yoga-http.js';
import type { StartServer } from './types.js';

const typeDefs = /* GraphQL */ `
  type Query {
    entity(slug: String!): Entity
    "The entity, its relationships and theirs: first n at each level, by type then name."
    entityGraph(slug: String!, first: Int! = 10): EntityGraph
    "Events that may have happened between the two days, in time order, with their place."
    events(from: String!, to: String!, first: Int! = 100): [EventRow!]!
    "Claims about an entity, by property then value, with who claims them."
    claimsAbout(slug: String!, first: Int! = 100): [ClaimRow!]!
  }
  type Entity {
    slug: String!
    name: String!
    kind: String!
  }
  type EntityGraph {
    slug: String!
    name: String!
    kind: String!
    relations: [Relation!]!
  }
  type Relation {
    type: String!
    direction: String!
    role: String
    sources: [SourceRef!]!
    node: RelatedEntity!
  }
  type RelatedEntity {
    slug: String!
    name: String!
    relations: [Relation!]
  }
  type SourceRef {
    slug: String!
    name: String!
  }
  type EventRow {
    slug: String!
    name: String!
    date: String
    place: PlaceRef
  }
  type PlaceRef {
    slug: String!
    name: String!
  }
  type ClaimRow {
    slug: String!
    property: String!
    value: Float
    valueText: String
    qualifier: String!
    claimedBy: SourceRef!
  }
`;

const ENTITY = `MATCH (e:Entity {id: $slug}) RETURN e {slug: e.id, .name, .kind} AS row`;

const relationMap = (r: string, from: string, other: string, node: string) => `{
  type: type(${r}),
  direction: CASE WHEN startNode(${r}) = ${from} THEN 'OUTGOING' ELSE 'INCOMING' END,
  role: ${r}.role,
  sources: [sid IN coalesce(${r}.sourceIds, []) |
    COLLECT { MATCH (s:Source {id: sid}) RETURN {slug: s.id, name: s.name} }[0]],
  node: ${node}
}`;

const ENTITY_GRAPH = `
  MATCH (e:Entity {id: $slug})
  CALL (e) {
    MATCH (e)-[r]-(o:Entity)
    WITH r, o ORDER BY type(r), toLower(o.name), r.id LIMIT $first
    CALL (o) {
      MATCH (o)-[r2]-(o2:Entity)
      WITH r2, o2 ORDER BY type(r2), toLower(o2.name), r2.id LIMIT $first
      RETURN collect(${relationMap('r2', 'o', 'o2', '{slug: o2.id, name: o2.name}')}) AS inner
    }
    RETURN collect(${relationMap('r', 'e', 'o', '{slug: o.id, name: o.name, relations: inner}')}) AS relations
  }
  RETURN {slug: e.id, name: e.name, kind: e.kind, relations: relations} AS row`;

const EVENTS = `
  MATCH (e:Event)
  WHERE coalesce(e.dateLatest, e.endDateLatest) >= date($from)
    AND coalesce(e.date, e.endDate) <= date($to)
  WITH e ORDER BY coalesce(e.date, e.endDate), coalesce(e.dateLatest, e.endDateLatest), e.name
  LIMIT $first
  OPTIONAL CALL (e) {
    MATCH (e)-[r:OCCURRED_AT]->(p:Entity)
    RETURN p ORDER BY toLower(p.name), r.id LIMIT 1
  }
  RETURN {slug: e.id, name: e.name, date: toString(e.date),
          place: CASE WHEN p IS NULL THEN null ELSE {slug: p.id, name: p.name} END} AS row`;

const CLAIMS_ABOUT = `
  MATCH (c:Claim)-[:ABOUT]->(:Entity {id: $slug})
  WITH c ORDER BY c.property, c.value, c.id LIMIT $first
  OPTIONAL MATCH (c)-[:CLAIMED_BY]->(s:Source)
  RETURN {slug: c.id, property: c.property, value: c.value, valueText: c.valueText,
          qualifier: c.qualifier, claimedBy: {slug: s.id, name: s.name}} AS row`;

async function rows(driver: Driver, cypher: string, params: Record<string, unknown>) {
  const result = await driver.executeQuery(cypher, params, { routing: 'READ' });
  return result.records.map((record) => record.get('row') as unknown);
}

export const startFloor: StartServer = async (boltUri, port) => {
  const driver = neo4j.driver(boltUri, undefined, {
    userAgent: 'bench-compare-floor',
    disableLosslessIntegers: true,
  });
  const int = (value: number) => neo4j.int(value);
  const schema = createSchema({
    typeDefs,
    resolvers: {
      Query: {
        entity: async (_: unknown, args: { slug: string }) =>
          (await rows(driver, ENTITY, args))[0] ?? null,
        entityGraph: async (_: unknown, args: { slug: string; first: number }) =>
          (await rows(driver, ENTITY_GRAPH, { slug: args.slug, first: int(args.first) }))[0] ??
          null,
        events: (_: unknown, args: { from: string; to: string; first: number }) =>
          rows(driver, EVENTS, { ...args, first: int(args.first) }),
        claimsAbout: (_: unknown, args: { slug: string; first: number }) =>
          rows(driver, CLAIMS_ABOUT, { slug: args.slug, first: int(args.first) }),
      },
    },
  });
  return serveSchema(schema, port, () => driver.close());
};
