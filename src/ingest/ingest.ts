/**
 * One article in, one draft out: the pipeline that runs each module in turn. It needs the known
 * entities (from the seed files) and the article's words and date; it touches no database and
 * no network.
 */
import type { SeedRelationship, SeedSource, TimeValue } from '../seeds/format.js';
import { findCandidates } from './candidates.js';
import { buildClaims, type DraftClaim } from './claims.js';
import { findDates, type DateMention } from './dates.js';
import { ArticleEntities, type ArticleEntity } from './entities.js';
import { findEvents, linkEvents, type EventCandidate } from './events.js';
import { findDistances, findFigures } from './figures.js';
import { Gazetteer } from './gazetteer.js';
import type { Knowledge } from './knowledge.js';
import { linkKnownEntities } from './linking.js';
import { reuseKnownClaims } from './restated.js';
import { ArticleText, FoldedText, detectLanguage, slugify, type Language } from './text.js';

export interface ArticleInput {
  text: string;
  /** Publication date, YYYY-MM-DD: relative dates are resolved against it. */
  date: string;
  /** The name of the article's file without extension: the draft's and the source's name. */
  name: string;
  language?: Language;
  title?: string;
  publisher?: string;
  url?: string;
}

export interface ArticleEvent {
  candidate: EventCandidate;
  entity: ArticleEntity;
}

export interface Reading {
  input: ArticleInput;
  article: ArticleText;
  entities: ArticleEntity[];
  dates: DateMention[];
  events: ArticleEvent[];
  claims: DraftClaim[];
  sources: { article: SeedSource; cited: SeedSource[] };
  relationships: { relationship: SeedRelationship; sentence: number }[];
}

export function ingestArticle(input: ArticleInput, knowledge: Knowledge): Reading {
  if (!/\p{L}/u.test(input.text))
    throw new Error(`${input.name}: the article has no words to read`);
  const language = input.language ?? detectLanguage(input.text);
  const article = new ArticleText(input.text, language);
  const folded = new FoldedText(input.text);
  const gazetteer = Gazetteer.load(language);
  const [year, month, day] = input.date.split('-').map(Number) as [number, number, number];
  const published = new Date(year, month - 1, day, 12);

  const entities = new ArticleEntities(
    article,
    new Set([...knowledge.entities, ...knowledge.sources].map((item) => item.id)),
  );
  const linked = linkKnownEntities(folded, knowledge, language, gazetteer);
  for (const mention of linked) entities.addLinked(mention);
  const dates = findDates(article, folded, published);
  for (const candidate of findCandidates(article, folded, gazetteer, [...linked, ...dates])) {
    entities.addCandidate(
      candidate,
      candidate.kind === 'Country' ? gazetteer.country(candidate.name)?.name : undefined,
    );
  }
  entities.geocode(gazetteer);

  const mentions = entities
    .all()
    .flatMap((entity) => entity.mentions.map((mention) => ({ ...mention, entity })));
  const candidates = findEvents(folded, article.sentences, language, dates, mentions);
  linkEvents(candidates, knowledge);
  const events = candidates.map((candidate) => ({
    candidate,
    entity: eventEntity(candidate, entities, article),
  }));

  const articleSource: SeedSource = {
    id: `article-${slugify(input.name)}`,
    kind: 'article',
    name: input.title ?? `Article of ${input.date} (${input.name})`,
    date: { value: input.date },
    confidence: 'reported',
    ...(input.title ? { title: input.title } : {}),
    ...(input.publisher ? { publisher: input.publisher } : {}),
    ...(input.url ? { url: input.url } : {}),
  };
  const sources = { article: articleSource, cited: [] as SeedSource[] };
  const figures = findFigures(folded, language);
  const distances = findDistances(folded, language);
  const claims = buildClaims(article, folded, figures, distances, events, entities, sources, {
    sourceIds: new Set(knowledge.sources.map((source) => source.id)),
    claimIds: new Set(knowledge.claims.map((claim) => claim.id)),
  });
  reuseKnownClaims(claims, sources, knowledge);
  const relationships = eventRelationships(events, articleSource.id);
  return {
    input: { ...input, language },
    article,
    entities: entities.all(),
    dates,
    events,
    claims,
    sources,
    relationships,
  };
}

function eventEntity(
  candidate: EventCandidate,
  entities: ArticleEntities,
  article: ArticleText,
): ArticleEntity {
  const first = candidate.triggers[0]!;
  const mention = {
    start: first.start,
    end: first.end,
    text: first.text,
    sentence: first.sentence.index,
  };
  if (candidate.link) {
    const known = candidate.link.entity;
    const entity =
      entities.get(known.id) ??
      entities.addLinked({ ...mention, entity: known, score: candidate.link.score, how: 'event' });
    return entity;
  }
  // The most precise place names the event: a town before a region, a region before a country.
  const broad = new Set(['Area', 'AdminRegion', 'BorderArea']);
  const place =
    candidate.places.find((p) => p.kind === 'Place' && !p.subkinds.some((s) => broad.has(s))) ??
    candidate.places.find((p) => p.kind === 'Place') ??
    candidate.places[0];
  const label = candidate.subkind.replace(/([a-z])([A-Z])/g, '$1 $2');
  const name = place
    ? `${label} ${place.kind === 'Country' ? 'in' : 'at'} ${place.name}`
    : `${label} reported on ${article.raw.slice(first.sentence.start, first.sentence.start + 40).trim()}…`;
  const entity = entities.addNew({
    id: slugify(`${place?.name ?? 'event'} ${label} ${candidate.date?.value ?? ''}`),
    kind: 'Event',
    subkinds: [candidate.subkind],
    name,
    kindReason: `the word "${first.text}"`,
    doubts: candidate.date ? [] : ['no date in its sentence'],
  });
  entity.mentions.push({ ...mention, score: 1, how: 'proposed' });
  return entity;
}

function eventRelationships(events: ArticleEvent[], articleId: string): Reading['relationships'] {
  const relationships: Reading['relationships'] = [];
  for (const { candidate, entity } of events) {
    const sentence = candidate.triggers[0]!.sentence;
    const evidence = [{ source: articleId, quote: sentence.text }];
    for (const place of candidate.places) {
      const type = place.kind === 'Country' ? 'OCCURRED_IN' : 'OCCURRED_AT';
      relationships.push({
        sentence: sentence.index,
        relationship: { type, from: entity.id, to: place.id, confidence: 'reported', evidence },
      });
    }
    for (const participant of candidate.participants) {
      if (participant.entity.id === entity.id) continue;
      const type = candidate.subkind === 'Announcement' ? 'ANNOUNCED' : 'PARTICIPATED_IN';
      relationships.push({
        sentence: participant.sentence.index,
        relationship: {
          type,
          from: participant.entity.id,
          to: entity.id,
          ...(type === 'PARTICIPATED_IN' ? { role: participant.role } : {}),
          confidence: 'reported',
          evidence: [{ source: articleId, quote: participant.sentence.text }],
        },
      });
    }
  }
  return relationships;
}

/** A date mention as the seed format writes it. */
export function timeValueOf(date: DateMention): TimeValue {
  return { value: date.value, phrase: date.phrase };
}
