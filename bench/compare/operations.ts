/**
 * The benchmark's operations: for each, the GraphQL document and variables each implementation
 * takes (the three schemas differ), and a normaliser from each answer's `data` to one common
 * JSON shape, so that the answers can be compared.
 */
import type { Implementation } from './servers/types.js';

export interface Request {
  query: string;
  variables: Record<string, unknown>;
  /** The answer's `data`, to the common shape. */
  normalise(data: unknown): unknown;
}

export interface Operation {
  name: OperationName;
  description: string;
  requests: Record<Implementation, Request>;
}

export const OPERATION_NAMES = [
  'lookup',
  'search',
  'nested',
  'deepPage',
  'eventsNear',
  'timeline',
  'path',
  'aggregation',
] as const;
export type OperationName = (typeof OPERATION_NAMES)[number];

/** What the operations ask about, chosen from the graph (params.ts). */
export interface SuiteParams {
  /** The entity looked up and expanded two levels deep. */
  entity: string;
  /** Its global id in our schema. */
  entityGlobalId: string;
  /** What a user types into search. */
  searchText: string;
  /** The same, as the Lucene query our search sends (the others take Lucene as it is). */
  searchLucene: string;
  /** The kind of the paged list, its page size and the page fetched. */
  pageKind: { graphql: string; stored: string };
  pageSize: number;
  page: number;
  /** Per implementation, the cursor that ends the page before `page` (found by paging). */
  pageCursors: Record<Implementation, string | null>;
  /** A place and the radius around it for events nearby. */
  near: { place: string; latitude: number; longitude: number; km: number };
  timelineEntity: string;
  pathFrom: string;
  pathTo: string;
  /** The date range of the casualty aggregation. */
  from: string;
  to: string;
}

/** Items per level of the nested operation, per page of lists. */
const FIRST = 10;
const EVENTS = 20;
const PATHS = 25;

// Loose access to the answers' JSON: the normalisers are checked by the comparison itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** `ArmedGroup`, `ARMED_GROUP` → `ARMED_GROUP`; `at_least`, `AT_LEAST` → `AT_LEAST`. */
const upperSnake = (value: string | null | undefined) =>
  value == null ? null : value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

const ref = (node: Json, key: 'slug' | 'id' = 'slug') =>
  node == null ? null : { slug: node[key] as string, name: node.name as string };

export function operations(p: SuiteParams): Operation[] {
  return [
    lookup(p),
    search(p),
    nested(p),
    deepPage(p),
    eventsNear(p),
    timeline(p),
    path(p),
    aggregation(p),
  ];
}

function lookup(p: SuiteParams): Operation {
  const shape = (e: Json, key: 'slug' | 'id') =>
    e == null
      ? null
      : {
          slug: e[key],
          name: e.name,
          kind: upperSnake(e.kind),
          description: e.description ?? null,
          aliases: e.aliases,
        };
  return {
    name: 'lookup',
    description: 'an entity by id: name, kind, description, aliases',
    requests: {
      ours: {
        query: `query Lookup($id: ID!) {
          node(id: $id) { id ... on Entity { slug name kind description aliases } }
        }`,
        variables: { id: p.entityGlobalId },
        normalise: (data: Json) => shape(data.node, 'slug'),
      },
      'neo4j-graphql': {
        query: `query Lookup($slug: ID!) {
          entities(where: { id: { eq: $slug } }) { id name kind description aliases }
        }`,
        variables: { slug: p.entity },
        normalise: (data: Json) => shape(data.entities[0], 'id'),
      },
      floor: {
        query: `query Lookup($slug: String!) {
          entity(slug: $slug) { slug name kind description aliases }
        }`,
        variables: { slug: p.entity },
        normalise: (data: Json) => shape(data.entity, 'slug'),
      },
    },
  };
}

