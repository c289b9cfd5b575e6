/**
 * Turns validated seed files into the rows the loader writes: node and relationship properties
 * in Neo4j's types (dates, points), each row tagged with the seed file it comes from, and each
 * quote traced to the sentence of the document that holds it.
 */
import type { KeyedEvidence } from '../graph/facts.js';
import type { ClaimRow, EntityRow, SeedPlan } from '../graph/seed-plan.js';
import { compact, timeProperties } from '../store/properties.js';
import type { ValidSeedFile } from './validate.js';

/**
 * The plans of the `chosen` files. `entities` are every entity of the folder (`entityRows`): an
 * entity's node merges what every file says of it.
 */
export function planSeedFiles(
  chosen: readonly ValidSeedFile[],
  entities: Map<string, EntityRow>,
): SeedPlan[] {
  return chosen.map((file) => planSeedFile(file, entities));
}

function planSeedFile(
  { name, seed, document }: ValidSeedFile,
  entityRowsById: Map<string, EntityRow>,
): SeedPlan {
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
      ...timeProperties('date', source.date),
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

  const entities = seed.entities.map((entity) => entityRowsById.get(entity.id)!);

  const evidence = seed.relationships.flatMap((relationship) =>
    relationship.evidence.map((item): KeyedEvidence => ({
      from: relationship.from,
      type: relationship.type,
      to: relationship.to,
      role: relationship.role ?? null,
      seedFile: name,
      sourceId: item.source,
      quote: item.quote,
      sentenceId: sentenceId(item.quote),
      validFrom: relationship.validFrom ?? null,
      validTo: relationship.validTo ?? null,
      description: relationship.description ?? null,
      confidence: relationship.confidence,
    })),
  );

  const claims = seed.claims.map((claim): ClaimRow => {
    const sentence = sentenceId(claim.quote);
    return {
      id: claim.id,
      about: claim.about,
      claimedBy: claim.claimedBy,
      sentenceId: sentence,
      props: compact({
        id: claim.id,
        property: claim.property,
        label: claim.label,
        value: claim.value,
        valueText: claim.valueText,
        qualifier: claim.qualifier,
        unit: claim.unit,
        claimedBy: claim.claimedBy,
      }),
      reports: claim.reportedIn.map((sourceId, index) => ({
        sourceId,
        props: {
          seedFile: name,
          index,
          quote: claim.quote,
          sentenceId: sentence,
          confidence: claim.confidence,
        },
      })),
    };
  });

  const mentions = uniquePairs([
    ...seed.entities.flatMap((entity) => entity.sources.map((sourceId) => [sourceId, entity.id])),
    ...seed.relationships.flatMap((relationship) =>
      relationship.evidence.flatMap((item) => [
        [item.source, relationship.from],
        [item.source, relationship.to],
      ]),
    ),
    ...seed.claims.flatMap((claim) =>
      claim.about.flatMap((entityId) =>
        [claim.claimedBy, ...claim.reportedIn].map((sourceId) => [sourceId, entityId]),
      ),
    ),
  ]).map(([sourceId, entityId]) => ({ sourceId, entityId }));

  return {
    seedFile: name,
    sources,
    sourceLinks,
    sentences,
    entities,
    evidence,
    claims,
    mentions,
  };
}

function uniquePairs(pairs: string[][]): [string, string][] {
  const byKey = new Map(pairs.map(([a, b]) => [`${a}\u0000${b}`, [a!, b!] as [string, string]]));
  return [...byKey.values()];
}
