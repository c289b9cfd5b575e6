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
    "Entities whose names or aliases match a Lucene query, best first."
    search(lucene: String!, first: Int! = 10): [SearchHit!]!
    "The entity, its relationships and theirs: first n at each level, by type then name."
    entityGraph(slug: String!, first: Int! = 10): EntityGraph
    "Entities of a kind by name, a page after an offset cursor."
    entityPage(kind: String!, first: Int! = 10, after: String): EntityPage!
    "Events at places within a distance of a point, in time order, with who took part."
    eventsNear(latitude: Float!, longitude: Float!, meters: Float!, first: Int! = 20): [EventRow!]!
    "Events linked to an entity, or that happened in a place, in time order."
    timeline(slug: String!, first: Int! = 20): [TimelineRow!]!
    "The shortest paths between two entities over facts."
    paths(from: String!, to: String!, first: Int! = 25): [PathRow!]!
    "Claimed casualty figures by month."
    casualtiesByMonth(property: String!, from: String!, to: String!): [CasualtyRow!]!
  }
  type Entity {
    slug: String!
    name: String!
    kind: String!
    description: String
    aliases: [String!]!
  }
  type SearchHit {
    slug: String!
    name: String!
    kind: String!
    score: Float!
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
    sources: [Ref!]!
    node: RelatedEntity!
  }
  type RelatedEntity {
    slug: String!
    name: String!
    relations: [Relation!]
  }
  type Ref {
    slug: String!
    name: String!
  }
  type EntityPage {
    items: [Ref!]!
    endCursor: String
    hasNextPage: Boolean!
  }
  type EventRow {
    slug: String!
    name: String!
    date: String
    participants: [Participant!]!
  }
  type Participant {
    role: String
    slug: String!
    name: String!
  }
  type TimelineRow {
    slug: String!
    name: String!
    date: String
    precision: String
  }
  type PathRow {
    length: Int!
    nodes: [Ref!]!
  }
  type CasualtyRow {
    key: String!
    eventCount: Int!
    lowest: Float!
    highest: Float!
    sourceCount: Int!
  }
