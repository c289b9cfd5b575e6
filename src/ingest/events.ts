/**
 * Events the article reports: an attack, an ambush, an accident, a protest, a coup, an
 * announcement, a withdrawal. A trigger word makes a candidate when its sentence dates it or it
 * is named as one event ("an attack", "l'attaque"); a later "the attack" with no other date is
 * the same event, "another attack" a new one. Each candidate takes the date and places of its
 * sentence and its participants with roles, and is linked to a known event of the same type
 * whose date agrees and, when both are known, whose place agrees.
 */
import type { SeedEntity } from '../seeds/format.js';
import { dateRange } from '../graph/date-range.js';
import type { DateMention } from './dates.js';
import type { Knowledge } from './knowledge.js';
import { lexiconFor, type EventCue } from './lexicon.js';
import type { FoldedText, Language, Sentence } from './text.js';

/** An entity as the pipeline knows it while reading: known or proposed. */
export interface EntityRef {
  id: string;
  kind: string;
  subkinds: string[];
  name: string;
}

export interface EntityMentionRef {
  start: number;
  end: number;
  entity: EntityRef;
}

export interface EventCandidate {
  subkind: EventCue['subkind'];
  cue: EventCue;
  /** Named in the plural without a date ("public protests"): a series, not one event. */
  generic: boolean;
  /** Each trigger that names it, with its sentence. */
  triggers: { start: number; end: number; text: string; sentence: Sentence }[];
  date: DateMention | undefined;
  places: EntityRef[];
  participants: { entity: EntityRef; role: string; sentence: Sentence }[];
  /** The known event it is, when type, date and place agree. */
  link: { entity: SeedEntity; score: number; why: string } | undefined;
}

const PLURAL_KINDS = new Set(['Insurgency', 'Protest']);

export function findEvents(
  folded: FoldedText,
  sentences: Sentence[],
  language: Language,
  dates: DateMention[],
  mentions: EntityMentionRef[],
): EventCandidate[] {
  const lexicon = lexiconFor(language);
  const events: EventCandidate[] = [];
  for (const sentence of sentences) {
    const end = sentence.start + sentence.text.length;
    const inSentence = <T extends { start: number }>(items: T[]) =>
      items.filter((item) => item.start >= sentence.start && item.start < end);
    const sentenceMentions = inSentence(mentions);
    const seen = new Set<string>();
    const insideName = (span: { start: number; end: number }) =>
      mentions.some((m) => span.start >= m.start && span.end <= m.end);
    // Each date of the sentence dates the trigger nearest to it ("France announced on Sunday
    // that it will remove its troops by the end of the year": two dates, two events).
    const triggers = lexicon.eventCues
      .flatMap((cue) => folded.findAll(cue.triggers, sentence.start, end))
      .filter((trigger) => !insideName(trigger));
    const datesOf = (word: { start: number; end: number }) =>
      inSentence(dates).filter((date) => {
        const closest = nearest(triggers, date.start);
        return closest !== undefined && closest.start < word.end && closest.end > word.start;
      });
    for (const cue of lexicon.eventCues) {
      for (const trigger of folded.findAll(
        `(?<det>(?:${lexicon.definiteEvent}|${lexicon.otherEvent}|a|an|un|une)\\s*(?:[a-z-]+\\s+)?)?(?<word>${cue.triggers})`,
        sentence.start,
        end,
      )) {
        const word = trigger.groups.word!;
        const determiner = folded.folded.slice(trigger.start, word.start).trim();
        const plural =
          /s$/.test(folded.folded.slice(word.start, word.end)) && !/^coup/.test(word.text);
        // A trigger inside a name ("Islamist insurgencies in the Sahel") is that entity's word.
        if (seen.has(cue.subkind) || insideName(word)) continue;
        const sentenceDate = nearest(datesOf(word), word.start);
        if (!sentenceDate && !determiner && !(plural && PLURAL_KINDS.has(cue.subkind))) continue;
        if (plural && !PLURAL_KINDS.has(cue.subkind) && !sentenceDate) continue;
        seen.add(cue.subkind);
        const other = new RegExp(`^(?:${lexicon.otherEvent})\\b`).test(determiner);
        const definite = new RegExp(`^(?:${lexicon.definiteEvent})\\b`).test(determiner);
        const earlier = [...events].reverse().find((event) => event.subkind === cue.subkind);
        const sameAsEarlier =
          earlier &&
          !other &&
          (sentenceDate
            ? earlier.date?.value === sentenceDate.value || (!earlier.date && !earlier.generic)
            : definite);
        const event: EventCandidate = sameAsEarlier
          ? earlier
          : {
              subkind: cue.subkind,
              cue,
              generic: plural && !sentenceDate,
              triggers: [],
              date: undefined,
              places: [],
              participants: [],
              link: undefined,
            };
        if (!sameAsEarlier) events.push(event);
        event.triggers.push({ ...word, sentence });
        event.date ??= sentenceDate;
        for (const mention of sentenceMentions) {
          if (!sameClause(folded.raw, word, mention, inSentence(dates))) continue;
          const before = folded.folded.slice(
            Math.max(sentence.start, mention.start - 12),
            mention.start,
          );
          const afterPreposition = new RegExp(`\\b(?:${lexicon.placePrepositions})\\s*$`).test(
            before,
          );
          addParticipant(event, mention.entity, sentence, afterPreposition);
        }
      }
    }
  }
  return events;
}

