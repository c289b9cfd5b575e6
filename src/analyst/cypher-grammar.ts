/**
 * The Cypher grammar (the generated lexer and parser of @neo4j-cypher/language-support), loaded
 * on the first analyst query rather than when the server starts: the package is Neo4j's whole
 * editor tooling, and once loaded it holds some 220 MiB of memory, which a server whose Cypher
 * endpoint nobody uses should not carry. Loading it takes a second or two, once.
 */
import { createRequire } from 'node:module';

type LanguageSupport = typeof import('@neo4j-cypher/language-support');

let loaded: LanguageSupport | undefined;

/** The package, loaded (synchronously, through its CommonJS build) on the first call. */
export function cypherGrammar(): Pick<
  LanguageSupport,
  'CypherLexer' | 'CypherParser' | 'antlrUtils'
> {
  loaded ??= createRequire(import.meta.url)('@neo4j-cypher/language-support') as LanguageSupport;
  return loaded;
}

/** Whether the package has been loaded in this process. */
export const cypherGrammarLoaded = () => loaded !== undefined;
