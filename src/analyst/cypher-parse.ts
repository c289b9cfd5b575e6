/**
 * Reads an analyst's query with the Cypher grammar Neo4j publishes for its editor tooling (the
 * ANTLR parser of @neo4j-cypher/language-support, Cypher 25) into a parse tree, or refuses it:
 * a syntax error, more than one statement, a token the two parsers might split differently, or
 * nesting that would make parsing slow. What the tree may contain is cypher-tree.ts's to say.
 * The package is pinned at 2.0.0-next.37, the last version that exports its generated lexer
 * and parser (later ones ship only the .g4 grammar).
 */
import { describePosition, refuseNonAsciiCode } from './cypher-characters.js';
import { cypherGrammar } from './cypher-grammar.js';
import { CypherRefusal } from './cypher-refusal.js';

/** A token as the ANTLR runtime gives it: offsets and columns count code points from 0. */
export interface Token {
  type: number;
  text: string;
  start: number;
  stop: number;
  line: number;
  column: number;
  channel: number;
}

/** A node of the parse tree: a rule (with `ruleIndex`) or a token (with `symbol`). */
export type ParseNode = RuleNode | { symbol: Token };

export interface RuleNode {
  ruleIndex: number;
  start: Token;
  stop: Token | undefined;
  children: ParseNode[] | null;
  parentCtx: RuleNode | undefined;
}

export const isRule = (node: ParseNode): node is RuleNode => 'ruleIndex' in node;

/**
 * The parts of the ANTLR runtime used here, taken from language-support itself (its
 * `antlrUtils`) so that lexer, parser and streams are one runtime; the runtime's own type
 * declarations do not resolve under NodeNext.
 */
interface AntlrRuntime {
  CharStreams: { fromString(text: string): unknown };
  CommonTokenStream: new (lexer: unknown) => { fill(): void; tokens: Token[] };
  error: { ErrorListener: new () => object };
  atn: { PredictionMode: { SLL: number } };
}
interface Recognizer {
  removeErrorListeners(): void;
  addErrorListener(listener: object): void;
}

export interface ParsedCypher {
  /** The `statementsOrCommands` rule: one statement, perhaps followed by a `;`. */
  tree: RuleNode;
  /** The query in code points, as the parser counts offsets. */
  text: readonly string[];
}

/**
 * Limits on what makes the parser slow. Its prediction builds new states for each new depth of
 * nesting (tens of milliseconds at 30 levels, seconds at 400, all on the event loop), and CASE
 * nests without brackets, so CASE expressions are counted whole rather than by depth (END is
 * also a name, so it cannot be trusted to close one). Analysts' queries stay far below both.
 */
export const MAX_NESTING = 20;
export const MAX_CASE_EXPRESSIONS = 20;

/** The token sets and the error listener, made from the grammar once it is loaded. */
let grammarParts: ReturnType<typeof makeGrammarParts> | undefined;
const parts = () => (grammarParts ??= makeGrammarParts());

function makeGrammarParts() {
  const { CypherLexer, CypherParser, antlrUtils } = cypherGrammar();
  const antlr = antlrUtils as unknown as AntlrRuntime;
  const sets = tokenSets(CypherLexer);
  return {
    CypherLexer,
    CypherParser,
    antlr,
    FirstSyntaxError: firstSyntaxErrorListener(antlr, CypherLexer, sets.CONSOLE_WORDS),
    ...sets,
  };
}

type Lexer = ReturnType<typeof cypherGrammar>['CypherLexer'];

