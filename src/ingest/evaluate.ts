/**
 * Compares a draft with the curated seed file of the same article: curated entities found
 * (linked or proposed), links to known entities that are correct, curated claims with a figure
 * whose value, qualifier and claimant the draft has right, curated dates that the draft
 * resolves to the same day (or the same month or year, as precise as its words), quotes
 * that occur word for word in the text, and attributed statements without a figure. A draft
 * can also be compared with gold lists of links and statements (the fixture articles').
 */
import type { SeedEntity, SeedFile, SeedSource } from '../seeds/format.js';
import { dateRange } from '../graph/date-range.js';
import type { ArticleEntity } from './entities.js';
import type { Reading } from './ingest.js';
import type { Knowledge } from './knowledge.js';
import { determinerAtStart } from './linking.js';
import { fold } from './text.js';

export interface Measure {
  right: number;
  of: number;
}

export interface Evaluation {
  entitiesFound: Measure;
  linksCorrect: Measure;
  claimsRight: Measure;
  datesRight: Measure;
  quotesVerbatim: Measure;
  /** Curated statements without a figure, by a source other than the article, drafted. */
  statementsRight: Measure;
  /** Drafted statements that a curated claim also quotes. */
  statementsPrecise: Measure;
  /** What was missed or wrong, for the table's reader. */
  misses: string[];
}

