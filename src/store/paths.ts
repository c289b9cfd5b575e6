/**
 * Shortest paths between two entities over facts. Path lengths are small whole numbers checked
 * by the caller; Cypher cannot take them as parameters, so each length has its own text.
 */
import { z } from 'zod';
import type { GraphDatabase } from '../neo4j/database.js';
import { statedByAtLeast } from './fragments.js';
import type { EntityRecord, RelationRecord } from './records.js';
import { briefEntityRow, entityRow, decodeRelationship } from './rows.js';
import { decodeRecords, run, type Statement } from './statement.js';

export const MAX_PATH_LENGTH = 6;

export interface PathStep {
  fromId: string;
  toId: string;
  relation: RelationRecord;
}

export interface FoundPath {
  length: number;
  nodeIds: string[];
  /** The entities along the path, read with it (brief when the request says so). */
  nodes: EntityRecord[];
  steps: PathStep[];
}

export interface PathRequest {
  from: string;
  to: string;
  maxLength: number;
  types: string[] | null;
  limit: number;
  /** Only over facts stated by at least this many independent sources; null (or absent): all. */
  minSources?: number | null;
  /** Whether to read each step's relationship (else `steps` is empty). */
  withSteps: boolean;
  /** Read the entities along as id, name and kind only (see `briefEntityRow`). */
  briefNodes: boolean;
}

/**
 * Per length, with and without a type filter and a corroboration filter (a predicate the
 * planner cannot rule out, such as `$types IS NULL OR ...`, keeps it from its fast
 * shortest-path search), with or without the steps' relationships (their evidence is most
 * of the answer), and with the entities along whole or brief.
 */
const pathText = (
  length: number,
  typed: boolean,
  corroborated: boolean,
  steps: boolean,
  brief: boolean,
) => `
  MATCH (a:Entity {id: $from})
  MATCH (b:Entity {id: $to})
  MATCH p = allShortestPaths((a)-[*..${length}]-(b))
  WHERE all(n IN nodes(p) WHERE n:Entity)
    ${typed ? 'AND all(r IN relationships(p) WHERE type(r) IN $types)' : ''}
    ${corroborated ? `AND all(r IN relationships(p) WHERE ${statedByAtLeast('r', '$minSources')})` : ''}
  WITH p LIMIT toInteger($limit)
  RETURN length(p) AS length,
         [n IN nodes(p) | ${brief ? '{id: n.id, name: n.name, kind: n.kind}' : 'properties(n)'}] AS nodes,
         ${steps ? '[r IN relationships(p) | {props: properties(r), type: type(r), start: startNode(r).id}]' : '[]'} AS relationships`;

const pathRow = (briefNodes: boolean) =>
  z.object({
    length: z.number(),
    nodes: z.array(briefNodes ? briefEntityRow : entityRow),
    relationships: z.array(z.object({ props: z.unknown(), type: z.unknown(), start: z.string() })),
  });

export const pathsStatement = (request: PathRequest): Statement<FoundPath[]> => ({
  text: pathText(
    request.maxLength,
    request.types !== null,
    (request.minSources ?? null) !== null,
    request.withSteps,
    request.briefNodes,
  ),
  parameters: { ...request, minSources: request.minSources ?? null },
  decode: (records) =>
    decodeRecords(pathRow(request.briefNodes), records).map(({ length, nodes, relationships }) => {
      const nodeIds = nodes.map((node) => node.id);
      return {
        length,
        nodeIds,
        nodes,
        steps: relationships.map((relationship, i) => {
          const fromId = nodeIds[i]!;
          const toId = nodeIds[i + 1]!;
          const direction = relationship.start === fromId ? 'OUTGOING' : 'INCOMING';
          return {
            fromId,
            toId,
            relation: decodeRelationship(
              { props: relationship.props, type: relationship.type, direction, otherId: toId },
              true,
            ),
          };
        }),
      };
    }),
});

/** Up to `limit` shortest paths of at most `maxLength` steps over facts between two entities. */
export const findShortestPaths = (database: GraphDatabase, request: PathRequest) =>
  run(database, pathsStatement(request));
