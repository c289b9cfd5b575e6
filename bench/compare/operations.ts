/**
 * The compared operations: for each, the GraphQL document and variables each implementation
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
  name: string;
  description: string;
  requests: Record<Implementation, Request>;
}

// Loose access to the answers' JSON: the normalisers are checked by the comparison itself.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

/** `ArmedGroup`, `ARMED_GROUP` → `ARMED_GROUP`; `at_least`, `AT_LEAST` → `AT_LEAST`. */
const upperSnake = (value: string) => value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

const ref = (node: Json, key = 'slug') =>
  node == null ? null : { slug: node[key] as string, name: node.name as string };

export interface OperationParams {
  /** The entity of the lookup and of the two-level neighbourhood. */
  entity: string;
  /** The event whose claims are read. */
  event: string;
  from: string;
  to: string;
  /** Items per level of the neighbourhood. */
  first: number;
}

export const NIGER_PARAMS: OperationParams = {
  entity: 'niger',
  event: 'kandadji-attack-2023-09-28',
  from: '2023-01-01',
  to: '2023-12-31',
  first: 10,
};

export function operations(p: OperationParams): Operation[] {
  return [entityLookup(p), neighbourhood(p), eventsInRange(p), claimsAboutEvent(p)];
}

/** (a) An entity by slug: name and kind. */
function entityLookup(p: OperationParams): Operation {
  const shape = (entity: Json) =>
    entity == null
      ? null
      : { slug: entity.slug ?? entity.id, name: entity.name, kind: upperSnake(entity.kind) };
  return {
    name: 'entity',
    description: 'entity by slug, with name and kind',
    requests: {
      ours: {
        query: `query Entity($slug: String!) { entity(slug: $slug) { slug name kind } }`,
        variables: { slug: p.entity },
        normalise: (data: Json) => shape(data.entity),
      },
      'neo4j-graphql': {
        query: `query Entity($slug: ID!) { entities(where: { id: { eq: $slug } }) { id name kind } }`,
        variables: { slug: p.entity },
        normalise: (data: Json) => shape(data.entities[0]),
      },
      floor: {
        query: `query Entity($slug: String!) { entity(slug: $slug) { slug name kind } }`,
        variables: { slug: p.entity },
        normalise: (data: Json) => shape(data.entity),
      },
    },
  };
}

/** (b) An entity, its relationships and theirs, first n at each level, with sources. */
function neighbourhood(p: OperationParams): Operation {
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
  const shape = (
    entity: Json,
    relations: Json[],
    nodeKey: 'node' | 'other',
    slugKey: 'slug' | 'id',
  ) =>
    entity == null
      ? null
      : {
          slug: entity[slugKey],
          name: entity.name,
          kind: upperSnake(entity.kind),
          relations: relations.map((edge) => relation(edge, nodeKey, slugKey)),
        };
  const n = p.first;
  return {
    name: 'neighbourhood',
    description: `entity with its relationships two levels deep, first ${n} each, with sources`,
    requests: {
      ours: {
        query: `query Neighbourhood($slug: String!, $first: Int!) {
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
        variables: { slug: p.entity, first: n },
        normalise: (data: Json) =>
          shape(data.entity, data.entity?.relations.edges ?? [], 'node', 'slug'),
      },
      'neo4j-graphql': {
        query: `query Neighbourhood($slug: ID!, $first: Int!) {
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
        variables: { slug: p.entity, first: n },
        normalise: (data: Json) =>
          shape(data.entities[0], data.entities[0]?.relations ?? [], 'other', 'id'),
      },
      floor: {
        query: `query Neighbourhood($slug: String!, $first: Int!) {
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
        variables: { slug: p.entity, first: n },
        normalise: (data: Json) =>
          shape(data.entityGraph, data.entityGraph?.relations ?? [], 'node', 'slug'),
      },
    },
  };
}

/** (c) Events that may have happened in a date range, in time order, with their place. */
function eventsInRange(p: OperationParams): Operation {
  const row = (slug: string, name: string, date: string | null, place: Json) => ({
    slug,
    name,
    date: date ?? null,
    place: ref(place),
  });
  return {
    name: 'events',
    description: `events from ${p.from} to ${p.to} by date, with their place`,
    requests: {
      ours: {
        query: `query Events($from: LocalDate!, $to: LocalDate!) {
          events(from: $from, to: $to, first: 100) { edges { node {
            slug name ... on Event { date { earliest } place { slug name } }
          } } }
        }`,
        variables: { from: p.from, to: p.to },
        normalise: (data: Json) =>
          (data.events.edges as Json[]).map(({ node }) =>
            row(node.slug, node.name, node.date?.earliest, node.place),
          ),
      },
      'neo4j-graphql': {
        query: `query Events($from: Date!, $to: Date!) {
          events(
            where: { startsBy: { lte: $to }, endsFrom: { gte: $from } }
            sort: [{ startsBy: ASC }, { endsFrom: ASC }, { name: ASC }]
            limit: 100
          ) {
            id name date occurredAt(limit: 1, sort: [{ name: ASC }]) { id name }
          }
        }`,
        variables: { from: p.from, to: p.to },
        normalise: (data: Json) =>
          (data.events as Json[]).map((event) =>
            row(event.id, event.name, event.date, ref(event.occurredAt[0], 'id')),
          ),
      },
      floor: {
        query: `query Events($from: String!, $to: String!) {
          events(from: $from, to: $to, first: 100) { slug name date place { slug name } }
        }`,
        variables: { from: p.from, to: p.to },
        normalise: (data: Json) =>
          (data.events as Json[]).map((event) =>
            row(event.slug, event.name, event.date, event.place),
          ),
      },
    },
  };
}

/** (d) The claims about an event, by property then value, with who claims each. */
function claimsAboutEvent(p: OperationParams): Operation {
  const claim = (c: Json, slugKey: 'slug' | 'id', claimedBy: Json) => ({
    slug: c[slugKey],
    property: c.property,
    value: c.value ?? null,
    valueText: c.valueText ?? null,
    qualifier: upperSnake(c.qualifier),
    claimedBy: ref(claimedBy, slugKey),
  });
  return {
    name: 'claims',
    description: `claims about ${p.event}, with claimant`,
    requests: {
      ours: {
        query: `query Claims($slug: String!) {
          entity(slug: $slug) { claims(first: 100) { edges { node {
            slug property value valueText qualifier claimedBy { slug name }
          } } } }
        }`,
        variables: { slug: p.event },
        normalise: (data: Json) =>
          (data.entity?.claims.edges as Json[] | undefined)?.map(({ node }) =>
            claim(node, 'slug', node.claimedBy),
          ) ?? null,
      },
      'neo4j-graphql': {
        query: `query Claims($slug: ID!) {
          events(where: { id: { eq: $slug } }) {
            claims(sort: [{ property: ASC }, { value: ASC }, { id: ASC }], limit: 100) {
              id property value valueText qualifier claimedBy { id name }
            }
          }
        }`,
        variables: { slug: p.event },
        normalise: (data: Json) =>
          (data.events[0]?.claims as Json[] | undefined)?.map((c) =>
            claim(c, 'id', c.claimedBy[0]),
          ) ?? null,
      },
      floor: {
        query: `query Claims($slug: String!) {
          claimsAbout(slug: $slug, first: 100) {
            slug property value valueText qualifier claimedBy { slug name }
          }
        }`,
        variables: { slug: p.event },
        normalise: (data: Json) =>
          (data.claimsAbout as Json[]).map((c) => claim(c, 'slug', c.claimedBy)),
      },
    },
  };
}