export function evaluate(reading: Reading, curated: SeedFile, known: Knowledge): Evaluation {
  const text = reading.article.raw;
  const misses: string[] = [];
  const referencing = (entityId: string) => [
    ...curated.claims.filter((claim) => claim.about.includes(entityId)).map((claim) => claim.quote),
    ...curated.relationships
      .filter((r) => r.from === entityId || r.to === entityId)
      .flatMap((r) => r.evidence.map((e) => e.quote)),
  ];
  const bare = (name: string) => fold(name).replace(determinerAtStart('en'), '');
  const namesOf = (entity: ArticleEntity) =>
    new Set(
      [
        entity.name,
        ...entity.aliases,
        ...entity.mentions.map((m) => m.text),
        ...(entity.known?.aliases ?? []),
      ].map(bare),
    );
  const matches = (draft: ArticleEntity, target: SeedEntity): boolean => {
    if (draft.id === target.id) return true;
    if (target.kind === 'Event') {
      // The same type, and the same date or the same words (an event the text does not date).
      const event = reading.events.find((item) => item.entity === draft)?.candidate;
      if (!event || !target.subkinds.includes(event.subkind)) return false;
      const time = target.date ?? target.deadline;
      if (event.date && time) return overlaps(event.date.value, time.value);
      return event.triggers.some((trigger) =>
        referencing(target.id).some((quote) => spansOverlap(text, quote, trigger)),
      );
    }
    const drafted = namesOf(draft);
    return [target.name, ...target.aliases]
      .map(bare)
      .some((name) =>
        [...drafted].some(
          (other) => other === name || contains(other, name) || contains(name, other),
        ),
      );
  };
  const matchOf = (target: SeedEntity) => reading.entities.find((draft) => matches(draft, target));

  const entitiesFound = count(
    curated.entities,
    (target) => matchOf(target) !== undefined,
    (target) => misses.push(`entity not found: ${target.id}`),
  );

  const curatedIds = new Map(curated.entities.map((entity) => [entity.id, entity]));
  const links = reading.entities
    .filter((entity) => entity.known)
    .flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention })));
  const linksCorrect = count(
    links,
    ({ entity, mention }) =>
      referencing(entity.id).some((quote) => spansOverlap(text, quote, mention)) ||
      ([entity.known!.name, ...entity.known!.aliases].map(bare).includes(bare(mention.text)) &&
        ![...curatedIds.values()].some((other) =>
          [other.name, ...other.aliases].map(bare).includes(bare(mention.text)),
        )),
    ({ entity, mention }) => misses.push(`link doubtful: "${mention.text}" -> ${entity.id}`),
  );

  const curatedSources = new Map(
    [...curated.sources, ...known.sources].map((source) => [source.id, source]),
  );
  // A claim that restates a known claim is claimed by the known claim's source.
  const draftSources = new Map(
    [reading.sources.article, ...reading.sources.cited, ...known.sources].map((source) => [
      source.id,
      source,
    ]),
  );
  const sameClaimant = (draft: SeedSource | undefined, target: SeedSource | undefined): boolean => {
    if (!draft || !target || draft.kind !== target.kind) return false;
    const entityMatches = (draftId: string | undefined, targetId: string | undefined) => {
      if (!targetId) return true;
      const draftEntity = reading.entities.find((entity) => entity.id === draftId);
      const targetEntity =
        curatedIds.get(targetId) ?? known.entities.find((entity) => entity.id === targetId);
      return Boolean(draftEntity && targetEntity && matches(draftEntity, targetEntity));
    };
    return (
      entityMatches(draft.issuedBy, target.issuedBy) && entityMatches(draft.spokeTo, target.spokeTo)
    );
  };
  const quoteSpan = (quote: string) => ({
    start: text.indexOf(quote),
    end: text.indexOf(quote) + quote.length,
  });
  const figures = curated.claims.filter((claim) => claim.value !== undefined);
  const claimsRight = count(
    figures,
    (target) =>
      reading.claims.some(
        ({ claim }) =>
          claim.value === target.value &&
          claim.qualifier === target.qualifier &&
          spansOverlap(text, target.quote, quoteSpan(claim.quote)) &&
          sameClaimant(draftSources.get(claim.claimedBy), curatedSources.get(target.claimedBy)),
      ),
    (target) => misses.push(`claim not right: ${target.id}`),
  );

  // Statements without a figure that a source other than the article makes.
  const drafted = reading.claims.filter(({ claim }) => claim.qualifier === 'statement');
  const attributed = curated.claims.filter(
    (claim) => claim.qualifier === 'statement' && claim.claimedBy !== curated.document.source,
  );
  const statementsRight = count(
    attributed,
    (target) =>
      drafted.some(
        ({ claim }) =>
          spansOverlap(text, target.quote, quoteSpan(claim.quote)) &&
          sameClaimant(draftSources.get(claim.claimedBy), curatedSources.get(target.claimedBy)),
      ),
    (target) => misses.push(`statement not drafted: ${target.id}`),
  );
  const statementsPrecise = count(
    drafted,
    ({ claim }) =>
      curated.claims.some((target) => spansOverlap(text, target.quote, quoteSpan(claim.quote))),
    ({ claim }) => misses.push(`statement not curated: "${claim.quote}"`),
  );

  const phrased = curated.entities.flatMap((entity) =>
    (['date', 'deadline'] as const).flatMap((field) => {
      const time = entity[field];
      return time?.phrase && text.includes(time.phrase)
        ? [{ entity: entity.id, ...time, phrase: time.phrase }]
        : [];
    }),
  );
  const datesRight = count(
    phrased,
    (target) => {
      const at = text.indexOf(target.phrase);
      const date = reading.dates.find(
        (item) => item.start < at + target.phrase.length && item.end > at,
      );
      return date !== undefined && overlaps(date.value, target.value);
    },
    (target) => misses.push(`date not right: ${target.entity} "${target.phrase}"`),
  );

  const quotes = [
    ...reading.claims.map(({ claim }) => claim.quote),
    ...reading.relationships.flatMap(({ relationship }) =>
      relationship.evidence.map((evidence) => evidence.quote),
    ),
  ];
  const quotesVerbatim = count(
    quotes,
    (quote) => text.includes(quote),
    (quote) => misses.push(`quote not verbatim: "${quote}"`),
  );
  return {
    entitiesFound,
    linksCorrect,
    claimsRight,
    datesRight,
    quotesVerbatim,
    statementsRight,
    statementsPrecise,
    misses,
  };
}