function tokenSets(CypherLexer: Lexer) {
  return {
    /** Token types whose text both parsers read as opaque: any character is allowed inside. */
    OPAQUE_TOKENS: new Set([
      CypherLexer.STRING_LITERAL1,
      CypherLexer.STRING_LITERAL2,
      CypherLexer.ESCAPED_SYMBOLIC_NAME,
      CypherLexer.SINGLE_LINE_COMMENT,
      CypherLexer.MULTI_LINE_COMMENT,
    ]),
    INTERPOLATION_TOKENS: new Set([
      CypherLexer.INTERPOLATED_START_SINGLE,
      CypherLexer.INTERPOLATED_START_DOUBLE,
    ]),
    /** Words of Neo4j Browser's console commands, which the grammar reads as keywords. */
    CONSOLE_WORDS: new Set([
      CypherLexer.PARAM,
      CypherLexer.CLEAR,
      CypherLexer.HISTORY,
      CypherLexer.CONNECT,
      CypherLexer.DISCONNECT,
      CypherLexer.WELCOME,
      CypherLexer.SYSINFO,
      CypherLexer.STYLE,
      CypherLexer.RESET,
      CypherLexer.PLAY,
      CypherLexer.ACCESSMODE,
      CypherLexer.HELP,
    ]),
    OPENERS: new Set([CypherLexer.LPAREN, CypherLexer.LBRACKET, CypherLexer.LCURLY]),
    CLOSERS: new Set([CypherLexer.RPAREN, CypherLexer.RBRACKET, CypherLexer.RCURLY]),
  };
}

export const tokenPosition = (token: Token) => ({ line: token.line, column: token.column + 1 });

/** Stops the parse at its first syntax error, with the parser's position. */
function firstSyntaxErrorListener(
  antlr: AntlrRuntime,
  CypherLexer: Lexer,
  CONSOLE_WORDS: ReadonlySet<number>,
) {
  return class FirstSyntaxError extends antlr.error.ErrorListener {
    syntaxError(
      _recognizer: unknown,
      offendingSymbol: Token | null,
      line: number,
      column: number,
      message: string,
    ): void {
      const near =
        offendingSymbol && offendingSymbol.type !== CypherLexer.EOF
          ? ` near ${JSON.stringify(offendingSymbol.text)}`
          : '';
      // The grammar takes console words (:help, :play, :style ...) for keywords, not names.
      const hint =
        offendingSymbol && CONSOLE_WORDS.has(offendingSymbol.type)
          ? `; to use ${JSON.stringify(offendingSymbol.text)} as a name, quote it: \`${offendingSymbol.text}\``
          : '';
      throw new CypherRefusal(
        'SYNTAX_ERROR',
        `syntax error at ${describePosition({ line, column: column + 1 })}${near}: ${shorten(message)}${hint}`,
      );
    }
  };
}

export function parseCypher(query: string): ParsedCypher {
  const { CypherLexer, CypherParser, antlr } = parts();
  const lexer = new CypherLexer(
    antlr.CharStreams.fromString(query) as ConstructorParameters<typeof CypherLexer>[0],
  );
  listenForErrors(lexer as unknown as Recognizer);
  const tokens = new antlr.CommonTokenStream(lexer);
  tokens.fill();
  checkTokens(tokens.tokens);

  const parser = new CypherParser(
    tokens as unknown as ConstructorParameters<typeof CypherParser>[0],
  );
  listenForErrors(parser as unknown as Recognizer);
  // Full LL prediction takes exponential time on nested CASE expressions (20 levels: seconds,
  // 200: minutes, on the event loop); SLL prediction reads them in milliseconds. A query that
  // only full LL could read is refused as a syntax error rather than retried (none is known).
  (parser as unknown as { _interp: { predictionMode: number } })._interp.predictionMode =
    antlr.atn.PredictionMode.SLL;
  let tree: RuleNode;
  try {
    tree = parser.statementsOrCommands() as unknown as RuleNode;
  } catch (error) {
    if (error instanceof RangeError) {
      throw new CypherRefusal(
        'QUERY_TOO_COMPLEX',
        'the query is nested too deeply to be checked; simplify it',
      );
    }
    throw error;
  }
  const statements = (tree.children ?? []).filter(
    (node) => isRule(node) && node.ruleIndex === CypherParser.RULE_statementOrCommand,
  ) as RuleNode[];
  if (statements.length > 1) {
    throw new CypherRefusal(
      'SYNTAX_ERROR',
      `a second statement starts at ${describePosition(tokenPosition(statements[1]!.start))}; send one statement per request`,
    );
  }
  return { tree, text: [...query] };
}

