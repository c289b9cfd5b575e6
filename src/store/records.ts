/**
 * Plain records of what the store reads (dates as ISO strings, points as latitude and
 * longitude), so nothing above the store sees driver types. `rows.ts` decodes them.
 */
import type {
  ClaimQualifier,
  Confidence,
  DatePrecision,
  EntityKind,
  RelationshipType,
  SourceKind,
} from '../graph/vocabulary.js';
import type { Evidence } from '../graph/facts.js';

export interface PartialDateRecord {
  /** First day the date may be, YYYY-MM-DD. */
  earliest: string;
  /** Last day the date may be, YYYY-MM-DD. */
  latest: string;
  precision: DatePrecision;
  phrase: string | null;
}

export interface LocationRecord {
  latitude: number;
  longitude: number;
  precisionKm: number | null;
  confidence: Confidence;
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
  kind: SourceKind;
  name: string;
  description: string | null;
  title: string | null;
  publisher: string | null;
  url: string | null;
  confidence: Confidence;
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
  qualifier: ClaimQualifier;
  unit: string | null;
  claimedBy: string;
  aboutIds: string[];
  /** Every report, in seed file order: a publication, with its document's quote and sentence. */
  reports: ClaimReportRecord[];
  /** The first report's publication, quote and sentence. */
  reportedIn: string;
  quote: string;
  sentenceId: string;
  /** Every publication that reports it, each once. */
  reportedInIds: string[];
  /** The firmest of the reports'. */
  confidence: Confidence;
}

export interface ClaimReportRecord {
  sourceId: string;
  quote: string;
  sentenceId: string;
  confidence: Confidence;
}

export interface SentenceRecord {
  id: string;
  index: number;
  text: string;
  documentId: string;
}

/** One source's words for a fact (graph/facts.ts): with its seed file and its own dates. */
export type EvidenceRecord = Evidence;

export interface RelationRecord {
  /** The relationship's stable id. */
  id: string;
  type: RelationshipType;
  direction: 'OUTGOING' | 'INCOMING';
  /** The entity at the other end. */
  otherId: string;
  role: string | null;
  description: string | null;
  confidence: Confidence;
  validFrom: PartialDateRecord | null;
  validTo: PartialDateRecord | null;
  /** The sources that state it, one per item of evidence. */
  sourceIds: string[];
  /** Each source's words for it; null when the request did not read them (nothing asked). */
  evidence: EvidenceRecord[] | null;
  /** How many distinct sources state it. */
  sourceCount: number;
}
