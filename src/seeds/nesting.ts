/**
 * How deep a YAML text nests, found without parsing it: `yaml` composes nodes recursively, so
 * whether a text nested thousands of levels deep overflows its stack depends on how far V8 has
 * optimised the parser by then. A text past `PARSER_SAFE_DEPTH` is refused before parsing,
 * always the same way; below it, checkYamlShape refuses what passes SEED_LIMITS.depth with the
 * node's path.
 */
import { Lexer } from 'yaml';
import { SEED_LIMITS } from './limits.js';

/** Far beyond what a seed file may nest, and far within what the parser's stack can follow. */
export const PARSER_SAFE_DEPTH = 10 * SEED_LIMITS.depth;

/** The lexer's markers of document and scalar starts, which are not characters of the text. */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);
/** A block line's indentation with its sequence, key and value indicators (`- - ? x`). */
const BLOCK_PREFIX = /^[ \t]*(?:[-?:][ \t]+)*/;

/**
 * The offset where the text's nesting passes `limit` levels, or null: flow collections count
 * their open brackets (the lexer tells brackets from the same characters in quoted text), and a
 * block line at most one level per column of its indented, indicated prefix.
 */
export function offsetPastDepth(text: string, limit = PARSER_SAFE_DEPTH): number | null {
  let offset = 0;
  let flowDepth = 0;
  let lineStart = true;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) continue;
    if (lineStart) {
      const prefix = BLOCK_PREFIX.exec(text.slice(offset, offset + limit + 2))![0];
      if (prefix.length > limit) return offset + limit;
      lineStart = false;
    }
    if (token === '[' || token === '{') flowDepth += 1;
    else if (token === ']' || token === '}') flowDepth = Math.max(0, flowDepth - 1);
    if (flowDepth > limit) return offset;
    offset += token.length;
    if (token === '\n' || token === '\r\n') lineStart = true;
  }
  return null;
}