/** The default listeners print to the console and let the parser recover: throw instead. */
function listenForErrors(recognizer: Recognizer): void {
  recognizer.removeErrorListeners();
  recognizer.addErrorListener(new (parts().FirstSyntaxError)());
}

/**
 * Refuses tokens that Neo4j's parser might split or join differently from this one, and
 * nesting deeper than MAX_NESTING or more CASE expressions than MAX_CASE_EXPRESSIONS, before
 * the parser spends time on them.
 */
function checkTokens(tokens: readonly Token[]): void {
  const { CypherLexer, OPAQUE_TOKENS, INTERPOLATION_TOKENS, OPENERS, CLOSERS } = parts();
  let depth = 0;
  let cases = 0;
  tokens.forEach((token, index) => {
    if (token.type === CypherLexer.EOF) return;
    const at = tokenPosition(token);
    if (!OPAQUE_TOKENS.has(token.type)) refuseNonAsciiCode(token.text, at);
    if (token.type === CypherLexer.MULTI_LINE_COMMENT && token.text.slice(2).includes('/*')) {
      throw new CypherRefusal(
        'SYNTAX_ERROR',
        `the comment at ${describePosition(at)} holds another /*: some parsers nest comments, others do not; remove the inner /*`,
      );
    }
    const next = tokens[index + 1];
    if (token.type === CypherLexer.DIVIDE && next?.type === CypherLexer.TIMES) {
      if (next.start === token.stop + 1) {
        throw new CypherRefusal(
          'SYNTAX_ERROR',
          `the comment opened at ${describePosition(at)} is never closed with */`,
        );
      }
    }
    if (token.type === CypherLexer.ErrorChar && /^['"`]$/.test(token.text)) {
      throw new CypherRefusal(
        'SYNTAX_ERROR',
        `the ${token.text === '`' ? 'quoted name' : 'string'} opened at ${describePosition(at)} is never closed with ${token.text}`,
      );
    }
    if (INTERPOLATION_TOKENS.has(token.type)) {
      throw new CypherRefusal(
        'CLAUSE_NOT_ALLOWED',
        `the interpolated string at ${describePosition(at)} is not Cypher 5; put a space between ${JSON.stringify(token.text[0])} and the quote`,
      );
    }
    // Neo4j reads `a$b` as one name, this parser as `a` and the parameter `$b`.
    const previous = tokens[index - 1];
    if (
      token.type === CypherLexer.DOLLAR &&
      previous &&
      previous.stop + 1 === token.start &&
      /[A-Za-z0-9_]$/.test(previous.text)
    ) {
      throw new CypherRefusal(
        'SYNTAX_ERROR',
        `the $ at ${describePosition(at)} follows a name without a space; Neo4j reads it as part of the name: put a space before it`,
      );
    }
    if (token.channel !== 0) return;
    if (OPENERS.has(token.type)) depth += 1;
    if (CLOSERS.has(token.type)) depth = Math.max(depth - 1, 0);
    if (token.type === CypherLexer.CASE && ++cases > MAX_CASE_EXPRESSIONS) {
      throw new CypherRefusal(
        'QUERY_TOO_COMPLEX',
        `more than ${MAX_CASE_EXPRESSIONS} CASE expressions (the last at ${describePosition(at)}); simplify the query`,
      );
    }
    if (depth > MAX_NESTING) {
      throw new CypherRefusal(
        'QUERY_TOO_COMPLEX',
        `brackets nest more than ${MAX_NESTING} deep at ${describePosition(at)}; simplify the query`,
      );
    }
  });
}

/** ANTLR lists every token it expected, hundreds of them in this grammar: keep the start. */
function shorten(message: string): string {
  return message.length > 160 ? `${message.slice(0, 157)}...` : message;
}
