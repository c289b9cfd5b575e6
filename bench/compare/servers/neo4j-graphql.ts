/**
 * "neo4j-graphql": `@neo4j/graphql` 7 over the same graph, with type definitions written to
 * match the data model (docs/data-model.md). What the generated API offers is used as it is
 * (lookup, full-text search, cursor paging, point distance, relationship properties); what it
 * has no equivalent for is a `@cypher` field, as a user of the library would write it. The
 * mapping and its limits are described in BENCHMARKS.md.
 */
import { Neo4jGraphQL } from '@neo4j/graphql';
import neo4j from 'neo4j-driver';
import { CASUALTIES_BY_MONTH, PATHS, TIMELINE } from './floor.js';
import { serveSchema } from './yoga-http.js';
import type { StartServer } from './types.js';

export const typeDefs = /* GraphQL */ `
  type Entity
    @node
    @fulltext(
      indexes: [
        { indexName: "entity_search", queryName: "searchEntities", fields: ["name", "aliasText"] }
      ]
    ) {
    id: ID!
    name: String!
    "The name in lower case, for sorting (written by the loader, with an index)."
    sortName: String!
    kind: String!
    description: String
    aliases: [String!]!
    aliasText: String
    location: Point
    relations(first: Int = 10): [EntityRelation!]!
      @cypher(
        statement: """
        MATCH (this)-[r]-(other:Entity)
        WITH this, r, other ORDER BY type(r), toLower(other.name), r.id
        LIMIT $first
        RETURN {
          id: r.id,
          type: type(r),
          direction: CASE WHEN startNode(r) = this THEN 'OUTGOING' ELSE 'INCOMING' END,
          role: r.role,
          sourceIds: coalesce(r.sourceIds, []),
          otherId: other.id
        } AS relation
        """
        columnName: "relation"
      )
  }

  type EntityRelation @node {
    id: String!
    type: String!
    direction: String!
    role: String
    sourceIds: [String!]!
    other: Entity!
      @cypher(statement: "MATCH (o:Entity {id: this.otherId}) RETURN o", columnName: "o")
    sources: [Source!]!
      @cypher(
        statement: "UNWIND this.sourceIds AS sid MATCH (s:Source {id: sid}) RETURN s"
        columnName: "s"
      )
  }

  type Event @node {
    id: ID!
    name: String!
    kind: String!
    date: Date
    datePrecision: String
    dateLatest: Date
    endDate: Date
    endDateLatest: Date
    "The first day it may have happened: its date, else its end date."
    startsBy: Date
      @cypher(statement: "RETURN coalesce(this.date, this.endDate) AS d", columnName: "d")
    "The last day it may have happened."
    endsFrom: Date
      @cypher(
        statement: "RETURN coalesce(this.dateLatest, this.endDateLatest) AS d"
        columnName: "d"
      )
    occurredAt: [Entity!]! @relationship(type: "OCCURRED_AT", direction: OUT)
    occurredIn: [Entity!]! @relationship(type: "OCCURRED_IN", direction: OUT)
    participants: [Entity!]!
      @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
    claims: [Claim!]! @relationship(type: "ABOUT", direction: IN)
  }

  type Participation @relationshipProperties {
    role: String
  }

  type Claim @node {
    id: ID!
    property: String!
    label: String!
    value: Float
    valueText: String
    qualifier: String!
    unit: String
    about: [Entity!]! @relationship(type: "ABOUT", direction: OUT)
    claimedBy: [Source!]! @relationship(type: "CLAIMED_BY", direction: OUT)
    reportedIn: [Source!]! @relationship(type: "REPORTED_IN", direction: OUT)
  }

  type Source @node {
    id: ID!
    kind: String!
    name: String!
    title: String
    publisher: String
  }

  "A shortest path: its length and its nodes in order."
  type PathRow {
    length: Int!
    nodes: [PathNode!]!
  }
  type PathNode {
    slug: String!
    name: String!
  }
  type CasualtyRow {
    key: String!
    eventCount: Int!
    lowest: Float!
    highest: Float!
    sourceCount: Int!
  }

  # What the generated API has no equivalent for (a traversal of any relationship type, paths,
  # group-by aggregation) is written as @cypher query fields, as a user of the library would.
  type Query {
    timeline(slug: String!, first: Int!): [Event!]!
      @cypher(statement: """${TIMELINE}""", columnName: "e")
    paths(from: String!, to: String!, first: Int!): [PathRow!]!
      @cypher(statement: """${PATHS}""", columnName: "row")
    casualtiesByMonth(property: String!, from: String!, to: String!): [CasualtyRow!]!
      @cypher(statement: """${CASUALTIES_BY_MONTH}""", columnName: "row")
  }
`;

export const startNeo4jGraphql: StartServer = async (boltUri, port) => {
  const driver = neo4j.driver(boltUri, undefined, { userAgent: 'bench-compare-neo4j-graphql' });
  try {
    const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
    return await serveSchema(schema, port, () => driver.close());
  } catch (error) {
    await driver.close();
    throw error;
  }
};
