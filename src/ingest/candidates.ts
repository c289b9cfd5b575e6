/**
 * Names of entities the graph does not know yet, each with a guessed kind. Two sources:
 * capitalised names ("Kandadji", "al Qaeda", "Burkina Faso"), and noun phrases whose head tells
 * the kind ("the defense ministry", "armed rebels on motorbikes", "l'armée nigérienne"). A word
 * that starts a sentence counts as a name only if it is capitalised elsewhere too or the
 * gazetteer knows it. English names get compromise's reading (person, place, organisation).
 */
import nlp from 'compromise';
import type { Gazetteer } from './gazetteer.js';
import { lexiconFor, type KindCue, type Lexicon } from './lexicon.js';
import { determinerAtStart } from './linking.js';
import { fold, type ArticleText, type FoldedText, type Language } from './text.js';

export type CandidateKind = 'Person' | 'Organization' | 'Country' | 'ArmedGroup' | 'Place';

export interface CandidateMention {
  start: number;
  end: number;
  text: string;
  /** The name proposed for the entity: the words without article or title. */
  name: string;
  kind: CandidateKind;
  subkind: string | undefined;
  /** Why this kind: for the reviewer. */
  kindReason: string;
}

const WORD = "\\p{Lu}[\\p{L}\\p{M}'’-]*";

export function findCandidates(
  article: ArticleText,
  folded: FoldedText,
  gazetteer: Gazetteer,
  taken: readonly { start: number; end: number }[],
): CandidateMention[] {
  const lexicon = lexiconFor(article.language);
  const free = (start: number, end: number) =>
    !taken.some((span) => start < span.end && end > span.start);
  const english = article.language === 'en' ? readEnglish(article.raw) : undefined;
  const cues = cueMentions(folded, article.language, english).filter((cue) =>
    free(cue.start, cue.end),
  );
  const names = properNames(article, gazetteer, lexicon, english).filter(
    (name) =>
      free(name.start, name.end) &&
      !cues.some((cue) => name.start >= cue.start && name.end <= cue.end),
  );
  const areas = directionAreas(folded, lexicon, gazetteer, mainCountry(names)).filter((area) =>
    free(area.start, area.end),
  );
  const outsideAreas = (item: CandidateMention) =>
    !areas.some((area) => item.start < area.end && item.end > area.start);
  return [...areas, ...cues.filter(outsideAreas), ...names.filter(outsideAreas)].sort(
    (a, b) => a.start - b.start,
  );
}

