/**
 * Property values in Neo4j's types: a date as the interval it stands for (graph/date-range.ts),
 * and absent values left out (Neo4j stores no nulls).
 */
import neo4j from 'neo4j-driver';
import { dateRange, type StatedDate } from '../graph/date-range.js';
import type { Properties } from '../graph/seed-plan.js';
import type { DateProperty } from '../graph/vocabulary.js';

/** The properties that hold a date `name` (see `timeProperties`). */
export const datePropertyNames = (name: DateProperty) =>
  [name, `${name}Latest`, `${name}Precision`, `${name}Phrase`] as const;

/**
 * `name` (first day it may be), `nameLatest` (last day), `namePrecision` and `namePhrase`: the
 * interval that a date of month or year precision stands for. Nothing for an absent date.
 */
export function timeProperties(
  name: DateProperty,
  time: StatedDate | null | undefined,
): Properties {
  if (!time) return {};
  const range = dateRange(time);
  const [earliest, latest, precision, phrase] = datePropertyNames(name);
  return compact({
    [earliest]: toNeo4jDate(range.start),
    [latest]: toNeo4jDate(range.end),
    [precision]: range.precision,
    [phrase]: range.phrase,
  });
}

function toNeo4jDate(isoDate: string) {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, day);
}

export function compact(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}
