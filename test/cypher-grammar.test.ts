/**
 * The Cypher grammar of the analyst endpoint (@neo4j-cypher/language-support, some 220 MiB of
 * memory once loaded) is loaded by the first analyst query, not when the server starts: in a
 * fresh process, loading the whole service leaves it unloaded and checking a query loads it;
 * and no file of src/ but cypher-grammar.ts imports the package, which would load it at start.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));
const PACKAGE = '@neo4j-cypher/language-support';

const script = `
  await import('./src/app.ts');
  const { cypherGrammarLoaded } = await import('./src/analyst/cypher-grammar.ts');
  const { checkCypherText } = await import('./src/analyst/cypher-guard.ts');
  const atStart = cypherGrammarLoaded();
  checkCypherText('MATCH (n:Entity) RETURN n.name LIMIT 1');
  console.log(JSON.stringify({ atStart, afterQuery: cypherGrammarLoaded() }));
`;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('the Cypher grammar', () => {
  it('is loaded by the first analyst query, not by starting the service', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: PROJECT },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({
      atStart: false,
      afterQuery: true,
    });
  });

  it('is imported by cypher-grammar.ts alone', () => {
    const importers = sourceFiles(join(PROJECT, 'src')).filter((file) =>
      ts
        .preProcessFile(readFileSync(file, 'utf8'), true, true)
        .importedFiles.some((imported) => imported.fileName === PACKAGE),
    );
    expect(importers.map((file) => file.slice(PROJECT.length))).toEqual([
      join('src', 'analyst', 'cypher-grammar.ts'),
    ]);
  });
});
