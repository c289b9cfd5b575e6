/**
 * Plain records of what the store reads, converted from Neo4j's values (dates to ISO strings,
 * points to latitude and longitude), so nothing above the store sees driver types.
 */
import { isDate, isPoint } from 'neo4j-driver';
import type { DateProperty, EntityKind } from '../graph/vocabulary.js';

export type Precision = 'day' | 'month' | 'year';

export interface PartialDateRecord {
  /** First day the date may be, YYYY-MM-DD. */
  earliest: string;
  /** Last day the date may be, YYYY-MM-DD. */
  latest: string;
  precision: Precision;
  phrase: string | null;
}

export interface LocationRecord {
  latitude: number;
  longitude: number;
  precisionKm: number | null;
  confidence: string;
}

export interface EntityRecord {
  id: string;
  kind: EntityKind;
  subkinds: string[];
  name: string;
  aliases: string[];
  description: string;
  wikidata: string | null;
  sourceIds: string[];
  location: LocationRecord | null;
  date: PartialDateRecord | null;
  endDate: PartialDateRecord | null;
  deadline: PartialDateRecord | null;
}

export interface SourceRecord {
  id: string;
  kind: string;
  name: string;
  description: string | null;
  title: string | null;
  publisher: string | null;
  url: string | null;
  confidence: string;
  date: PartialDateRecord | null;
  textSha256: string | null;
  citedInId: string | null;
  issuedById: string | null;
  spokeToId: string | null;
}

/** A window of a longer list, and the length of the whole list. */
export interface Page {
  offset: number;
  limit: number;
  /** Whether to count every match (for `totalCount`), which costs reading them all. */
  counted: boolean;
}

export interface Paged<T> {
  items: T[];
  /** Null when the page was not counted. */
  totalCount: number | null;
  hasMore: boolean;
}

/**
 * A page from a query's rows, which start at the page's offset and may run past its end: with
 * the count of all matches, or uncounted (null), in which case a row past the page says
 * whether there are more.
 */
export function paged<T>(total: number | null, rows: T[], page: Page): Paged<T> {
  const items = rows.slice(0, page.limit);
  return {
    items,
    totalCount: total,
    hasMore: total === null ? rows.length > page.limit : page.offset + items.length < total,
  };
}

export interface ClaimRecord {
  id: string;
  property: string;
  label: string;
  value: number | null;
  valueText: string | null;
  qualifier: string;
  unit: string | null;
  quote: string;
  confidence: string;
  claimedBy: string;
  reportedIn: string;
  aboutIds: string[];
  sentenceId: string;
}

export interface SentenceRecord {
  id: string;
  index: number;
  text: string;
  documentId: string;
}

export interface EvidenceRecord {
  sourceId: string;
  quote: string;
  sentenceId: string;
}

export interface RelationRecord {
  /** The relationship's stable id. */
  id: string;
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  /** The entity at the other end. */
  otherId: string;
  role: string | null;
  description: string | null;
  confidence: string;
  validFrom: PartialDateRecord | null;
  validTo: PartialDateRecord | null;
  evidence: EvidenceRecord[];
}

type Properties = Record<string, unknown>;

export function toEntityRecord(props: Properties): EntityRecord {
  const location = props.location;
  return {
    id: props.id as string,
    kind: props.kind as EntityRecord['kind'],
    subkinds: (props.subkinds as string[] | undefined) ?? [],
    name: props.name as string,
    aliases: (props.aliases as string[] | undefined) ?? [],
    description: props.description as string,
    wikidata: (props.wikidata as string | undefined) ?? null,
    sourceIds: (props.sourceIds as string[] | undefined) ?? [],
    location: isPoint(location)
      ? {
          latitude: location.y,
          longitude: location.x,
          precisionKm: (props.locationPrecisionKm as number | undefined) ?? null,
          confidence: (props.locationConfidence as string | undefined) ?? 'reported',
        }
      : null,
    date: partialDate(props, 'date'),
    endDate: partialDate(props, 'endDate'),
    deadline: partialDate(props, 'deadline'),
  };
}

export function toSourceRecord(
  props: Properties,
  links: { citedIn: string | null; issuedBy: string | null; spokeTo: string | null },
): SourceRecord {
  return {
    citedInId: links.citedIn,
    issuedById: links.issuedBy,
    spokeToId: links.spokeTo,
    id: props.id as string,
    kind: props.kind as string,
    name: props.name as string,
    description: optional(props.description),
    title: optional(props.title),
    publisher: optional(props.publisher),
    url: optional(props.url),
    confidence: (props.confidence as string | undefined) ?? 'reported',
    date: partialDate(props, 'date'),
    textSha256: optional(props.textSha256),
  };
}

export function toClaimRecord(
  props: Properties,
  aboutIds: string[],
  sentenceId: string,
): ClaimRecord {
  return {
    id: props.id as string,
    property: props.property as string,
    label: props.label as string,
    value: (props.value as number | undefined) ?? null,
    valueText: optional(props.valueText),
    qualifier: props.qualifier as string,
    unit: optional(props.unit),
    quote: props.quote as string,
    confidence: (props.confidence as string | undefined) ?? 'reported',
    claimedBy: props.claimedBy as string,
    reportedIn: props.reportedIn as string,
    aboutIds,
    sentenceId,
  };
}

export function toRelationRecord(
  props: Properties,
  type: string,
  direction: RelationRecord['direction'],
  otherId: string,
): RelationRecord {
  const sourceIds = (props.sourceIds as string[] | undefined) ?? [];
  const quotes = (props.quotes as string[] | undefined) ?? [];
  const sentenceIds = (props.sentenceIds as string[] | undefined) ?? [];
  return {
    id: props.id as string,
    type,
    direction,
    otherId,
    role: optional(props.role),
    description: optional(props.description),
    confidence: (props.confidence as string | undefined) ?? 'reported',
    validFrom: partialDate(props, 'validFrom'),
    validTo: partialDate(props, 'validTo'),
    evidence: sourceIds.map((sourceId, i) => ({
      sourceId,
      quote: quotes[i] ?? '',
      sentenceId: sentenceIds[i] ?? '',
    })),
  };
}

/** The `name`, `nameLatest`, `namePrecision`, `namePhrase` properties as one record. */
function partialDate(props: Properties, name: DateProperty): PartialDateRecord | null {
  const earliest = props[name];
  const latest = props[`${name}Latest`];
  if (!isDate(earliest)) return null;
  return {
    earliest: earliest.toString(),
    latest: isDate(latest) ? latest.toString() : earliest.toString(),
    precision: (props[`${name}Precision`] as Precision | undefined) ?? 'day',
    phrase: optional(props[`${name}Phrase`]),
  };
}

function optional(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
