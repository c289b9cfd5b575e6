/**
 * The boundary with Neo4j: each row a statement returns is decoded (checked and converted) into
 * the store's records here, so that a property of an unexpected type fails loudly, naming the
 * property, instead of travelling on as a wrongly typed value.
 */
import { isDate, isPoint, type Date as Neo4jDate, type Point } from 'neo4j-driver';
import { z } from 'zod';
import {
  CLAIM_QUALIFIERS,
  CONFIDENCE,
  DATE_PRECISIONS,
  ENTITY_KINDS,
  RELATIONSHIP_TYPES,
  SOURCE_KINDS,
  firmestConfidence,
  type DateProperty,
} from '../graph/vocabulary.js';
import type {
  ClaimRecord,
  EntityRecord,
  PartialDateRecord,
  RelationRecord,
  SourceRecord,
} from './records.js';
import { factEvidence } from './fact-properties.js';
import { datePropertyNames } from './properties.js';
import { decode } from './statement.js';

const neo4jDate = z.custom<Neo4jDate<number>>(isDate, 'expected a Neo4j date');
const neo4jPoint = z.custom<Point<number>>(isPoint, 'expected a Neo4j point');
/** A property that may be absent: Neo4j stores no nulls, so absent reads as null. */
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const texts = z
  .array(z.string())
  .nullish()
  .transform((value) => value ?? []);
const confidence = z
  .enum(CONFIDENCE)
  .nullish()
  .transform((value) => value ?? 'reported');

const partialDateParts = z.object({
  earliest: neo4jDate.nullish(),
  latest: neo4jDate.nullish(),
  precision: z.enum(DATE_PRECISIONS).nullish(),
  phrase: optionalText,
});

/** The `name`, `nameLatest`, `namePrecision`, `namePhrase` properties as one record. */
function partialDate(props: Record<string, unknown>, name: DateProperty): PartialDateRecord | null {
  // Most facts and entities have no such date: nothing to check then.
  if (props[name] == null) return null;
  const [earliestKey, latestKey, precisionKey, phraseKey] = datePropertyNames(name);
  const { earliest, latest, precision, phrase } = partialDateParts.parse({
    earliest: props[earliestKey],
    latest: props[latestKey],
    precision: props[precisionKey],
    phrase: props[phraseKey],
  });
  if (!earliest) return null;
  return {
    earliest: earliest.toString(),
    latest: (latest ?? earliest).toString(),
    precision: precision ?? 'day',
    phrase,
  };
}

/** An entity node's properties. */
export const entityRow = z
  .looseObject({
    id: z.string(),
    kind: z.enum(ENTITY_KINDS),
    subkinds: texts,
    name: z.string(),
    aliases: texts,
    description: z.string(),
    wikidata: optionalText,
    sourceIds: texts,
    location: neo4jPoint.nullish(),
    locationPrecisionKm: z.number().nullish(),
    locationConfidence: confidence,
  })
  .transform((props): EntityRecord => ({
    id: props.id,
    kind: props.kind,
    subkinds: props.subkinds,
    name: props.name,
    aliases: props.aliases,
    description: props.description,
    wikidata: props.wikidata,
    sourceIds: props.sourceIds,
    location: props.location
      ? {
          latitude: props.location.y,
          longitude: props.location.x,
          precisionKm: props.locationPrecisionKm ?? null,
          confidence: props.locationConfidence,
        }
      : null,
    date: partialDate(props, 'date'),
    endDate: partialDate(props, 'endDate'),
    deadline: partialDate(props, 'deadline'),
  }));

/**
 * An entity read as id, name and kind only (the other end of a relationship, when that is all
 * the request needs); the rest is empty and `otherIsBrief` says so.
 */
export const briefEntityRow = z
  .object({ id: z.string(), name: z.string(), kind: z.enum(ENTITY_KINDS) })
  // Written out, not spread: on Node 20, `{...object, more}` is some 50 times slower than
  // listing the properties, and this runs for every other end of a page of relationships.
  .transform(({ id, name, kind }): EntityRecord => ({
    id,
    name,
    kind,
    subkinds: [],
    aliases: [],
    description: '',
    wikidata: null,
    sourceIds: [],
    location: null,
    date: null,
    endDate: null,
    deadline: null,
  }));

const SOURCE_LINK_TYPES = ['CITED_IN', 'ISSUED_BY', 'SPOKE_TO'] as const;

