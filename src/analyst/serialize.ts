/**
 * Neo4j values as JSON: nodes and relationships with their ids, labels or type and properties,
 * paths as their nodes and relationships, temporal values as ISO strings, points as coordinates.
 * Lists and maps may nest at most MAX_NESTING deep, in parameters and in answers alike, so that
 * no recursion over them (here, in the driver, in JSON.stringify) can exhaust the stack.
 */
import {
  isDate,
  isDateTime,
  isDuration,
  isInt,
  isLocalDateTime,
  isLocalTime,
  isNode,
  isPath,
  isPoint,
  isRelationship,
  isTime,
} from 'neo4j-driver';
import { CypherRefusal } from './cypher-refusal.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** How deep lists and maps may nest in an analyst's parameters and in the values of an answer. */
export const MAX_NESTING = 32;

/**
 * The path of the first list or map nested more than `MAX_NESTING` deep inside `value` (e.g.
 * `params.a[0].b`), or undefined. Walks without recursion, so any depth is safe to check.
 */
export function checkNesting(value: unknown, name: string): string | undefined {
  const pending: { item: unknown; path: string; depth: number }[] = [
    { item: value, path: name, depth: 0 },
  ];
  while (pending.length > 0) {
    const { item, path, depth } = pending.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > MAX_NESTING) return path;
    if (Array.isArray(item)) {
      item.forEach((inner, index) =>
        pending.push({ item: inner, path: `${path}[${index}]`, depth: depth + 1 }),
      );
    } else {
      for (const [key, inner] of Object.entries(item)) {
        const step = /^[A-Za-z_]\w*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        pending.push({ item: inner, path: `${path}${step}`, depth: depth + 1 });
      }
    }
  }
  return undefined;
}

export function toJson(value: unknown, depth = 0): Json {
  if (depth > MAX_NESTING) {
    throw new CypherRefusal(
      'RESULT_TOO_DEEP',
      `a value in the answer is nested more than ${MAX_NESTING} deep`,
    );
  }
  const inner = (item: unknown) => toJson(item, depth + 1);
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (typeof value === 'bigint' || isInt(value)) return Number(value.toString());
  if (Array.isArray(value)) return value.map(inner);
  if (isNode(value)) {
    return {
      elementId: value.elementId,
      labels: value.labels,
      properties: inner(value.properties),
    };
  }
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: inner(value.properties),
    };
  }
  if (isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((segment) => segment.end)].map(inner),
      relationships: value.segments.map((segment) => inner(segment.relationship)),
    };
  }
  if (isPoint(value)) {
    const point: Record<string, Json> = { srid: Number(value.srid), x: value.x, y: value.y };
    if (value.z !== undefined) point.z = value.z;
    return point;
  }
  if (
    isDate(value) ||
    isDateTime(value) ||
    isLocalDateTime(value) ||
    isTime(value) ||
    isLocalTime(value) ||
    isDuration(value)
  ) {
    return value.toString();
  }
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inner(item)]));
  }
  return String(value);
}
