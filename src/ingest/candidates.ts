/**
 * Names of entities the graph does not know yet, each with a guessed kind. Two sources:
 * capitalised names ("Kandadji", "al Qaeda", "Burkina Faso"), and noun phrases whose head tells
 * the kind ("the defense ministry", "armed rebels on motorbikes", "l'armée nigérienne"). A word
 * that starts a sentence counts as a name only if it is capitalised elsewhere too or the
 * gazetteer knows it. English names get compromise's reading (person, place, organisation).
 */
import nlp from 'compromise';
import type { Gazetteer } from './gazetteer.js';
import { lexiconFor, type KindCue } from './lexicon.js';
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
  const cues = cueMentions(folded, article.language).filter((cue) => free(cue.start, cue.end));
  const names = properNames(article, gazetteer, lexicon.nameParticles, lexicon.titles).filter(
    (name) =>
      free(name.start, name.end) &&
      !cues.some((cue) => name.start >= cue.start && name.end <= cue.end),
  );
  return [...cues, ...names].sort((a, b) => a.start - b.start);
}

function properNames(
  article: ArticleText,
  gazetteer: Gazetteer,
  particles: string,
  titles: string,
): CandidateMention[] {
  const raw = article.raw;
  const sequence = new RegExp(
    `(?<![\\p{L}])(?:(?:al|el)[\\s-])?${WORD}(?:(?:\\s+(?:(?:${particles})\\s+)*|-)${WORD})*`,
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
  const english =
    article.language === 'en' ? englishReadings(raw) : new Map<number, CandidateKind>();
  const titleBefore = new RegExp(`(?:${titles})\\s+$`, 'i');
  const placeBefore = /\b(?:in|at|near|from|to|à|a|dans|près de|pres de|vers|de)\s+$/i;
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
    if (article.language === 'en' && !country && isCommonEnglishWord(text)) continue;
    if (isFunctionWord(key, article.language)) continue;
    const before = raw.slice(Math.max(0, start - 30), start);
    const reading = english.get(start);
    const [kind, subkind, kindReason]: [CandidateKind, string | undefined, string] = country
      ? ['Country', undefined, 'a country in the gazetteer']
      : gazetteer.place(text, new Set())
        ? ['Place', 'Town', 'a populated place in the gazetteer']
        : titleBefore.test(before) || reading === 'Person'
          ? [
              'Person',
              undefined,
              reading === 'Person' ? 'read as a person' : 'a title before the name',
            ]
          : reading === 'Place' || placeBefore.test(before)
            ? [
                'Place',
                undefined,
                reading === 'Place' ? 'read as a place' : 'a preposition of place before it',
              ]
            : ['Organization', undefined, 'a capitalised name of no known kind: check the kind'];
    candidates.push({
      start,
      end: start + text.length,
      text,
      name: text,
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
  return nlp(text.toLowerCase()).has(
    '(#Verb|#Preposition|#Adverb|#Conjunction|#Determiner|#Adjective|#Date)',
  );
}

/** An article, a particle or a number word of the language, capitalised at a sentence start. */
function isFunctionWord(folded: string, language: Language): boolean {
  const lexicon = lexiconFor(language);
  return (
    new RegExp(`^(?:${lexicon.determiners}|${lexicon.nameParticles})$`).test(folded) ||
    folded in lexicon.numberWords
  );
}

function startsSentence(article: ArticleText, offset: number): boolean {
  const sentence = article.sentenceAt(offset);
  return sentence.start === offset;
}

/** compromise's reading of English names: offsets of people, places and organisations. */
function englishReadings(raw: string): Map<number, CandidateKind> {
  const doc = nlp(raw);
  const readings = new Map<number, CandidateKind>();
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
  return readings;
}

/** Noun phrases whose head tells their kind: a few modifiers, the head, what completes it. */
function cueMentions(folded: FoldedText, language: Language): CandidateMention[] {
  const lexicon = lexiconFor(language);
  const determiner = determinerAtStart(language);
  const found: CandidateMention[] = [];
  for (const cue of lexicon.kindCues) {
    const pattern =
      language === 'fr'
        ? frenchPhrase(cue, lexicon.determiners)
        : englishPhrase(cue, lexicon.determiners);
    for (const match of folded.findAll(pattern)) {
      const phrase = match.groups.phrase!;
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
