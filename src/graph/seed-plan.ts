/**
 * What the seed loader writes: one seed file's nodes and relationships as rows of properties in
 * Neo4j's types, each tagged with the seed file it comes from. seeds/plan.ts makes them from the
 * validated seed files; store/seed-writer.ts writes them. Neither layer owns the shape, so it
 * lives here, where both can read it without reading each other.
 */
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

export interface RelationshipRow extends LinkRow {
  props: Properties;
}

export interface ClaimRow extends NodeRow {
  about: string[];
  claimedBy: string;
  reportedIn: string;
  sentenceId: string;
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
  entities: EntityRow[];
  relationships: RelationshipRow[];
  claims: ClaimRow[];
  /** Which entities each source states something about: an index for `Source.mentions`. */
  mentions: { sourceId: string; entityId: string }[];
}
