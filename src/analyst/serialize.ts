/**
 * Neo4j values as JSON: nodes and relationships with their ids, labels or type and properties,
 * paths as their nodes and relationships, temporal values as ISO strings, points as coordinates.
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

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  if (typeof value === 'bigint' || isInt(value)) return Number(value.toString());
  if (Array.isArray(value)) return value.map(toJson);
  if (isNode(value)) {
    return {
      elementId: value.elementId,
      labels: value.labels,
      properties: toJson(value.properties),
    };
  }
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      startNodeElementId: value.startNodeElementId,
      endNodeElementId: value.endNodeElementId,
      properties: toJson(value.properties),
    };
  }
  if (isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((segment) => segment.end)].map(toJson),
      relationships: value.segments.map((segment) => toJson(segment.relationship)),
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
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toJson(item)]));
  }
  return String(value);
}
