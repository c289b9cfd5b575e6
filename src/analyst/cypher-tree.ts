/**
 * Walks the parse tree of an analyst's query against the allowlist: every rule in it must be
 * one a read query is made of, every function a built-in one that only computes, every
 * procedure one of the allowed few, and every variable-length relationship or quantified path
 * bounded by the maximum number of hops. The first thing that is not allowed is refused, with
 * where it is and what the analyst wrote.
 */
import {
  ALLOWED_FUNCTIONS,
  ALLOWED_PROCEDURES,
  ALLOWED_RULES,
  REFUSED_RULES,
  type RuleRefusal,
} from './cypher-allowlist.js';
import { describePosition } from './cypher-characters.js';
import { cypherGrammar } from './cypher-grammar.js';
import {
  isRule,
  tokenPosition,
  type ParseNode,
  type ParsedCypher,
  type RuleNode,
  type Token,
} from './cypher-parse.js';
import { CypherRefusal } from './cypher-refusal.js';

const WHY: Record<string, string> = {
  WRITE_NOT_ALLOWED: 'it would change the graph; only read queries are allowed',
  LOAD_CSV_NOT_ALLOWED: 'LOAD CSV reads files and URLs',
  DATABASE_SWITCH_NOT_ALLOWED: 'queries run on the graph’s own database',
  COMMAND_NOT_ALLOWED:
    'administration, SHOW and TERMINATE commands are not allowed; only read queries are',
  SCHEMA_CHANGE_NOT_ALLOWED: 'indexes and constraints are not changed through analysts’ queries',
  CLAUSE_NOT_ALLOWED:
    'analysts’ queries may use MATCH, OPTIONAL MATCH, WHERE, WITH, RETURN, UNWIND, ORDER BY, SKIP, LIMIT, UNION, CALL { ... }, COUNT/EXISTS/COLLECT { ... } and the allowed procedures',
};

const EXCERPT_LENGTH = 60;