function search(p: SuiteParams): Operation {
  const hit = (node: Json, score: number, key: 'slug' | 'id') => ({
    slug: node[key],
    name: node.name,
    kind: upperSnake(node.kind),
    score: Math.round(score * 1e6) / 1e6,
  });
  return {
    name: 'search',
    description: `full-text search "${p.searchText}", best ${FIRST} with scores`,
    requests: {
      ours: {
        query: `query Search($text: String!, $first: Int!) {
          search(query: $text, first: $first) { edges { score node { slug name kind } } }
        }`,
        variables: { text: p.searchText, first: FIRST },
        normalise: (data: Json) =>
          (data.search.edges as Json[]).map((edge) => hit(edge.node, edge.score, 'slug')),
      },
      'neo4j-graphql': {
        query: `query Search($lucene: String!, $first: Int!) {
          searchEntities(phrase: $lucene, first: $first, sort: [{ score: DESC }, { node: { name: ASC } }]) {
            edges { score node { id name kind } }
          }
        }`,
        variables: { lucene: p.searchLucene, first: FIRST },
        normalise: (data: Json) =>
          (data.searchEntities.edges as Json[]).map((edge) => hit(edge.node, edge.score, 'id')),
      },
      floor: {
        query: `query Search($lucene: String!, $first: Int!) {
          search(lucene: $lucene, first: $first) { slug name kind score }
        }`,
        variables: { lucene: p.searchLucene, first: FIRST },
        normalise: (data: Json) => (data.search as Json[]).map((h) => hit(h, h.score, 'slug')),
      },
    },
  };
}

/** An entity, its relationships and theirs, first 10 at each level, with sources. */
function nested(p: SuiteParams): Operation {
  const relation = (edge: Json, nodeKey: 'node' | 'other', slugKey: 'slug' | 'id'): Json => {
    const node = edge[nodeKey];
    const inner = Array.isArray(node.relations) ? node.relations : node.relations?.edges;
    return {
      type: edge.type,
      direction: edge.direction,
      role: edge.role ?? null,
      sources: (edge.sources as Json[]).map((source) => ref(source, slugKey)),
      node: {
        slug: node[slugKey],
        name: node.name,
        ...(inner ? { relations: inner.map((e: Json) => relation(e, nodeKey, slugKey)) } : {}),
      },
    };
  };
  const shape = (e: Json, relations: Json[], nodeKey: 'node' | 'other', slugKey: 'slug' | 'id') =>
    e == null
      ? null
      : {
          slug: e[slugKey],
          name: e.name,
          kind: upperSnake(e.kind),
          relations: relations.map((edge) => relation(edge, nodeKey, slugKey)),
        };
  return {
    name: 'nested',
    description: `an entity's relationships two levels deep, first ${FIRST} each, with sources`,
    requests: {
      ours: {
        query: `query Nested($slug: String!, $first: Int!) {
          entity(slug: $slug) {
            slug name kind
            relations(first: $first) { edges {
              type direction role sources { slug name }
              node { slug name relations(first: $first) { edges {
                type direction role sources { slug name } node { slug name }
              } } }
            } }
          }
        }`,
        variables: { slug: p.entity, first: FIRST },
        normalise: (data: Json) =>
          shape(data.entity, data.entity?.relations.edges ?? [], 'node', 'slug'),
      },
      'neo4j-graphql': {
        query: `query Nested($slug: ID!, $first: Int!) {
          entities(where: { id: { eq: $slug } }) {
            id name kind
            relations(first: $first) {
              type direction role sources { id name }
              other { id name relations(first: $first) {
                type direction role sources { id name } other { id name }
              } }
            }
          }
        }`,
        variables: { slug: p.entity, first: FIRST },
        normalise: (data: Json) =>
          shape(data.entities[0], data.entities[0]?.relations ?? [], 'other', 'id'),
      },
      floor: {
        query: `query Nested($slug: String!, $first: Int!) {
          entityGraph(slug: $slug, first: $first) {
            slug name kind
            relations {
              type direction role sources { slug name }
              node { slug name relations {
                type direction role sources { slug name } node { slug name }
              } }
            }
          }
        }`,
        variables: { slug: p.entity, first: FIRST },
        normalise: (data: Json) =>
          shape(data.entityGraph, data.entityGraph?.relations ?? [], 'node', 'slug'),
      },
    },
  };
}

