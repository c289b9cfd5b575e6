/**
 * Turns validated seed files into the rows the loader writes: node and relationship properties
 * in Neo4j's types (dates, points), each row tagged with the seed file it comes from, and each
 * quote traced to the sentence of the document that holds it.
 */
import neo4j from 'neo4j-driver';
import type { Properties, SeedPlan } from '../graph/seed-plan.js';
import type { DateProperty } from '../graph/vocabulary.js';
import type { SeedRelationship, TimeValue } from './format.js';
import { dateRange } from './time.js';
import type { ValidSeedFile } from './validate.js';

export function planSeedFile({ name, seed, document }: ValidSeedFile): SeedPlan {
  const tag = { seedFile: name };
  const documentId = seed.document.source;
  const sentenceId = (quote: string) => `${documentId}#${document.sentenceOf(quote)!.index}`;

  const sources = seed.sources.map((source) => ({
    id: source.id,
    props: compact({
      id: source.id,
      kind: source.kind,
      name: source.name,
      description: source.description,
      title: source.title,
      publisher: source.publisher,
      url: source.url,
      confidence: source.confidence,
      ...(source.date ? timeProperties('date', source.date) : {}),
      ...(source.id === documentId
        ? {
            textFile: seed.document.file,
            textSha256: document.sha256,
            sentenceCount: document.sentences.length,
          }
        : {}),
      ...tag,
    }),
  }));

  const sourceLinks = seed.sources.flatMap((source) =>
    (
      [
        ['CITED_IN', source.citedIn],
        ['ISSUED_BY', source.issuedBy],
        ['SPOKE_TO', source.spokeTo],
      ] as const
    )
      .filter(([, to]) => to !== undefined)
      .map(([type, to]) => ({ from: source.id, type, to: to! })),
  );

  const sentences = document.sentences.map((sentence) => ({
    id: `${documentId}#${sentence.index}`,
    documentId,
    props: {
      id: `${documentId}#${sentence.index}`,
      index: sentence.index,
      text: sentence.text,
      ...tag,
    },
  }));

  const entities = seed.entities.map((entity) => ({
    id: entity.id,
    labels: [entity.kind, ...entity.subkinds],
    props: compact({
      id: entity.id,
      kind: entity.kind,
      subkinds: entity.subkinds,
      name: entity.name,
      aliases: entity.aliases,
      // The full-text index reads names from strings: the aliases joined, one per line.
      aliasText: entity.aliases.join('\n'),
      description: entity.description,
      wikidata: entity.wikidata,
      sourceIds: entity.sources,
      ...(entity.location
        ? {
            location: new neo4j.types.Point(
              4326,
              entity.location.longitude,
              entity.location.latitude,
            ),
            locationPrecisionKm: entity.location.precisionKm,
            locationConfidence: entity.location.confidence,
          }
        : {}),
      ...(entity.date ? timeProperties('date', entity.date) : {}),
      ...(entity.endDate ? timeProperties('endDate', entity.endDate) : {}),
      ...(entity.deadline ? timeProperties('deadline', entity.deadline) : {}),
      ...tag,
    }),
  }));

  const relationships = seed.relationships.map((relationship) => ({
    from: relationship.from,
    type: relationship.type,
    to: relationship.to,
    props: compact({
      id: relationshipId(name, relationship),
      role: relationship.role,
      description: relationship.description,
      confidence: relationship.confidence,
      sourceIds: relationship.evidence.map((item) => item.source),
      quotes: relationship.evidence.map((item) => item.quote),
      sentenceIds: relationship.evidence.map((item) => sentenceId(item.quote)),
      ...(relationship.validFrom ? timeProperties('validFrom', relationship.validFrom) : {}),
      ...(relationship.validTo ? timeProperties('validTo', relationship.validTo) : {}),
      ...tag,
    }),
  }));

  const claims = seed.claims.map((claim) => ({
    id: claim.id,
    about: claim.about,
    claimedBy: claim.claimedBy,
    reportedIn: claim.reportedIn,
    sentenceId: sentenceId(claim.quote),
    props: compact({
      id: claim.id,
      property: claim.property,
      label: claim.label,
      value: claim.value,
      valueText: claim.valueText,
      qualifier: claim.qualifier,
      unit: claim.unit,
      quote: claim.quote,
      confidence: claim.confidence,
      claimedBy: claim.claimedBy,
      reportedIn: claim.reportedIn,
      ...tag,
    }),
  }));

  const mentions = uniquePairs([
    ...seed.entities.flatMap((entity) => entity.sources.map((sourceId) => [sourceId, entity.id])),
    ...seed.relationships.flatMap((relationship) =>
      relationship.evidence.flatMap((item) => [
        [item.source, relationship.from],
        [item.source, relationship.to],
      ]),
    ),
    ...seed.claims.flatMap((claim) =>
      claim.about.flatMap((entityId) => [
        [claim.claimedBy, entityId],
        [claim.reportedIn, entityId],
      ]),
    ),
  ]).map(([sourceId, entityId]) => ({ sourceId, entityId }));

  return {
    seedFile: name,
    sources,
    sourceLinks,
    sentences,
    entities,
    relationships,
    claims,
    mentions,
  };
}

/** Stable across reloads, and distinct per file: two files may state the same fact. */
function relationshipId(seedFile: string, relationship: SeedRelationship): string {
  const role = relationship.role ? `:${relationship.role}` : '';
  return `${seedFile}:${relationship.from}:${relationship.type}:${relationship.to}${role}`;
}

/**
 * `name` (first day it may be), `nameLatest` (last day), `namePrecision` and `namePhrase`: the
 * interval that a date of month or year precision stands for.
 */
function timeProperties(name: DateProperty, time: TimeValue): Properties {
  const range = dateRange(time);
  return compact({
    [name]: toNeo4jDate(range.start),
    [`${name}Latest`]: toNeo4jDate(range.end),
    [`${name}Precision`]: range.precision,
    [`${name}Phrase`]: range.phrase,
  });
}

function toNeo4jDate(isoDate: string) {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(year, month, day);
}

function uniquePairs(pairs: string[][]): [string, string][] {
  const byKey = new Map(pairs.map(([a, b]) => [`${a}\u0000${b}`, [a!, b!] as [string, string]]));
  return [...byKey.values()];
}

function compact(properties: Properties): Properties {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== undefined));
}