/** The country the article names most: "the country" is that one. */
function mainCountry(names: CandidateMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const name of names) {
    if (name.kind === 'Country') counts.set(name.name, (counts.get(name.name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** "the southwest of the country", "le nord du Mali": a part of a country, as an area. */
function directionAreas(
  folded: FoldedText,
  lexicon: Lexicon,
  gazetteer: Gazetteer,
  main: string | undefined,
): CandidateMention[] {
  const directions = Object.keys(lexicon.directions)
    .sort((a, b) => b.length - a.length)
    .join('|');
  const pattern =
    lexicon.directionOf.replace('[a-z-]+', directions) +
    `(?<country>${lexicon.theCountry}|\\p{L}[\\p{L}' -]*?)`;
  const areas: CandidateMention[] = [];
  for (const match of folded.findAll(pattern)) {
    const said = match.groups.country!.text;
    const country = new RegExp(`^(?:${lexicon.theCountry})$`).test(fold(said))
      ? main
      : gazetteer.country(said)?.name;
    if (!country) continue;
    const direction = lexicon.directions[fold(match.groups.direction!.text)]!;
    areas.push({
      start: match.start,
      end: match.end,
      text: match.text,
      name: `${direction.charAt(0).toUpperCase()}${direction.slice(1)} ${country}`,
      kind: 'Place',
      subkind: 'Area',
      kindReason: `a part of ${country}`,
    });
  }
  return areas;
}

/** The reason of a kind guessed from nothing: a later mention's clue (a preposition) beats it. */
export const UNKNOWN_KIND = 'a capitalised name of no known kind: check the kind';

function properNames(
  article: ArticleText,
  gazetteer: Gazetteer,
  lexicon: Lexicon,
  english: EnglishReading | undefined,
): CandidateMention[] {
  const raw = article.raw;
  const particles = lexicon.nameParticles;
  // Words of a name are apart by spaces and at most one line break: never by a blank line.
  const gap = '(?=\\s)[^\\S\\n]*\\n?[^\\S\\n]*';
  const sequence = new RegExp(
    `(?<![\\p{L}])(?:(?:al|el)[\\s-])?${WORD}(?:(?:${gap}(?:(?:${particles})${gap})*|-)${WORD})*`,
    'gu',
  );
  const matches = [...raw.matchAll(sequence)].map((match) => ({
    start: match.index,
    text: match[0].replace(/['’]s$/, ''),
  }));
  const capitalisedInside = new Set(
    matches
      .filter((match) => !startsSentence(article, match.start))
      .map((match) => fold(match.text)),
  );
  const titleBefore = new RegExp(`(?:${lexicon.titles})\\s+$`, 'i');
  const titleInside = new RegExp(`^(?:${lexicon.titles})\\s+`, 'i');
  // Not \b: in JavaScript it does not see the edge of "à".
  const placeBefore =
    /(?<!\p{L})(?:in|at|near|from|à|dans|près de|vers)\s+(?:the\s+|la\s+|le\s+|l['’])?$/iu;
  const candidates: CandidateMention[] = [];
  for (const { start, text } of matches) {
    const key = fold(text);
    const country = gazetteer.country(text);
    const atStart = startsSentence(article, start);
    if (atStart && !country && !capitalisedInside.has(key) && !gazetteer.place(text, new Set()))
      continue;
    // Adjectives of belief or origin are not entities ("Islamist", "French").
    if (!country && /^\p{Lu}\p{Ll}+(?:ists?|istes?|ian|ien|ienne|ais|aise|ese)$/u.test(text))
      continue;
    if (english && !country && isCommonEnglishWord(text)) continue;
    if (isFunctionWord(key, article.language)) continue;
    const acronym = /^[\p{Lu}\d]{2,8}$/u.test(text);
    const before = raw.slice(Math.max(0, start - 30), start);
    const reading = english?.kinds.get(start);
    // "President Mohamed Bazoum" names Mohamed Bazoum, a person.
    const name = text.replace(titleInside, '');
    const titled = name !== text;
    const [kind, subkind, kindReason]: [CandidateKind, string | undefined, string] = country
      ? ['Country', undefined, 'a country in the gazetteer']
      : gazetteer.place(text, new Set())
        ? ['Place', 'Town', 'a populated place in the gazetteer']
        : titled || titleBefore.test(before) || reading === 'Person'
          ? [
              'Person',
              undefined,
              reading === 'Person' ? 'read as a person' : 'a title before the name',
            ]
          : !acronym && (reading === 'Place' || placeBefore.test(before))
            ? [
                'Place',
                undefined,
                reading === 'Place' ? 'read as a place' : 'a preposition of place before it',
              ]
            : acronym
              ? ['Organization', undefined, 'an acronym: check the kind']
              : ['Organization', undefined, UNKNOWN_KIND];
    candidates.push({
      start,
      end: start + text.length,
      text,
      name,
      kind,
      subkind,
      kindReason,
    });
  }
  return candidates;
}

/** A single word that, in lower case, compromise reads as other than a noun ("According"). */
function isCommonEnglishWord(text: string): boolean {
  if (/\s/.test(text)) return false;
  return (
    nlp(text).has('#Demonym') ||
    nlp(text.toLowerCase()).has(
      '(#Verb|#Preposition|#Adverb|#Conjunction|#Determiner|#Adjective|#Date)',
    )
  );
}

/** An article, a particle or a number word of the language, capitalised at a sentence start. */
function isFunctionWord(folded: string, language: Language): boolean {
  const lexicon = lexiconFor(language);
  return (
    new RegExp(`^(?:${lexicon.determiners}|${lexicon.nameParticles}|${lexicon.notNames})$`).test(
      folded,
    ) || folded in lexicon.numberWords
  );
}

function startsSentence(article: ArticleText, offset: number): boolean {
  const sentence = article.sentenceAt(offset);
  return sentence.start === offset;
}

interface EnglishReading {
  /** Kinds compromise reads at term offsets: people, places, organisations. */
  kinds: Map<number, CandidateKind>;
  /** Each term's tags, by offset. */
  tags: Map<number, string[]>;
}

/** compromise's reading of the English text. */
function readEnglish(raw: string): EnglishReading {
  const doc = nlp(raw);
  const readings = new Map<number, CandidateKind>();
  const tags = new Map<number, string[]>();
  for (const item of doc.terms().json({ offset: true }) as {
    terms: { offset: { start: number }; tags: string[] }[];
  }[]) {
    for (const term of item.terms) tags.set(term.offset.start, term.tags);
  }
  const mark = (view: { json(options: object): unknown }, kind: CandidateKind) => {
    for (const item of view.json({ offset: true }) as {
      offset: { start: number };
      terms: { offset: { start: number } }[];
    }[]) {
      for (const term of item.terms) readings.set(term.offset.start, kind);
    }
  };
  mark(doc.organizations(), 'Organization');
  mark(doc.places(), 'Place');
  mark(doc.people(), 'Person');
  return { kinds: readings, tags };
}

/**
 * The English phrase as compromise reads it: modifiers before the head are adjectives and
 * nouns (an article may precede them), and what follows the head ends on a noun.
 */
function trimEnglish(
  phrase: { start: number; end: number; text: string },
  head: { start: number; end: number },
  english: EnglishReading,
): { start: number; end: number } {
  const wordsOf = (from: number, to: number) =>
    [...phrase.text.slice(from - phrase.start, to - phrase.start).matchAll(/[^\s,.;]+/g)].map(
      (word) => {
        const start = from + word.index;
        return { start, end: start + word[0].length, tags: english.tags.get(start) ?? [] };
      },
    );
  const has = (tags: string[], ...wanted: string[]) => wanted.some((tag) => tags.includes(tag));
  let start = head.start;
  for (const word of wordsOf(phrase.start, head.start).reverse()) {
    if (has(word.tags, 'Determiner') && !has(word.tags, 'Value')) {
      start = word.start;
      break;
    }
    const modifier =
      has(word.tags, 'Adjective', 'Noun') &&
      !has(word.tags, 'Value', 'Verb', 'Pronoun', 'Conjunction', 'Preposition');
    if (!modifier) break;
    start = word.start;
  }
  const after = wordsOf(head.end, phrase.end);
  const lastNoun = after.findLastIndex(
    (word) => has(word.tags, 'Noun') && !has(word.tags, 'Preposition', 'Determiner'),
  );
  return { start, end: lastNoun < 0 ? head.end : after[lastNoun]!.end };
}

/** Noun phrases whose head tells their kind: a few modifiers, the head, what completes it. */
function cueMentions(
  folded: FoldedText,
  language: Language,
  english: EnglishReading | undefined,
): CandidateMention[] {
  const lexicon = lexiconFor(language);
  const determiner = determinerAtStart(language);
  const found: CandidateMention[] = [];
  for (const cue of lexicon.kindCues) {
    const pattern =
      language === 'fr'
        ? frenchPhrase(cue, lexicon.determiners)
        : englishPhrase(cue, lexicon.determiners);
    const matches = folded.findAll(pattern);
    for (const match of matches) {
      const matched = match.groups.phrase!;
      const { start, end } = english ? trimEnglish(matched, match.groups.head!, english) : matched;
      // What the trimming left out may hold a phrase of its own ("the army" in "the army used
      // ground troops").
      if (start > matched.start) {
        const from = folded.foldedOffset(matched.start);
        matches.push(...folded.findAll(pattern, from, folded.foldedOffset(start) - 1, true));
      }
      const phrase = folded.span(folded.foldedOffset(start), folded.foldedOffset(end));
      const name = phrase.text.replace(/^\S+\s+/, (first) =>
        determiner.test(`${fold(first)} `) ? '' : first,
      );
      // A bare plural ("troops", "forces") is a count's noun, not a name; "the army" is one.
      const single = name.split(/\s+/).length < 2;
      if (
        /^\d/.test(name) ||
        (single && !(cue.subkind === 'MilitaryJunta' || cue.subkind === 'MilitaryForce')) ||
        (single && /s$/.test(name))
      )
        continue;
      found.push({
        start: phrase.start,
        end: phrase.end,
        text: phrase.text,
        name,
        kind: cue.kind,
        subkind: cue.subkind,
        kindReason: `its head noun "${match.groups.head!.text}"`,
      });
    }
  }
  return found;
}

/** English: up to three modifiers before the head, "in/of/on X" after it. */
function englishPhrase(cue: KindCue, determiners: string): string {
  const modifier =
    "(?:(?!(?:and|or|but|by|of|in|on|at|to|from|with|which|who|that|were|was|is|are|has|had|have|said|told)\\b)[a-z][a-z'-]*\\s+)";
  const complement = "(?:\\s+(?:in|of|on|for) (?:the )?(?:[a-z][a-z'-]*\\s+)?[a-z][a-z'-]*)?";
  return `(?<phrase>(?:(?:${determiners})\\s+)?${modifier}{0,3}(?<head>${cue.heads})(?:${complement}))`;
}

/** French: the head, then "de la X", adjectives, "à X". */
function frenchPhrase(cue: KindCue, determiners: string): string {
  const adjective =
    '(?:\\s+(?!(?:de|du|des|la|le|les|et|en|au|aux|par|pour|sur|se|sont|ont|est|ete)\\b)[a-z-]+(?:ien|ienne|iens|iennes|ais|aise|aises|al|ale|aux|ique|iques|aire|aires|e|es|ee|ees|is|ise|ises))';
  const complement =
    "(?:\\s+(?:de la |du |de l'|des |d'|de |a |en )[a-z][a-z'-]*(?:\\s+(?:de |du )?[a-z][a-z'-]*)?)?";
  return `(?<phrase>(?:(?:${determiners})\\s*)?(?<head>${cue.heads})${adjective}{0,2}${complement}${adjective}?)`;
}
