/**
 * Characters that the guard's parser and Neo4j's might read differently, refused before and
 * after lexing. The guard is only as good as the agreement between the two parsers on where
 * strings, names and comments start and end, and on what is whitespace; Neo4j 5's parser
 * decodes `\uXXXX` escapes before it reads anything (even inside strings and comments), takes
 * U+001C–U+001F and many Unicode spaces for whitespace, ends `//` comments at CR, and lets
 * identifiers hold `$` and invisible characters. So an analyst's query may hold, outside string
 * literals, quoted names and comments, only printable ASCII, tabs and line breaks.
 */
import { CypherRefusal } from './cypher-refusal.js';

/**
 * A place in the query as the parser counts it: lines (ended by LF) and columns from 1, in code
 * points.
 */
export const describePosition = ({ line, column }: { line: number; column: number }) =>
  `line ${line}, column ${column}`;

const codePoint = (char: string) =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Control characters other than tab, LF and CR (C0, DEL, C1 with NEL), line and paragraph
 * separators, and halves of surrogate pairs: never needed in a query, read differently by
 * different parsers.
 */
const AMBIGUOUS_ANYWHERE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cs}]/u;

/** Refuses what no part of the text may hold: ambiguous characters and `\u` escapes. */
export function refuseAmbiguousText(query: string): void {
  let line = 1;
  let column = 1;
  let offset = 0;
  let previous = '';
  for (const char of query) {
    if (char !== '\t' && char !== '\n' && char !== '\r' && AMBIGUOUS_ANYWHERE.test(char)) {
      throw new CypherRefusal(
        'CHARACTER_NOT_ALLOWED',
        `character ${codePoint(char)} at ${describePosition({ line, column })} (offset ${offset}) is not allowed: control characters and line separators are read differently by different Cypher parsers; use spaces, tabs and newlines`,
      );
    }
    if (previous === '\\' && (char === 'u' || char === 'U')) {
      throw new CypherRefusal(
        'UNICODE_ESCAPE_NOT_ALLOWED',
        `the escape \\${char} at ${describePosition({ line, column: column - 1 })} is not allowed: Neo4j decodes \\uXXXX before it reads the query, even inside strings and comments; write the character itself`,
      );
    }
    previous = char;
    offset += 1;
    if (char === '\n') {
      line += 1;
      column = 1;
    } else {
      column += 1;
    }
  }
}

/** Outside strings, quoted names and comments: printable ASCII, tab, LF and CR only. */
const PLAIN_CODE = /^[\x20-\x7e\t\n\r]*$/;

/**
 * Refuses a character outside ASCII in the code of a query (not in a string literal, a quoted
 * name or a comment, whose contents both parsers read as opaque text).
 */
export function refuseNonAsciiCode(text: string, at: { line: number; column: number }): void {
  if (PLAIN_CODE.test(text)) return;
  const index = [...text].findIndex((char) => !PLAIN_CODE.test(char));
  const char = [...text][index]!;
  throw new CypherRefusal(
    'CHARACTER_NOT_ALLOWED',
    `character ${codePoint(char)} at ${describePosition({ line: at.line, column: at.column + index })} is not allowed outside string literals, quoted names and comments: Neo4j reads some such characters as spaces or as parts of names; use plain spaces, or quote the name with backticks`,
  );
}