`;

const ENTITY = `MATCH (e:Entity {id: $slug})
  RETURN e {slug: e.id, .name, .kind, .description, aliases: coalesce(e.aliases, [])} AS row`;

const SEARCH = `
  CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
  WITH node, score ORDER BY score DESC, node.name LIMIT $first
  RETURN {slug: node.id, name: node.name, kind: node.kind, score: score} AS row`;

const relationMap = (r: string, from: string, node: string) => `{
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
      RETURN collect(${relationMap('r2', 'o', '{slug: o2.id, name: o2.name}')}) AS inner
    }
    RETURN collect(${relationMap('r', 'e', '{slug: o.id, name: o.name, relations: inner}')}) AS relations
  }
  RETURN {slug: e.id, name: e.name, kind: e.kind, relations: relations} AS row`;

/** Through the (kind, sortName) index, in its order: the page is the first rows read. */
const ENTITY_PAGE = `
  MATCH (e:Entity) WHERE e.kind = $kind AND e.sortName >= ''
  WITH e ORDER BY e.kind, e.sortName, e.id SKIP $offset LIMIT $first + 1
  RETURN {slug: e.id, name: e.name} AS row`;

const EVENT_ORDER = `coalesce(e.date, e.endDate), coalesce(e.dateLatest, e.endDateLatest), e.name`;

const EVENTS_NEAR = `
  MATCH (place:Place)
  WHERE point.distance(place.location, point({latitude: $latitude, longitude: $longitude})) <= $meters
  MATCH (e:Event)-[:OCCURRED_AT|OCCURRED_IN]->(place)
  WITH DISTINCT e ORDER BY ${EVENT_ORDER} LIMIT $first
  RETURN {slug: e.id, name: e.name, date: toString(e.date),
          participants: COLLECT {
            MATCH (p:Entity)-[r:PARTICIPATED_IN|ANNOUNCED]->(e)
            WITH p, r ORDER BY type(r), toLower(p.name), r.id
            RETURN {role: r.role, slug: p.id, name: p.name}
          }} AS row`;

/** Events linked to the entity in any way, or that happened somewhere inside it. */
export const TIMELINE = `
  MATCH (x:Entity {id: $slug})
  CALL (x) {
    MATCH (x)--(e:Event) RETURN e
    UNION
    MATCH (x)<-[:LOCATED_IN*0..4]-(:Entity)<-[:OCCURRED_AT|OCCURRED_IN]-(e:Event) RETURN e
  }
  WITH DISTINCT e ORDER BY ${EVENT_ORDER} LIMIT $first
  RETURN e`;

const TIMELINE_ROWS = `${TIMELINE.replace(/RETURN e$/, '')}
  RETURN {slug: e.id, name: e.name, date: toString(e.date), precision: e.datePrecision} AS row`;

/** At most `first` shortest paths of at most 4 steps through entities only. */
export const PATHS = `
  MATCH (a:Entity {id: $from})
  MATCH (b:Entity {id: $to})
  MATCH p = allShortestPaths((a)-[*..4]-(b))
  WHERE all(n IN nodes(p) WHERE n:Entity)
  WITH p LIMIT $first
  RETURN {length: length(p), nodes: [n IN nodes(p) | {slug: n.id, name: n.name}]} AS row`;

/** Per month: events, the sums of each event's lowest and highest figure, distinct claimants. */
export const CASUALTIES_BY_MONTH = `
  MATCH (c:Claim {property: $property})-[:ABOUT]->(e:Event)
  WHERE c.value IS NOT NULL
    AND coalesce(e.dateLatest, e.endDateLatest) >= date($from)
    AND coalesce(e.date, e.endDate) <= date($to)
  WITH e, min(c.value) AS lowest, max(c.value) AS highest, collect(DISTINCT c.claimedBy) AS sources
  WITH CASE WHEN e.datePrecision IN ['day', 'month'] THEN substring(toString(e.date), 0, 7)
            WHEN e.date IS NOT NULL THEN toString(e.date.year) + ' (month unknown)'
            ELSE 'unknown' END AS key,
       e, lowest, highest, sources
  WITH key, count(e) AS eventCount, sum(lowest) AS lowest, sum(highest) AS highest,
       collect(sources) AS lists
  RETURN {key: key, eventCount: eventCount, lowest: lowest, highest: highest,
          sourceCount: size(COLLECT { UNWIND lists AS list UNWIND list AS s RETURN DISTINCT s })} AS row
  ORDER BY key`;

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
  type Args = Record<string, unknown> & { first: number };
  const schema = createSchema({
    typeDefs,
    resolvers: {
      Query: {
        entity: async (_: unknown, args: { slug: string }) =>
          (await rows(driver, ENTITY, args))[0] ?? null,
        search: (_: unknown, args: Args) =>
          rows(driver, SEARCH, { ...args, first: int(args.first) }),
        entityGraph: async (_: unknown, args: Args) =>
          (await rows(driver, ENTITY_GRAPH, { ...args, first: int(args.first) }))[0] ?? null,
        entityPage: async (_: unknown, args: Args & { kind: string; after?: string }) => {
          const offset = args.after ? Number(args.after) : 0;
          const page = await rows(driver, ENTITY_PAGE, {
            kind: args.kind,
            offset: int(offset),
            first: int(args.first),
          });
          const items = page.slice(0, args.first);
          return {
            items,
            hasNextPage: page.length > args.first,
            endCursor: items.length > 0 ? String(offset + items.length) : null,
          };
        },
        eventsNear: (_: unknown, args: Args) =>
          rows(driver, EVENTS_NEAR, { ...args, first: int(args.first) }),
        timeline: (_: unknown, args: Args) =>
          rows(driver, TIMELINE_ROWS, { ...args, first: int(args.first) }),
        paths: (_: unknown, args: Args) => rows(driver, PATHS, { ...args, first: int(args.first) }),
        casualtiesByMonth: (_: unknown, args: Record<string, unknown>) =>
          rows(driver, CASUALTIES_BY_MONTH, args),
      },
    },
  });
  return serveSchema(schema, port, () => driver.close());
};
