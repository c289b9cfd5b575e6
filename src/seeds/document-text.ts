/**
 * A seed file's source document: its text split into sentences, so that each quote can be
 * checked against the text and traced to the sentence that holds it.
 */
import { createHash } from 'node:crypto';

export interface Sentence {
  /** 1-based position in the document. */
  index: number;
  text: string;
}

export class DocumentText {
  readonly sha256: string;
  readonly sentences: Sentence[];
  private readonly flat: string;
  /** Offset in `flat` where each sentence starts, in order. */
  private readonly starts: number[];

  constructor(readonly raw: string) {
    this.sha256 = createHash('sha256').update(raw).digest('hex');
    // Paragraphs (and Markdown list items) are hard breaks; inside one, a quote may cross the
    // line breaks of the file, so white space is folded before comparing.
    const blocks = raw
      .split(/\n\s*\n|\n(?=\s*[-#*] )/)
      .map(foldWhitespace)
      .filter(Boolean);
    this.flat = blocks.join(' ');
    const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    this.sentences = [];
    this.starts = [];
    let blockStart = 0;
    for (const block of blocks) {
      for (const { segment, index } of segmenter.segment(block)) {
        const text = segment.trim();
        if (!text) continue;
        this.sentences.push({ index: this.sentences.length + 1, text });
        this.starts.push(blockStart + index);
      }
      blockStart += block.length + 1;
    }
  }

  /** The sentence in which the quote starts, or undefined when the text does not hold it. */
  sentenceOf(quote: string): Sentence | undefined {
    const at = this.flat.indexOf(foldWhitespace(quote));
    if (at < 0) return undefined;
    let found = 0;
    while (found + 1 < this.starts.length && this.starts[found + 1]! <= at) found += 1;
    return this.sentences[found];
  }
}

function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
