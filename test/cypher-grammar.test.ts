/**
 * The Cypher grammar of the analyst endpoint (@neo4j-cypher/language-support, some 220 MiB of
 * memory once loaded) is loaded by the first analyst query, not when the server starts: in a
 * fresh process, loading the whole service leaves it unloaded and checking a query loads it;
 * and no file of src/ but cypher-grammar.ts imports the package, which would load it at start.
 */
import { execFile } from 'node:child_process';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles, SRC } from './support/source-imports.js';
import { PROJECT, transpiled } from './support/transpiled-src.js';

const PACKAGE = '@neo4j-cypher/language-support';

/** The run's transpiled copy of a module of src/ (see transpiled-src.ts), as a specifier. */
const specifierOf = (fromSrc: string) => JSON.stringify(pathToFileURL(transpiled(fromSrc)).href);

const script = `
  await import(${specifierOf('app.ts')});
  const { cypherGrammarLoaded } = await import(${specifierOf('analyst/cypher-grammar.ts')});
  const { checkCypherText } = await import(${specifierOf('analyst/cypher-guard.ts')});
  const atStart = cypherGrammarLoaded();
  checkCypherText('MATCH (n:Entity) RETURN n.name LIMIT 1');
  console.log(JSON.stringify({ atStart, afterQuery: cypherGrammarLoaded() }));
`;

describe('the Cypher grammar', () => {
  it('is loaded by the first analyst query, not by starting the service', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--input-type=module', '-e', script],
      { cwd: PROJECT },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      atStart: false,
      afterQuery: true,
    });
  });

  it('is imported by cypher-grammar.ts alone', () => {
    const importers = sourceFiles().filter((file) => importsOf(file).includes(PACKAGE));
    expect(importers.map((file) => relative(SRC, file))).toEqual(['analyst/cypher-grammar.ts']);
  });
});
