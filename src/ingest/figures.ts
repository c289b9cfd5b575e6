/**
 * Figures in the article: counts of people and things ("at least 12 troops were killed",
 * "une trentaine de soldats tués", "hundreds of armed rebels") with the qualifier the words give,
 * and stated distances ("around 190 kilometers (118 miles) from the capital Niamey"). Each is
 * a span of the text; claims.ts decides whom it is about and who claims it.
 */
import type { ClaimQualifier } from '../graph/vocabulary.js';
import { lexiconFor, type Lexicon } from './lexicon.js';
import { fold, type FoldedText, type Language, type TextMatch } from './text.js';

export interface Figure {
  /** The quote: from the qualifier to the outcome ("at least 12 troops were killed"). */
  start: number;
  end: number;
  text: string;
  value: number;
  qualifier: ClaimQualifier;
  /** snake_case: what is counted and what befell it (soldiers_killed). */
  property: string;
  /** The counted noun, singular enough for a unit ("soldier"). */
  unit: string;
}

export interface Distance {
  start: number;
  end: number;
  text: string;
  km: number;
  qualifier: ClaimQualifier;
  /** The words naming the place it is measured from. */
  from: { start: number; end: number; text: string };
}

/** 1,500 or 1 500 (thousands), 2,5 or 2.5 (decimals), 12. */
const DIGITS = '\\d{1,3}(?:[\\s,.\\u202f]\\d{3})+(?:[.,]\\d+)?|\\d+(?:[.,]\\d+)?';
const THOUSANDS = /^\d{1,3}(?:[\s,.\u202f]\d{3})+$/;

function alternatives(words: Iterable<string>): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

/** The qualifiers' words, those that carry a value ("hundreds of") or those that do not. */
function qualifierAlternatives(lexicon: Lexicon, withValue: boolean): string {
  return alternatives(
    lexicon.qualifiers
      .filter((cue) => (cue.value !== undefined) === withValue)
      .flatMap((cue) => cue.pattern.split('|'))
      // French elides "de" before a vowel: "plusieurs dizaines d'assaillants".
      .flatMap((words) => (words.endsWith(' de') ? [words, `${words.slice(0, -2)}d'`] : [words])),
  );
}

/** The qualifier whose words these are. */
function qualifierCue(lexicon: Lexicon, words: { text: string } | undefined) {
  return (
    words &&
    lexicon.qualifiers.find((cue) =>
      new RegExp(`^(?:${cue.pattern})$`).test(fold(words.text).replace(/ d'$/, ' de')),
    )
  );
}

export function findFigures(folded: FoldedText, language: Language): Figure[] {
  const lexicon = lexiconFor(language);
  const qualifierWords = qualifierAlternatives(lexicon, false);
  const valueWords = qualifierAlternatives(lexicon, true);
  const numbers = `(?:${DIGITS}|${alternatives(Object.keys(lexicon.numberWords))})(?:\\s+(?:${alternatives(Object.keys(lexicon.scales))}))?`;
  const nouns = alternatives(Object.keys(lexicon.countedNouns));
  const outcomes = alternatives(Object.keys(lexicon.outcomes));
  const verbs = alternatives(Object.keys(lexicon.outcomeVerbs));
  const between = "(?:[a-z'-]+\\s+){0,2}?";
  const pattern =
    `(?:(?<verb>${verbs})\\s+)?(?:(?<qualifier>${qualifierWords})\\s+)?(?:(?<valueWords>${valueWords})|(?<number>${numbers}))(?:\\s+|(?<='))${between}(?<noun>${nouns})'?` +
    `(?<after>(?:\\s+[a-z'-]+){0,3}?\\s+(?<outcome>${outcomes}))?`;
  const figures: Figure[] = [];
  for (const match of folded.findAll(pattern)) {
    // The quote starts at the figure; a verb before it ("killing") only tells the outcome.
    const { verb, qualifier, valueWords, number } = match.groups;
    const figureStart = (qualifier ?? valueWords ?? number)!.start;
    if (verb)
      Object.assign(match, { start: figureStart, text: folded.raw.slice(figureStart, match.end) });
    const figure = toFigure(match, lexicon);
    if (figure) figures.push(figure);
  }
  return figures;
}

function toFigure(match: TextMatch, lexicon: Lexicon): Figure | undefined {
  const { qualifier: qualifierWords, number, valueWords, noun, outcome, verb } = match.groups;
  const valueCue = qualifierCue(lexicon, valueWords);
  const value = valueCue?.value ?? (number ? parseNumber(number.text, lexicon) : undefined);
  if (value === undefined || !noun) return undefined;
  // A year is not a count ("2023 soldiers" does not occur; "in 2023 troops..." might).
  if (number && /^(?:19|20)\d\d$/.test(number.text)) return undefined;
  const qualifier =
    valueCue?.qualifier ?? qualifierCue(lexicon, qualifierWords)?.qualifier ?? 'exact';
  const stem = lexicon.countedNouns[fold(noun.text)]!;
  const befell =
    (outcome && lexicon.outcomes[fold(outcome.text)]) ??
    (verb && lexicon.outcomeVerbs[fold(verb.text)]) ??
    lexicon.nounOutcomes[fold(noun.text)];
  return {
    start: match.start,
    end: match.end,
    text: match.text,
    value,
    qualifier,
    property: befell ? `${stem}_${befell}` : stem,
    unit: stem.replace(/s$/, ''),
  };
}

/** "1,500" is 1500, "2,5 millions" 2500000, "ten" 10. */
function parseNumber(text: string, lexicon: Lexicon): number | undefined {
  const words = fold(text);
  const scale = Object.entries(lexicon.scales).find(([word]) => words.endsWith(` ${word}`));
  const figure = scale ? words.slice(0, -scale[0].length - 1) : words;
  const base =
    lexicon.numberWords[figure] ??
    (THOUSANDS.test(figure)
      ? Number(figure.replace(/[\s,.\u202f]/g, ''))
      : Number(figure.replace(',', '.')));
  return Number.isFinite(base) ? base * (scale?.[1] ?? 1) : undefined;
}

export function findDistances(folded: FoldedText, language: Language): Distance[] {
  const lexicon = lexiconFor(language);
  const qualifierWords = qualifierAlternatives(lexicon, false);
  const units = alternatives(Object.keys(lexicon.distanceUnits));
  const from =
    language === 'fr'
      ? "(?:de |du |d'|au [a-z-]+ de |a l'[a-z-]+ de )"
      : '(?:from|of|away from|outside) ';
  const pattern =
    `(?:(?<qualifier>${qualifierWords}|a)\\s+)?(?<number>${DIGITS})\\s*(?<unit>${units})(?:\\s*\\([^)]*\\))?\\s+` +
    `(?:[a-z-]+\\s+){0,2}?${from}(?<place>(?:(?:the|la|le|l') ?)?(?:capital[e]? )?[\\p{L}'-]+(?: [\\p{L}'-]+)?)`;
  const distances: Distance[] = [];
  for (const match of folded.findAll(pattern)) {
    const { qualifier, number, unit, place } = match.groups;
    const factor = lexicon.distanceUnits[fold(unit!.text)] ?? 1;
    const cue = qualifierCue(lexicon, qualifier);
    distances.push({
      start: match.start,
      end: match.end,
      text: match.text,
      km: Math.round((parseNumber(number!.text, lexicon) ?? 0) * factor * 10) / 10,
      // French "à 190 km" states the distance as it is; "environ", "around" make it approximate.
      qualifier: cue ? cue.qualifier : 'exact',
      from: place!,
    });
  }
  return distances;
}
