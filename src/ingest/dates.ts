/**
 * Dates in the article, resolved against its publication date with chrono-node (its English and
 * French parsers). What chrono leaves aside is added here: parts of a month ("mid-August",
 * "fin août") and the end of the year. A weekday without a date is taken as the last one before
 * publication (news reports the past) unless its sentence speaks of the future. Adjacent pieces
 * ("Thursday (September 28, 2023) morning") make one date, as precise as its most precise piece.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../graph/vocabulary.js';
import { lexiconFor } from './lexicon.js';
import type { ArticleText, FoldedText, Language } from './text.js';

export interface DateMention {
  start: number;
  end: number;
  /** The words as written. */
  phrase: string;
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  precision: DatePrecision;
  /** "by the end of the year", "d'ici fin décembre": a date by which, not on which. */
  deadline: boolean;
}

const PARTS_OF_MONTH = {
  en: '(?:mid|early|late|end of|the end of|beginning of|the beginning of|the middle of)[\\s-]*',
  fr: "(?:mi|debut|fin|courant|a la mi|a la fin|au debut|a la fin du mois d'|au debut du mois d'|en|au mois de|au mois d')[\\s-]*",
};
const END_OF_YEAR = {
  en: '(?:by )?the end of (?:the|this) year',
  fr: "(?:d'ici |avant )?la fin de (?:l'annee|cette annee)",
};
/** Lengths of time rather than dates ("the past three years", "ces deux derniers mois"). */
const DURATION =
  /\b(?:\d+|\p{L}+) (?:years?|months?|weeks?|days?|ans|annees|mois|semaines|jours)\b/u;

function parserFor(language: Language): chrono.Chrono {
  return language === 'fr' ? chrono.fr.casual : chrono.en.casual;
}

export function findDates(
  article: ArticleText,
  folded: FoldedText,
  published: Date,
): DateMention[] {
  const language = article.language;
  const parser = parserFor(language);
  const own = ownDates(folded, published, language);
  const pieces: DateMention[] = [...own];
  for (const result of parser.parse(article.raw, { instant: published }, { forwardDate: false })) {
    const start = result.index;
    const end = start + result.text.length;
    if (own.some((date) => start < date.end && end > date.start)) continue;
    if (DURATION.test(folded.folded.slice(start, end))) continue;
    const piece = fromResult(result, article, published, start, end);
    if (piece) pieces.push(piece);
  }
  pieces.sort((a, b) => a.start - b.start);
  return mergeAdjacent(pieces, article.raw);
}

function fromResult(
  result: chrono.ParsedResult,
  article: ArticleText,
  published: Date,
  start: number,
  end: number,
): DateMention | undefined {
  const component = result.start;
  let date = component.date();
  const weekdayOnly = component.isCertain('weekday') && !component.isCertain('day');
  if (weekdayOnly) {
    const sentence = article.sentenceAt(start);
    const before = article.raw.slice(Math.max(sentence.start, start - 30), start);
    const future = new RegExp(`\\b(?:${lexiconFor(article.language).future})\\b`, 'i');
    const DAY = 24 * 3600 * 1000;
    if (!future.test(before) && date.getTime() > published.getTime()) {
      date = new Date(date.getTime() - 7 * DAY);
    }
  }
  const precision: DatePrecision | undefined =
    component.isCertain('day') || weekdayOnly
      ? 'day'
      : component.isCertain('month')
        ? 'month'
        : component.isCertain('year')
          ? 'year'
          : undefined;
  if (!precision) return undefined;
  return {
    start,
    end,
    phrase: article.raw.slice(start, end),
    value: toValue(date, precision),
    precision,
    deadline: false,
  };
}

function ownDates(folded: FoldedText, published: Date, language: Language): DateMention[] {
  const parser = parserFor(language);
  const dates: DateMention[] = [];
  for (const match of folded.findAll(`${PARTS_OF_MONTH[language]}(?<month>[a-z]+)`)) {
    // chrono's French parser reads no bare month name: its first day stands for the month.
    const words = `1 ${match.groups.month!.text}`;
    const month = parser.parse(words, { instant: published }, { forwardDate: false })[0];
    if (!month?.start.isCertain('month') || month.text.length !== words.length) continue;
    dates.push({
      ...match,
      phrase: match.text,
      value: toValue(month.start.date(), 'month'),
      precision: 'month',
      deadline: false,
    });
  }
  for (const match of folded.findAll(END_OF_YEAR[language])) {
    const value = `${published.getUTCFullYear()}-12-31`;
    dates.push({ ...match, phrase: match.text, value, precision: 'day', deadline: false });
  }
  return dates;
}

const DEADLINE = /^(?:by|before|no later than|d['’]ici|avant)\b/i;

const RANK: Record<DatePrecision, number> = { day: 3, month: 2, year: 1 };

/** Pieces separated only by spaces, commas and brackets are one date. */
function mergeAdjacent(pieces: DateMention[], raw: string): DateMention[] {
  const merged: DateMention[] = [];
  for (const piece of pieces) {
    const last = merged.at(-1);
    if (last && piece.start >= last.end && /^[\s,()]*$/.test(raw.slice(last.end, piece.start))) {
      const best = RANK[piece.precision] > RANK[last.precision] ? piece : last;
      const end = Math.max(last.end, piece.end);
      merged[merged.length - 1] = {
        ...best,
        start: last.start,
        end,
        phrase: raw.slice(last.start, end),
      };
    } else {
      merged.push(piece);
    }
  }
  return merged
    .map((date) => trimPhrase(date, raw))
    .map((date) => ({ ...date, deadline: DEADLINE.test(date.phrase) }));
}

/** The phrase without the white space and punctuation chrono may take at its edges. */
function trimPhrase(date: DateMention, raw: string): DateMention {
  let { start, end } = date;
  while (start < end && /[\s,.;:]/.test(raw[start]!)) start += 1;
  while (end > start && /[\s,.;:]/.test(raw[end - 1]!)) end -= 1;
  return { ...date, start, end, phrase: raw.slice(start, end) };
}

function toValue(date: Date, precision: DatePrecision): string {
  const iso = `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return precision === 'day' ? iso : precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
}
