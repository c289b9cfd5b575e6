/**
 * What a claimant says when it gives no figure: "the junta said France must withdraw", "selon
 * le ministère, l'armée a repoussé l'attaque". The statement is the sentence's words outside the
 * attribution, when there are enough of them to say something and they name an entity the
 * claim can be about. Sentences without an attribution are not statements: the article's own
 * narration stays out of the claims.
 */
import type { Claimant } from './claimants.js';
import type { ArticleEntities, ArticleEntity } from './entities.js';
import type { Language, Sentence } from './text.js';

export interface Statement {
  start: number;
  end: number;
  text: string;
  /** The entities it names, the claimant's own excepted. */
  about: ArticleEntity[];
}

/** Fewer words than this say too little to be a claim ("il l'a confirmé"). */
const MIN_WORDS = 4;

/** Punctuation, and "that" / "que" with up to two words before it ("jeudi que"). */
const LEADING: Record<Language, RegExp> = {
  en: /^[\s,:;«»"“”'-]*(?:(?:\S+\s+){0,2}?that\s+)?/i,
  fr: /^[\s,:;«»"“”'-]*(?:(?:\S+\s+){0,2}?(?:que\s+|qu['’]))?/i,
};
const TRAILING = /[\s,.:;!?«»"“”-]*$/;

export function statementOf(
  raw: string,
  sentence: Sentence,
  claimant: Claimant,
  entities: ArticleEntities,
  language: Language,
): Statement | undefined {
  const end = sentence.start + sentence.text.length;
  const before = { start: sentence.start, end: claimant.attribution.start };
  const after = { start: claimant.attribution.end, end };
  const part = after.end - after.start >= before.end - before.start ? after : before;
  let { start, end: stop } = part;
  start += raw.slice(start, stop).match(LEADING[language])![0].length;
  stop -= raw.slice(start, stop).match(TRAILING)![0].length;
  const text = raw.slice(start, stop);
  if (text.split(/\s+/).filter(Boolean).length < MIN_WORDS) return undefined;
  const about = entities
    .all()
    .filter((entity) =>
      entity.mentions.some(
        (mention) =>
          mention.start >= start &&
          mention.end <= stop &&
          !(mention.start >= claimant.words.start && mention.end <= claimant.words.end),
      ),
    );
  return about.length > 0 ? { start, end: stop, text, about } : undefined;
}