export function checkStatementTree({ tree, text }: ParsedCypher, maxHops: number): void {
  const { CypherLexer, CypherParser } = cypherGrammar();
  const ruleName = (node: RuleNode) => CypherParser.ruleNames[node.ruleIndex] ?? '?';

  const excerpt = (start: Token, stop: Token | undefined) => {
    const whole = text
      .slice(start.start, (stop ?? start).stop + 1)
      .join('')
      .replace(/\s+/g, ' ');
    return whole.length > EXCERPT_LENGTH ? `${whole.slice(0, EXCERPT_LENGTH - 3)}...` : whole;
  };

  const where = (start: Token, stop: Token | undefined) =>
    `(${describePosition(tokenPosition(start))}: "${excerpt(start, stop)}")`;

  const refuseRule = (node: RuleNode): never => {
    const [found, refusal] = specificRefusal(node) ?? [
      node,
      REFUSED_RULES[ruleName(node)] ?? { code: 'CLAUSE_NOT_ALLOWED', what: ruleName(node) },
    ];
    // CREATE INDEX and the like: the keyword before the index rule belongs to the command.
    const at = refusal.code === 'SCHEMA_CHANGE_NOT_ALLOWED' ? (found.parentCtx ?? found) : found;
    throw new CypherRefusal(
      refusal.code,
      `${refusal.what} is not allowed ${where(at.start, at.stop)}: ${refusal.why ?? WHY[refusal.code]}`,
    );
  };

  /** The first refusal inside `node` that says more than "an administration command". */
  const specificRefusal = (node: RuleNode): [RuleNode, RuleRefusal] | null => {
    const refusal = REFUSED_RULES[ruleName(node)];
    if (refusal && !refusal.general) return [node, refusal];
    for (const child of node.children ?? []) {
      if (isRule(child)) {
        const inner = specificRefusal(child);
        if (inner) return inner;
      }
    }
    return null;
  };

  /** The upper bound of a `*`, `*..n`, `*m..n`, `+`, `{n}` or `{m,n}`; null when there is none. */
  const upperBound = (node: RuleNode): number | null => {
    const tokens = terminals(node);
    const separator = tokens.findIndex(
      (token) => token.type === CypherLexer.DOTDOT || token.type === CypherLexer.COMMA,
    );
    const candidates = separator >= 0 ? tokens.slice(separator + 1) : tokens;
    const bound = candidates.find((token) => token.type === CypherLexer.UNSIGNED_DECIMAL_INTEGER);
    if (!bound) return null;
    if (!/^(0|[1-9][0-9]*)$/.test(bound.text)) {
      throw new CypherRefusal(
        'SYNTAX_ERROR',
        `the path length ${JSON.stringify(bound.text)} at ${describePosition(tokenPosition(bound))} must be written with digits only`,
      );
    }
    return Number(bound.text);
  };

  /**
   * Refuses a repetition without an upper bound or with one past maxHops: `perRepetition`
   * relationships each time, within the repetitions of the quantified paths around it (`factor`).
   */
  const checkBound = (
    node: RuleNode,
    factor: number,
    shown: [Token, Token | undefined],
    perRepetition = 1,
  ) => {
    const upper = upperBound(node);
    const place = where(...shown);
    if (upper === null) {
      throw new CypherRefusal(
        'UNBOUNDED_PATH',
        `the variable-length pattern ${place} has no upper bound; give one of at most ${maxHops}, e.g. [*..4] or {1,4}`,
      );
    }
    const hops = upper * perRepetition * factor;
    if (hops > maxHops) {
      throw new CypherRefusal(
        'UNBOUNDED_PATH',
        `the variable-length pattern ${place} may walk ${hops} relationships; at most ${maxHops} are allowed`,
      );
    }
  };

  /** `ns.name` of a function or procedure, quotes removed, as Neo4j resolves it. */
  const qualifiedName = (node: RuleNode, kind: string, code: string): string => {
    const parts = descendants(node, CypherParser.RULE_symbolicNameString).map((part) => {
      const token = part.start;
      if (token.type !== CypherLexer.ESCAPED_SYMBOLIC_NAME) return token.text;
      const unquoted = token.text.slice(1, -1).replaceAll('``', '`');
      if (unquoted === '' || /[.`\s]/.test(unquoted)) {
        throw new CypherRefusal(
          code,
          `the quoted ${kind} name ${token.text} ${where(token, token)} holds a dot, a backtick or a space; write the name without quotes`,
        );
      }
      return unquoted;
    });
    return parts.join('.');
  };

  const checkFunction = (node: RuleNode) => {
    const nameNode = child(node, CypherParser.RULE_functionName)!;
    const name = qualifiedName(nameNode, 'function', 'FUNCTION_NOT_ALLOWED');
    if (!ALLOWED_FUNCTIONS.has(name.toLowerCase())) {
      throw new CypherRefusal(
        'FUNCTION_NOT_ALLOWED',
        `function ${name} is not allowed ${where(nameNode.start, nameNode.stop)}: only Neo4j’s built-in functions that compute (no apoc, gds, db or dbms functions, no file() or linenumber())`,
      );
    }
  };

  const checkProcedure = (node: RuleNode) => {
    const nameNode = child(node, CypherParser.RULE_procedureName)!;
    const name = qualifiedName(nameNode, 'procedure', 'PROCEDURE_NOT_ALLOWED');
    if (!ALLOWED_PROCEDURES.has(name.toLowerCase())) {
      throw new CypherRefusal(
        'PROCEDURE_NOT_ALLOWED',
        `procedure ${name} is not allowed ${where(nameNode.start, nameNode.stop)} (allowed: ${[...ALLOWED_PROCEDURES].join(', ')})`,
      );
    }
  };

  const visit = (node: ParseNode, factor: number): void => {
    if (!isRule(node)) return;
    const rule = ruleName(node);
    if (!ALLOWED_RULES.has(rule)) refuseRule(node);
    let innerFactor = factor;
    switch (rule) {
      case 'functionInvocation':
        checkFunction(node);
        break;
      case 'callClause':
        checkProcedure(node);
        break;
      case 'nextStatement':
        // NEXT chains queries in Cypher 25 only.
        if ((node.children ?? []).length > 1) refuseRule(node);
        break;
      case 'pathLength': {
        const relationship = node.parentCtx ?? node;
        checkBound(node, factor, [relationship.start, relationship.stop]);
        break;
      }
      case 'quantifier': {
        // `((a)-->(b)-->(c)){1,3}` repeats a path of two relationships; `-->{1,3}` one.
        const parent = node.parentCtx;
        if (parent && parent.ruleIndex === CypherParser.RULE_parenthesizedPath) {
          const perRepetition = relationshipsIn(child(parent, CypherParser.RULE_pattern));
          checkBound(node, factor, [parent.start, node.stop], Math.max(perRepetition, 1));
        } else {
          const siblings = parent?.children ?? [];
          const before = siblings[siblings.indexOf(node) - 1];
          const shown = before && isRule(before) ? before : node;
          checkBound(node, factor, [shown.start, node.stop]);
        }
        break;
      }
      case 'parenthesizedPath': {
        const quantifier = child(node, CypherParser.RULE_quantifier);
        // The quantifier itself is checked when visited; its bound multiplies what is inside.
        if (quantifier) innerFactor = factor * Math.max(upperBound(quantifier) ?? 1, 1);
        break;
      }
    }
    for (const inner of node.children ?? []) {
      const isQuantifier = isRule(inner) && inner.ruleIndex === CypherParser.RULE_quantifier;
      visit(inner, isQuantifier ? factor : innerFactor);
    }
  };

  visit(tree, 1);
}

/** The relationships of a path pattern, not counting those of expressions inside it. */
function relationshipsIn(node: RuleNode | undefined): number {
  const { CypherParser } = cypherGrammar();
  if (!node) return 0;
  if (node.ruleIndex === CypherParser.RULE_expression) return 0;
  const own = node.ruleIndex === CypherParser.RULE_relationshipPattern ? 1 : 0;
  return (node.children ?? []).reduce(
    (sum, inner) => sum + (isRule(inner) ? relationshipsIn(inner) : 0),
    own,
  );
}

function terminals(node: RuleNode): Token[] {
  return (node.children ?? []).flatMap((inner) =>
    isRule(inner) ? terminals(inner) : [inner.symbol],
  );
}

function child(node: RuleNode, ruleIndex: number): RuleNode | undefined {
  return (node.children ?? []).find(
    (inner): inner is RuleNode => isRule(inner) && inner.ruleIndex === ruleIndex,
  );
}

function descendants(node: RuleNode, ruleIndex: number): RuleNode[] {
  return (node.children ?? []).flatMap((inner) => {
    if (!isRule(inner)) return [];
    return inner.ruleIndex === ruleIndex ? [inner] : descendants(inner, ruleIndex);
  });
}
