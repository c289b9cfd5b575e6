/**
 * Who claims what a sentence says: "according to the defence ministry", "told Reuters",
 * "selon le ministère", "a indiqué une source sécuritaire". The claimant is described by the
 * kind of source it is, the words that named it and, where those words hold an entity's
 * mention, the entity that issued it; "the statement" and "le communiqué" refer back to the
 * last statement named. A sentence with no claimant is the article's own claim.
 */
import { lexiconFor } from './lexicon.js';
import type { FoldedText, Language, Sentence } from './text.js';

export type ClaimantKind =
  'statement' | 'communique' | 'anonymous-source' | 'analysts' | 'interview';

export interface Claimant {
  kind: ClaimantKind;
  /** The words that named the claimant. */
  words: { start: number; end: number; text: string };
  /** The words naming the one it spoke to ("Reuters" in "told Reuters"), when said. */
  spokeTo: { start: number; end: number; text: string } | undefined;
  /** True when the words refer back to the last statement ("according to the statement"). */
  refersBack: boolean;
  /** All the words of the attribution ("according to the ministry", "a indiqué l'armée"). */
  attribution: { start: number; end: number };
}

export function findClaimant(
  folded: FoldedText,
  sentence: Sentence,
  language: Language,
): Claimant | undefined {
  const lexicon = lexiconFor(language);
  const end = sentence.start + sentence.text.length;
  let claimant: Claimant | undefined;
  let spokeTo: Claimant['spokeTo'];
  for (const pattern of lexicon.claimantPatterns) {
    for (const match of folded.findAll(pattern, sentence.start, end)) {
      if (match.end > end) continue;
      spokeTo ??= match.groups.to;
      const who = match.groups.who;
      if (!who || claimant) continue;
      const words = trimmed(who, folded.raw);
      const folder = folded.folded.slice(words.start, words.end);
      const refersBack = new RegExp(`^(?:${lexicon.statementWords})$`).test(folder);
      const kind =
        lexicon.sourceKinds.find((cue) => new RegExp(`\\b(?:${cue.pattern})\\b`).test(folder))
          ?.kind ??
        (new RegExp(`\\b(?:${lexicon.anonymous})\\b`).test(folder)
          ? 'anonymous-source'
          : 'statement');
      const anonymous =
        new RegExp(`\\b(?:${lexicon.anonymous})\\b`).test(folder) && kind !== 'analysts';
      claimant = {
        kind: anonymous ? 'anonymous-source' : kind,
        words,
        spokeTo: undefined,
        refersBack,
        attribution: { start: match.start, end: match.end },
      };
    }
  }
  if (claimant) claimant.spokeTo = spokeTo && trimmed(spokeTo, folded.raw);
  return claimant;
}

function trimmed(
  span: { start: number; end: number },
  raw: string,
): { start: number; end: number; text: string } {
  let { start, end } = span;
  while (start < end && /\s/.test(raw[start]!)) start += 1;
  while (end > start && /\s/.test(raw[end - 1]!)) end -= 1;
  return { start, end, text: raw.slice(start, end) };
}