/** The queries of the paged list, per implementation, with the cursor to page from. */
export function pageRequests(p: SuiteParams, after: Record<Implementation, string | null>) {
  const shape = (items: Json[], hasNextPage: boolean, key: 'slug' | 'id') => ({
    items: items.map((node) => ref(node, key)),
    hasNextPage,
  });
  const size = p.pageSize;
  return {
    ours: {
      query: `query Page($after: String, $first: Int!) {
        entities(kinds: [${p.pageKind.graphql}], first: $first, after: $after) {
          edges { node { slug name } } pageInfo { hasNextPage endCursor }
        }
      }`,
      variables: { after: after.ours, first: size },
      normalise: (data: Json) =>
        shape(
          (data.entities.edges as Json[]).map((edge) => edge.node),
          data.entities.pageInfo.hasNextPage,
          'slug',
        ),
      endCursor: (data: Json) => data.entities.pageInfo.endCursor as string | null,
    },
    'neo4j-graphql': {
      query: `query Page($after: String, $first: Int!, $kind: String!) {
        entitiesConnection(where: { kind: { eq: $kind } }, sort: [{ sortName: ASC }], first: $first, after: $after) {
          edges { node { id name } } pageInfo { hasNextPage endCursor }
        }
      }`,
      variables: { after: after['neo4j-graphql'], first: size, kind: p.pageKind.stored },
      normalise: (data: Json) =>
        shape(
          (data.entitiesConnection.edges as Json[]).map((edge) => edge.node),
          data.entitiesConnection.pageInfo.hasNextPage,
          'id',
        ),
      endCursor: (data: Json) => data.entitiesConnection.pageInfo.endCursor as string | null,
    },
    floor: {
      query: `query Page($after: String, $first: Int!, $kind: String!) {
        entityPage(kind: $kind, first: $first, after: $after) { items { slug name } hasNextPage endCursor }
      }`,
      variables: { after: after.floor, first: size, kind: p.pageKind.stored },
      normalise: (data: Json) => shape(data.entityPage.items, data.entityPage.hasNextPage, 'slug'),
      endCursor: (data: Json) => data.entityPage.endCursor as string | null,
    },
  } satisfies Record<Implementation, Request & { endCursor(data: unknown): string | null }>;
}

function deepPage(p: SuiteParams): Operation {
  return {
    name: 'deepPage',
    description: `page ${p.page} of ${p.pageKind.stored} entities by name, ${p.pageSize} a page, by cursor`,
    requests: pageRequests(p, p.pageCursors),
  };
}

function eventsNear(p: SuiteParams): Operation {
  const meters = p.near.km * 1000;
  const row = (e: Json, date: string | null, participants: Json[]) => ({
    slug: e.slug ?? e.id,
    name: e.name,
    date: date ?? null,
    participants,
  });
  const participant = (role: string | null, node: Json, key: 'slug' | 'id') => ({
    role: role ?? null,
    ...ref(node, key),
  });
  return {
    name: 'eventsNear',
    description: `events within ${p.near.km} km of ${p.near.place}, by date, first ${EVENTS}, with participants`,
    requests: {
      ours: {
        query: `query Near($place: String!, $km: Float!, $first: Int!) {
          events(near: { place: $place, withinKm: $km }, first: $first) { edges { node {
            slug name ... on Event {
              date { earliest }
              participants { role node { slug name } }
            }
          } } }
        }`,
        variables: { place: p.near.place, km: p.near.km, first: EVENTS },
        normalise: (data: Json) =>
          (data.events.edges as Json[]).map(({ node }) =>
            row(
              node,
              node.date?.earliest,
              (node.participants as Json[]).map((r) => participant(r.role, r.node, 'slug')),
            ),
          ),
      },
      'neo4j-graphql': {
        query: `query Near($point: PointInput!, $meters: Float!, $first: Int!) {
          events(
            where: { occurredAt: { some: { location: { distance: { from: $point, lte: $meters } } } } }
            sort: [{ startsBy: ASC }, { endsFrom: ASC }, { name: ASC }]
            limit: $first
          ) {
            id name date
            participantsConnection(sort: [{ node: { name: ASC } }]) {
              edges { properties { role } node { id name } }
            }
          }
        }`,
        variables: {
          point: { latitude: p.near.latitude, longitude: p.near.longitude },
          meters,
          first: EVENTS,
        },
        normalise: (data: Json) =>
          (data.events as Json[]).map((event) =>
            row(
              event,
              event.date,
              (event.participantsConnection.edges as Json[]).map((edge) =>
                participant(edge.properties.role, edge.node, 'id'),
              ),
            ),
          ),
      },
      floor: {
        query: `query Near($latitude: Float!, $longitude: Float!, $meters: Float!, $first: Int!) {
          eventsNear(latitude: $latitude, longitude: $longitude, meters: $meters, first: $first) {
            slug name date participants { role slug name }
          }
        }`,
        variables: {
          latitude: p.near.latitude,
          longitude: p.near.longitude,
          meters,
          first: EVENTS,
        },
        normalise: (data: Json) =>
          (data.eventsNear as Json[]).map((event) =>
            row(
              event,
              event.date,
              (event.participants as Json[]).map((x) => participant(x.role, x, 'slug')),
            ),
          ),
      },
    },
  };
}

