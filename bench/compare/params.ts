/**
 * What the operations ask about, chosen from the generated graph by fixed rules (so the same
 * graph gives the same choices): a person of ordinary degree, a place in the middle of the
 * list, a country of middling size, a pair of people joined by a few shortest paths.
 */
import type { GraphDatabase } from '../../src/neo4j/database.js';
import { toLuceneQuery } from '../../src/store/search.js';
import type { SuiteParams } from './operations.js';

const MAX_PATHS = 25;

export type GraphParams = Omit<SuiteParams, 'entityGlobalId' | 'pageCursors'>;

async function one<T>(database: GraphDatabase, cypher: string, params = {}): Promise<T> {
  const record = (await database.query(cypher, params)).records[0];
  if (!record) throw new Error(`no row for the benchmark parameter query: ${cypher}`);
  return record.toObject() as T;
}

/** The entity in the middle of its kind's list by id. */
const middleOf = (kind: string) => `
  MATCH (e:${kind}) WITH e ORDER BY e.id
  WITH collect(e) AS ranked WITH ranked[size(ranked) / 2] AS e`;

export async function chooseParams(database: GraphDatabase): Promise<GraphParams> {
  const entity = await one<{ id: string; alias: string }>(
    database,
    `MATCH (p:Person) WHERE COUNT { (p)--(:Entity) } >= 4
     RETURN p.id AS id, p.aliases[0] AS alias ORDER BY p.id SKIP 100 LIMIT 1`,
  );
  const place = await one<{ id: string; latitude: number; longitude: number }>(
    database,
    `${middleOf('Place')}
     RETURN e.id AS id, e.location.latitude AS latitude, e.location.longitude AS longitude`,
  );
  const country = await one<{ id: string }>(database, `${middleOf('Country')} RETURN e.id AS id`);
  // The first of some people whose shortest paths from the entity are few enough that every
  // implementation returns all of them (their order is Neo4j's, so a cut could differ).
  const target = await one<{ id: string }>(
    database,
    `MATCH (a:Entity {id: $from})
     MATCH (b:Person) WHERE b <> a
     WITH a, b ORDER BY b.id SKIP 300 LIMIT 40
     CALL (a, b) {
       MATCH p = allShortestPaths((a)-[*..4]-(b)) WHERE all(n IN nodes(p) WHERE n:Entity)
       RETURN count(p) AS paths
     }
     WITH b, paths WHERE paths > 0 AND paths <= $max
     RETURN b.id AS id LIMIT 1`,
    { from: entity.id, max: MAX_PATHS },
  );
  return {
    entity: entity.id,
    searchText: entity.alias,
    searchLucene: toLuceneQuery(entity.alias),
    pageKind: { graphql: 'PERSON', stored: 'Person' },
    pageSize: 10,
    page: 20,
    near: { place: place.id, latitude: place.latitude, longitude: place.longitude, km: 75 },
    timelineEntity: country.id,
    pathFrom: entity.id,
    pathTo: target.id,
    from: '2020-01-01',
    to: '2020-12-31',
  };
}
