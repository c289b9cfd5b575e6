/**
 * Checks a parsed YAML document before it is turned into JavaScript values, where a hostile file
 * would do its harm: aliases that expand to millions of nodes ("billion laughs"), aliases that
 * refer to nothing or to the node they are in (a loop), nesting deep enough to exhaust the stack,
 * keys that are lists or mappings, and tags. The `yaml` package's core schema never runs code
 * for a tag (`!!js/function` stays a string, with a warning), but it does build Buffers, Sets
 * and Dates for `!!binary`, `!!set` and `!!timestamp`; a seed file needs none of them, so any tag
 * beyond the core ones is refused. Each problem comes with the node's offset and document path.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import { SEED_LIMITS, type SeedLimits } from './limits.js';

const CORE = 'tag:yaml.org,2002:';
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((name) => `${CORE}${name}`),
);

export interface ShapeProblem {
  offset: number;
  path: (string | number)[];
  message: string;
}

export function checkYamlShape(
  document: Document,
  /** The document's source, to point at a tag rather than at the value after it. */
  source: string,
  limits: Pick<SeedLimits, 'depth' | 'aliasNodes'> = SEED_LIMITS,
): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  /** Per anchor name, the size of the node it names once expanded, or 'open' while inside it. */
  const anchors = new Map<string, number | 'open'>();
  let aliasNodes = 0;
  let reportedBomb = false;
  let reportedDepth = false;
  const problem = (node: unknown, path: (string | number)[], message: string, offset?: number) =>
    problems.push({
      offset: offset ?? (isNode(node) ? (node.range?.[0] ?? 0) : 0),
      path,
      message,
    });

  /** Walks `node` and answers how many nodes it stands for once aliases are expanded. */
  const walk = (node: unknown, path: (string | number)[], depth: number): number => {
    if (isAlias(node)) {
      const size = anchors.get(node.source);
      if (size === undefined) {
        problem(node, path, `alias *${node.source} refers to no anchor &${node.source} before it`);
        return 1;
      }
      if (size === 'open') {
        problem(node, path, `alias *${node.source} is inside the node that it names (a loop)`);
        return 1;
      }
      aliasNodes += size;
      if (aliasNodes > limits.aliasNodes && !reportedBomb) {
        reportedBomb = true;
        problem(
          node,
          path,
          `aliases expand to more than ${limits.aliasNodes} nodes in this file (an alias bomb?); write the values out instead`,
        );
      }
      return size;
    }
    if (!isNode(node)) return 0;
    if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
      const tag = node.tag.startsWith(CORE) ? `!!${node.tag.slice(CORE.length)}` : node.tag;
      const at = tagStart(source, node.range?.[0] ?? 0);
      problem(node, path, `the tag ${tag} is not allowed in a seed file`, at);
    }
    if (depth > limits.depth) {
      if (!reportedDepth) {
        reportedDepth = true;
        problem(node, path, `nested more than ${limits.depth} levels deep`);
      }
      return 1;
    }
    if (node.anchor) anchors.set(node.anchor, 'open');
    let size = 1;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (pair.key !== null && !isScalar(pair.key)) {
          problem(pair.key, [...path, key], 'a key must be a plain value, not a list or a mapping');
        }
        size += walk(pair.key, [...path, key], depth + 1);
        size += walk(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => {
        size += walk(item, [...path, index], depth + 1);
      });
    }
    // Capped, so that sizes stay finite numbers however the aliases multiply.
    if (node.anchor) anchors.set(node.anchor, Math.min(size, limits.aliasNodes + 1));
    return size;
  };

  walk(document.contents, [], 0);
  return problems;
}

/**
 * Where the tag of the value at `valueStart` begins: the nearest token before the value that
 * starts with `!`, past an anchor (`!!binary &a value`, `&a !!binary value`); the value's own
 * offset when no such token is found.
 */
function tagStart(source: string, valueStart: number): number {
  let end = valueStart;
  for (let token = 0; token < 2; token += 1) {
    while (end > 0 && /\s/.test(source[end - 1]!)) end -= 1;
    let start = end;
    while (start > 0 && !/[\s[\]{},]/.test(source[start - 1]!)) start -= 1;
    if (source[start] === '!') return start;
    if (source[start] !== '&' || start === end) break;
    end = start;
  }
  return valueStart;
}