function timeline(p: SuiteParams): Operation {
  const row = (e: Json, key: 'slug' | 'id', date: string | null, precision: string | null) => ({
    slug: e[key],
    name: e.name,
    date: date ?? null,
    precision: upperSnake(precision),
  });
  const plain = {
    query: `query Timeline($slug: String!, $first: Int!) {
      timeline(slug: $slug, first: $first) { slug name date precision }
    }`,
    variables: { slug: p.timelineEntity, first: EVENTS },
    normalise: (data: Json) =>
      (data.timeline as Json[]).map((e) => row(e, 'slug', e.date, e.precision)),
  };
  return {
    name: 'timeline',
    description: `the first ${EVENTS} events of ${p.timelineEntity}'s timeline`,
    requests: {
      ours: {
        query: `query Timeline($slug: String!, $first: Int!) {
          timeline(entity: $slug, first: $first) { edges { node {
            slug name ... on Event { date { earliest precision } }
          } } }
        }`,
        variables: { slug: p.timelineEntity, first: EVENTS },
        normalise: (data: Json) =>
          (data.timeline.edges as Json[]).map(({ node }) =>
            row(node, 'slug', node.date?.earliest, node.date?.precision),
          ),
      },
      'neo4j-graphql': {
        query: `query Timeline($slug: String!, $first: Int!) {
          timeline(slug: $slug, first: $first) { id name date datePrecision }
        }`,
        variables: { slug: p.timelineEntity, first: EVENTS },
        normalise: (data: Json) =>
          (data.timeline as Json[]).map((e) => row(e, 'id', e.date, e.datePrecision)),
      },
      floor: plain,
    },
  };
}

function path(p: SuiteParams): Operation {
  // The order of shortest paths of equal length is Neo4j's: compare them as a sorted set.
  const shape = (paths: Json[]) =>
    paths
      .map((x) => ({ length: x.length, nodes: (x.nodes as Json[]).map((n) => ref(n)) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const plain = {
    query: `query Path($from: String!, $to: String!, $first: Int!) {
      paths(from: $from, to: $to, first: $first) { length nodes { slug name } }
    }`,
    variables: { from: p.pathFrom, to: p.pathTo, first: PATHS },
    normalise: (data: Json) => shape(data.paths),
  };
  return {
    name: 'path',
    description: `shortest paths (≤ 4 steps, first ${PATHS}) from ${p.pathFrom} to ${p.pathTo}`,
    requests: {
      ours: {
        query: `query Path($from: String!, $to: String!, $first: Int!) {
          path(from: $from, to: $to, maxLength: 4, first: $first) {
            paths { length nodes { slug name } }
          }
        }`,
        variables: { from: p.pathFrom, to: p.pathTo, first: PATHS },
        normalise: (data: Json) => shape(data.path.paths),
      },
      'neo4j-graphql': plain,
      floor: plain,
    },
  };
}

function aggregation(p: SuiteParams): Operation {
  const shape = (rows: Json[]) =>
    rows.map((r) => ({
      key: r.key,
      eventCount: r.eventCount,
      lowest: r.lowest,
      highest: r.highest,
      sourceCount: r.sourceCount,
    }));
  const plain = {
    query: `query Casualties($from: String!, $to: String!) {
      casualtiesByMonth(property: "soldiers_killed", from: $from, to: $to) {
        key eventCount lowest highest sourceCount
      }
    }`,
    variables: { from: p.from, to: p.to },
    normalise: (data: Json) => shape(data.casualtiesByMonth),
  };
  return {
    name: 'aggregation',
    description: `soldiers killed by month, ${p.from} to ${p.to}: events, lowest and highest sums, sources`,
    requests: {
      ours: {
        query: `query Casualties($from: LocalDate!, $to: LocalDate!) {
          casualtyStatistics(groupBy: MONTH, from: $from, to: $to) {
            key eventCount lowest highest sourceCount
          }
        }`,
        variables: { from: p.from, to: p.to },
        normalise: (data: Json) => shape(data.casualtyStatistics),
      },
      'neo4j-graphql': plain,
      floor: plain,
    },
  };
}
