/**
 * The draft: a seed file (src/seeds/format.ts) with one more top-level key, `draft`, that holds
 * what the reviewer needs and the graph does not: every mention with its score and sentence,
 * the gazetteer's answer for each place, each date's phrase and precision, each claim's sentence,
 * and what is uncertain. The seed format refuses that key, so a draft cannot be loaded by
 * mistake; `npm run ingest:accept` removes it once the reviewer is done.
 */
import { stringify } from 'yaml';
import type { SeedEntity, SeedFile } from '../seeds/format.js';
import { pointNote, type ArticleEntity } from './entities.js';
import { timeValueOf, type Reading } from './ingest.js';

export const DRAFT_KEY = 'draft';

export type DraftFile = { [DRAFT_KEY]: DraftNotes } & SeedFile;

export interface DraftNotes {
  status: string;
  language: string;
  published: string;
  mentions: {
    text: string;
    entity: string;
    known: boolean;
    score: number;
    how: string;
    sentence: string;
  }[];
  places: {
    entity: string;
    name: string;
    known: boolean;
    /** "known entity", "GeoNames", or "none" for a place that needs a point. */
    pointFrom: string;
    found: string;
  }[];
  dates: { phrase: string; value: string; precision: string; sentence: string }[];
  events: { entity: string; linked: boolean; why: string; sentence: string }[];
  claims: { id: string; restates?: string; sentence: string }[];
  uncertain: { item: string; why: string }[];
}

export function buildDraft(reading: Reading, documentFile: string): DraftFile {
  const { article, entities, events, claims, sources, relationships, dates } = reading;
  const sentence = (index: number) => article.sentences[index - 1]!.text;
  const newEntities = entities.filter((entity) => !entity.known);
  const eventOf = new Map(events.map((event) => [event.entity.id, event.candidate]));
  return {
    [DRAFT_KEY]: {
      status: `DRAFT of ${documentFile}: review it, then npm run ingest:accept -- <this file>`,
      language: article.language,
      published: reading.input.date,
      mentions: entities.flatMap((entity) =>
        entity.mentions.map((mention) => ({
          text: mention.text,
          entity: entity.id,
          known: entity.known !== undefined,
          score: mention.score,
          how: mention.how,
          sentence: sentence(mention.sentence),
        })),
      ),
      places: entities
        .filter((entity) => entity.kind === 'Place')
        .map((entity) => ({
          entity: entity.id,
          name: entity.name,
          known: entity.known !== undefined,
          ...pointNote(entity),
        })),
      dates: dates.map((date) => ({
        phrase: date.phrase,
        value: date.value,
        precision: date.precision,
        sentence: article.sentenceAt(date.start).text,
      })),
      events: events.map(({ candidate, entity }) => ({
        entity: entity.id,
        linked: candidate.link !== undefined,
        why: candidate.link?.why ?? 'no known event of that type, date and place: proposed as new',
        sentence: candidate.triggers[0]!.sentence.text,
      })),
      claims: claims.map((claim) => ({
        id: claim.claim.id,
        ...(claim.restates
          ? { restates: `the known claim ${claim.restates}: this article adds its report` }
          : {}),
        sentence: sentence(claim.sentence),
      })),
      uncertain: entities.flatMap((entity) =>
        entity.doubts.map((why) => ({ item: entity.id, why })),
      ),
    },
    document: { source: sources.article.id, file: documentFile },
    sources: [sources.article, ...sources.cited],
    entities: newEntities.map((entity) =>
      seedEntity(entity, sources.article.id, eventOf.get(entity.id)?.date),
    ),
    relationships: relationships.map((item) => item.relationship),
    claims: claims.map((item) => item.claim),
  };
}

function seedEntity(
  entity: ArticleEntity,
  articleId: string,
  date: Reading['dates'][number] | undefined,
): SeedEntity {
  const place = entity.geocode?.place;
  const where = place
    ? ` GeoNames: ${place.name}, ${place.adminRegion ?? 'no region'}, ${place.country}.`
    : '';
  return {
    id: entity.id,
    kind: entity.kind as SeedEntity['kind'],
    subkinds: entity.subkinds,
    name: entity.name,
    aliases: entity.aliases,
    description: `Proposed by ingest (${entity.kind}: ${entity.kindReason ?? 'its words'}), first named as "${entity.mentions[0]?.text ?? entity.name}".${where}`,
    sources: [articleId],
    ...(place
      ? {
          location: {
            latitude: place.latitude,
            longitude: place.longitude,
            precisionKm: place.precisionKm,
            confidence: 'unverified' as const,
          },
        }
      : {}),
    ...(date ? { [date.deadline ? 'deadline' : 'date']: timeValueOf(date) } : {}),
  };
}

export function draftYaml(draft: DraftFile): string {
  return stringify(draft, { lineWidth: 100 });
}
