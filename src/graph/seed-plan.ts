/**
 * What the seed loader writes: one seed file's nodes and relationships as rows of properties in
 * Neo4j's types, each tagged with the seed file it comes from; facts as their evidence, which
 * the writer merges with what other files say (graph/facts.ts). seeds/plan.ts makes them from the
 * validated seed files; store/seed-writer.ts writes them. Neither layer owns the shape, so it
 * lives here, where both can read it without reading each other.
 */
import type { KeyedEvidence } from './facts.js';

export type Properties = Record<string, unknown>;

export interface NodeRow {
  id: string;
  props: Properties;
}

export interface EntityRow extends NodeRow {
  labels: string[];
}

export interface LinkRow {
  from: string;
  type: string;
  to: string;
}

/**
 * A claim as one file states it: `props` what it says, which every file that states it says
 * alike; `reports` this file's own, one per publication it names.
 */
export interface ClaimRow extends NodeRow {
  about: string[];
  claimedBy: string;
  /** The sentence of this file's document that holds its quote. */
  sentenceId: string;
  reports: ClaimReportRow[];
}

/** One publication that reports a claim, with the file's words for it: a REPORTED_IN link. */
export interface ClaimReportRow {
  sourceId: string;
  /** seedFile, index (the publication's place in the file's `reportedIn`), quote, sentenceId, confidence. */
  props: Properties;
}

export interface SentenceRow extends NodeRow {
  documentId: string;
}

export interface SeedPlan {
  seedFile: string;
  sources: NodeRow[];
  /** CITED_IN, ISSUED_BY and SPOKE_TO links of this file's sources. */
  sourceLinks: LinkRow[];
  sentences: SentenceRow[];
  /** The entities this file describes, each merged with what other files say of it. */
  entities: EntityRow[];
  /** What this file says about facts between entities: one item per source and fact. */
  evidence: KeyedEvidence[];
  claims: ClaimRow[];
  /** Which entities each source states something about: an index for `Source.mentions`. */
  mentions: { sourceId: string; entityId: string }[];
}
