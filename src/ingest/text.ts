/**
 * The article's text as the ingest reads it: sentences with their offsets (Intl.Segmenter, the
 * ICU segmenter that Node ships, for English and French alike), and the folded form of a name
 * that matching compares (case, accents and apostrophes do not count).
 */
export type Language = 'en' | 'fr';

export interface Sentence {
  /** 1-based position in the article. */
  index: number;
  /** Offset of the first character in the article. */
  start: number;
  text: string;
}

/** A stretch of the article: where it starts and its exact words. */
export interface Span {
  start: number;
  text: string;
}

export class ArticleText {
  readonly sentences: Sentence[] = [];

  constructor(
    readonly raw: string,
    readonly language: Language,
  ) {
    const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
    // A blank line ends a sentence even without a full stop (titles, "Read more>>").
    const paragraphs = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
    for (const paragraph of raw.matchAll(paragraphs)) {
      for (const { segment, index } of segmenter.segment(paragraph[0])) {
        const text = segment.trimEnd();
        const lead = text.length - text.trimStart().length;
        if (!text.trim()) continue;
        this.sentences.push({
          index: this.sentences.length + 1,
          start: paragraph.index + index + lead,
          text: text.trimStart(),
        });
      }
    }
  }

  /** The sentence that holds the offset. */
  sentenceAt(offset: number): Sentence {
    let found = this.sentences[0]!;
    for (const sentence of this.sentences) {
      if (sentence.start > offset) break;
      found = sentence;
    }
    return found;
  }
}

/** Lower case, no accents, one kind of apostrophe and dash, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A guess at the article's language from its commonest small words. */
export function detectLanguage(text: string): Language {
  const words = fold(text).match(/[a-z']+/g) ?? [];
  const count = (list: readonly string[]) => words.filter((word) => list.includes(word)).length;
  const french = count(['le', 'la', 'les', 'des', 'du', 'et', 'est', 'une', 'dans', 'selon', 'a']);
  const english = count(['the', 'of', 'and', 'is', 'was', 'were', 'in', 'on', 'by', 'a', 'that']);
  return french > english ? 'fr' : 'en';
}

/** A slug for an id: folded, letters and digits, single hyphens. */
export function slugify(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A match in the article, mapped back from the folded text to the raw words. */
export interface TextMatch extends Span {
  end: number;
  /** Named groups, as raw spans (absent when the group did not take part). */
  groups: Record<string, (Span & { end: number }) | undefined>;
}

/**
 * The article folded character by character, with the raw offset of each folded character, so
 * that a pattern written in folded form finds the raw words whatever their case and accents.
 */
export class FoldedText {
  readonly folded: string;
  private readonly origin: number[] = [];

  constructor(readonly raw: string) {
    let folded = '';
    for (let index = 0; index < raw.length;) {
      const char = String.fromCodePoint(raw.codePointAt(index)!);
      const piece = /\s/.test(char) ? ' ' : fold(char) || char;
      for (let count = 0; count < piece.length; count += 1) this.origin.push(index);
      folded += piece;
      index += char.length;
    }
    this.origin.push(raw.length);
    this.folded = folded;
  }

  /** The folded offset of a raw offset. */
  foldedOffset(raw: number): number {
    const at = this.origin.indexOf(raw);
    return at < 0 ? this.folded.length : at;
  }

  /** Raw span of folded [start, end). */
  span(start: number, end: number): Span & { end: number } {
    const rawStart = this.origin[start]!;
    const rawEnd = end >= this.origin.length - 1 ? this.raw.length : this.origin[end]!;
    return { start: rawStart, end: rawEnd, text: this.raw.slice(rawStart, rawEnd) };
  }

  /** Every match of a folded pattern that starts (from `from`, before `to`) and ends at word boundaries. */
  findAll(pattern: string, from = 0, to = this.folded.length, endWithin = false): TextMatch[] {
    const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'gdu');
    regex.lastIndex = from;
    const matches: TextMatch[] = [];
    // With endWithin, a match must also end by `to`.
    const text = endWithin ? this.folded.slice(0, to) : this.folded;
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      if (match.index >= to) break;
      if (match[0].length === 0) {
        regex.lastIndex += 1;
        continue;
      }
      const groups: TextMatch['groups'] = {};
      for (const [name, range] of Object.entries(match.indices?.groups ?? {})) {
        groups[name] = range ? this.span(range[0], range[1]) : undefined;
      }
      matches.push({ ...this.span(match.index, match.index + match[0].length), groups });
    }
    return matches;
  }
}

/** A literal folded phrase as a pattern, white space and dashes loose, plurals allowed. */
export function phrasePattern(phrase: string, plurals = true): string {
  return fold(phrase)
    .split(/[\s-]+/)
    .map(
      (word) =>
        word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') +
        (plurals && /\p{L}{3}$/u.test(word) ? '(?:s|es|x)?' : ''),
    )
    .join('[\\s-]+');
}