/** Words of an article that must link to a known entity (a gold list entry). */
export type GoldLinks = Record<string, string>;

/**
 * The draft's links against a gold list: a link is correct when its mention overlaps words the
 * list gives for its entity; listed words are found when a link to their entity overlaps them.
 */
export function evaluateLinks(
  reading: Reading,
  gold: GoldLinks,
): { linksCorrect: Measure; linksFound: Measure; misses: string[] } {
  const text = reading.article.raw;
  const misses: string[] = [];
  const links = reading.entities
    .filter((entity) => entity.known)
    .flatMap((entity) => entity.mentions.map((mention) => ({ id: entity.id, mention })));
  const overlaps = (words: string, id: string, link: (typeof links)[number]) =>
    link.id === id && spansOverlap(text, words, link.mention);
  const entries = Object.entries(gold);
  const linksCorrect = count(
    links,
    (link) => entries.some(([words, id]) => overlaps(words, id, link)),
    (link) => misses.push(`link wrong: "${link.mention.text}" -> ${link.id}`),
  );
  const linksFound = count(
    entries,
    ([words, id]) => links.some((link) => overlaps(words, id, link)),
    ([words, id]) => misses.push(`link missed: "${words}" -> ${id}`),
  );
  return { linksCorrect, linksFound, misses };
}

/**
 * The draft's statements (claims without a figure) against the gold list's words: each listed
 * statement is found when a drafted one overlaps it; a drafted one overlapping none is extra.
 */
export function evaluateStatements(
  reading: Reading,
  gold: string[],
): { statementsFound: Measure; statementsPrecise: Measure; misses: string[] } {
  const text = reading.article.raw;
  const misses: string[] = [];
  const drafted = reading.claims
    .filter(({ claim }) => claim.qualifier === 'statement')
    .map(({ claim }) => ({ quote: claim.quote, start: text.indexOf(claim.quote) }))
    .map((span) => ({ ...span, end: span.start + span.quote.length }));
  const statementsFound = count(
    gold,
    (words) => drafted.some((span) => spansOverlap(text, words, span)),
    (words) => misses.push(`statement missed: "${words}"`),
  );
  const statementsPrecise = count(
    drafted,
    (span) => gold.some((words) => spansOverlap(text, words, span)),
    (span) => misses.push(`statement extra: "${span.quote}"`),
  );
  return { statementsFound, statementsPrecise, misses };
}

/** Measures added up, as one over several articles. */
export function sum(measures: Measure[]): Measure {
  return measures.reduce((total, m) => ({ right: total.right + m.right, of: total.of + m.of }), {
    right: 0,
    of: 0,
  });
}

function count<T>(items: T[], right: (item: T) => boolean, onMiss: (item: T) => void): Measure {
  let hits = 0;
  for (const item of items) {
    if (right(item)) hits += 1;
    else onMiss(item);
  }
  return { right: hits, of: items.length };
}

/** Whether two dates as precise as their words can be the same day. */
function overlaps(a: string, b: string): boolean {
  const first = dateRange({ value: a });
  const second = dateRange({ value: b });
  return first.start <= second.end && second.start <= first.end;
}

/** Whether `shorter` is whole words of `longer`, and is more than one word or a proper name. */
function contains(longer: string, shorter: string): boolean {
  if (shorter.length === 0 || longer === shorter) return false;
  const words = shorter.split(' ');
  return (words.length > 1 || shorter.length >= 5) && ` ${longer} `.includes(` ${shorter} `);
}

function spansOverlap(text: string, quote: string, span: { start: number; end: number }): boolean {
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (at < span.end && at + quote.length > span.start) return true;
  }
  return false;
}

export function fraction(measure: Measure): number {
  return measure.of === 0 ? 1 : measure.right / measure.of;
}