/** Of the spans, the one closest to the offset. */
function nearest<T extends { start: number; end: number }>(
  spans: T[],
  offset: number,
): T | undefined {
  return [...spans].sort((a, b) => distance(a, offset) - distance(b, offset))[0];
}

/** No comma or semicolon between the two, dates aside ("Thursday (September 28, 2023)"). */
function sameClause(
  raw: string,
  a: { start: number; end: number },
  b: { start: number; end: number },
  dates: DateMention[],
): boolean {
  const [first, second] = a.start < b.start ? [a, b] : [b, a];
  let between = raw.slice(first.end, second.start);
  for (const date of dates) {
    if (date.start >= first.end && date.end <= second.start)
      between = between.replace(date.phrase, '');
  }
  return !/[,;]/.test(between);
}

function distance(span: { start: number; end: number }, offset: number): number {
  return offset < span.start ? span.start - offset : Math.max(0, offset - span.end);
}

/** A participant with the role its kind suggests, or, after "in", "à", a place of the event. */
function addParticipant(
  event: EventCandidate,
  entity: EntityRef,
  sentence: Sentence,
  afterPreposition: boolean,
): void {
  const role = roleOf(event, entity);
  if (role) {
    if (!event.participants.some((p) => p.entity.id === entity.id && p.role === role)) {
      event.participants.push({ entity, role, sentence });
    }
  } else if ((entity.kind === 'Place' || entity.kind === 'Country') && afterPreposition) {
    if (!event.places.some((place) => place.id === entity.id)) event.places.push(entity);
  }
}

/** The role an entity's kind suggests in an event of that type; undefined when none does. */
function roleOf(event: EventCandidate, entity: EntityRef): string | undefined {
  const sub = new Set(entity.subkinds);
  const armed = entity.kind === 'ArmedGroup';
  const force = sub.has('MilitaryForce') || sub.has('MilitaryUnit');
  switch (event.subkind) {
    case 'Attack':
    case 'Insurgency':
      return armed ? event.cue.agentRole : force ? event.cue.objectRole : undefined;
    case 'Protest':
      return sub.has('ActivistGroup') ? event.cue.agentRole : undefined;
    case 'Coup':
      return sub.has('MilitaryJunta') || force
        ? event.cue.agentRole
        : entity.kind === 'Person'
          ? event.cue.objectRole
          : undefined;
    case 'Withdrawal':
      return force ? event.cue.agentRole : undefined;
    case 'Announcement':
      return ['Person', 'Organization', 'Country'].includes(entity.kind)
        ? event.cue.agentRole
        : undefined;
    case 'Accident':
      return force ? event.cue.objectRole : undefined;
  }
}

/** Links each candidate to the known event of its type whose date and place agree. */
export function linkEvents(events: EventCandidate[], knowledge: Knowledge): void {
  const placesOf = new Map<string, Set<string>>();
  for (const relation of knowledge.relationships) {
    if (relation.type !== 'OCCURRED_AT' && relation.type !== 'OCCURRED_IN') continue;
    placesOf.set(relation.from, (placesOf.get(relation.from) ?? new Set()).add(relation.to));
  }
  for (const event of events) {
    if (!event.date) continue;
    const candidate = dateRange({ value: event.date.value });
    for (const known of knowledge.entities) {
      const knownDate = event.date.deadline ? known.deadline : known.date;
      if (known.kind !== 'Event' || !known.subkinds.includes(event.subkind) || !knownDate) continue;
      const range = dateRange(knownDate);
      if (candidate.start > range.end || candidate.end < range.start) continue;
      // A day does not make the same event as a whole year's ("protests in 2023").
      if (range.precision === 'year' && candidate.precision !== 'year') continue;
      const knownPlaces = placesOf.get(known.id) ?? new Set<string>();
      const shared = event.places.filter((place) => knownPlaces.has(place.id));
      if (event.places.length > 0 && knownPlaces.size > 0 && shared.length === 0) continue;
      // A known event dated to the day beats one dated to the year.
      const narrow = range.start === range.end ? 0.05 : 0;
      const score = (shared.length > 0 ? 0.95 : 0.65) + narrow;
      const why =
        shared.length > 0
          ? `same type (${event.subkind}), date (${knownDate.value}) and place (${shared.map((place) => place.name).join(', ')})`
          : `same type (${event.subkind}) and date (${knownDate.value}); no place to compare`;
      if (!event.link || event.link.score < score) event.link = { entity: known, score, why };
    }
  }
}