/** A source node's properties with its links to other sources (see `SOURCE_ROW`). */
export const sourceRow = z
  .object({
    props: z.looseObject({
      id: z.string(),
      kind: z.enum(SOURCE_KINDS),
      name: z.string(),
      description: optionalText,
      title: optionalText,
      publisher: optionalText,
      url: optionalText,
      confidence,
      textSha256: optionalText,
    }),
    links: z.array(z.object({ type: z.enum(SOURCE_LINK_TYPES), id: z.string() })),
  })
  .transform(({ props, links }): SourceRecord => {
    const linked = (type: (typeof SOURCE_LINK_TYPES)[number]) =>
      links.find((link) => link.type === type)?.id ?? null;
    return {
      id: props.id,
      kind: props.kind,
      name: props.name,
      description: props.description,
      title: props.title,
      publisher: props.publisher,
      url: props.url,
      confidence: props.confidence,
      date: partialDate(props, 'date'),
      textSha256: props.textSha256,
      citedInId: linked('CITED_IN'),
      issuedById: linked('ISSUED_BY'),
      spokeToId: linked('SPOKE_TO'),
    };
  });

/** A claim's report: a REPORTED_IN link's properties and publication (see `CLAIM_ROW`). */
const claimReport = z.object({
  sourceId: z.string(),
  seedFile: z.string(),
  index: z.number(),
  quote: z.string(),
  sentenceId: z.string(),
  confidence,
});

/** A claim node's properties with its subjects and reports (see `CLAIM_ROW`). */
export const claimRow = z
  .object({
    props: z.object({
      id: z.string(),
      property: z.string(),
      label: z.string(),
      value: z.number().nullish(),
      valueText: optionalText,
      qualifier: z.enum(CLAIM_QUALIFIERS),
      unit: optionalText,
      claimedBy: z.string(),
    }),
    about: z.array(z.string()),
    reports: z.array(claimReport).min(1, { error: 'a claim has at least one report' }),
  })
  .transform(({ props, about, reports }): ClaimRecord => {
    // Seed file order, as a fact's evidence; Neo4j gives a pattern's links in no set order.
    const ordered = [...reports]
      .sort((a, b) => a.seedFile.localeCompare(b.seedFile) || a.index - b.index)
      .map(({ sourceId, quote, sentenceId, confidence }) => ({
        sourceId,
        quote,
        sentenceId,
        confidence,
      }));
    const first = ordered[0]!;
    return {
      ...props,
      value: props.value ?? null,
      aboutIds: about,
      reports: ordered,
      reportedIn: first.sourceId,
      quote: first.quote,
      sentenceId: first.sentenceId,
      reportedInIds: [...new Set(ordered.map((report) => report.sourceId))],
      confidence: firmestConfidence(ordered.map((report) => report.confidence)),
    };
  });

export const direction = z.enum(['OUTGOING', 'INCOMING']);

/**
 * A relationship as seen from one end: its type, direction, the other end's id and the fact's
 * own properties (its dates and evidence pass through, checked by `decodeRelationship`).
 * Checked only, not converted: a zod transform on this shape costs some 20 times its check,
 * and a page of relationships decodes hundreds of them per request.
 */
const relationshipShape = z.object({
  props: z.looseObject({
    id: z.string(),
    role: z.string().nullish(),
    description: z.string().nullish(),
    confidence: z.enum(CONFIDENCE).nullish(),
    sourceIds: z.array(z.string()).nullish(),
  }),
  type: z.enum(RELATIONSHIP_TYPES),
  direction,
  otherId: z.string(),
});

/**
 * A relationship row (`relationshipShape`) as a record; with its evidence read from the
 * parallel lists of its properties (fact-properties.ts) when `withEvidence`, else none.
 */
export function decodeRelationship(row: unknown, withEvidence: boolean): RelationRecord {
  const { props, type, direction, otherId } = decode(relationshipShape, row);
  const sourceIds = props.sourceIds ?? [];
  return {
    id: props.id,
    type,
    direction,
    otherId,
    role: props.role ?? null,
    description: props.description ?? null,
    confidence: props.confidence ?? 'reported',
    validFrom: partialDate(props, 'validFrom'),
    validTo: partialDate(props, 'validTo'),
    sourceIds,
    evidence: withEvidence ? decode(factEvidence, props) : null,
    sourceCount: new Set(sourceIds).size,
  };
}

/** A count that is there only when the request asked for it. */
export const optionalCount = z.number().nullable();
