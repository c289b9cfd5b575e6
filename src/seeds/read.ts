/**
 * Reads one seed file: YAML parsed with positions kept, then checked against the format, so that
 * every problem can be reported at its file, line and column.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { seedFileSchema, type SeedFile } from './format.js';
import { formatPath, type SeedProblem } from './seed-error.js';

export interface ParsedSeedFile {
  /** The path as shown in messages, relative to the working directory. */
  file: string;
  /** The absolute path. */
  path: string;
  /** The content, when it matched the format. */
  seed: SeedFile | undefined;
  problems: SeedProblem[];
  /** A problem at `path` inside the document (or at its nearest existing parent). */
  problemAt(path: readonly (string | number)[], message: string): SeedProblem;
}

export async function readSeedFile(path: string): Promise<ParsedSeedFile> {
  const fromHere = relative(process.cwd(), path);
  const file = fromHere.startsWith('..') ? path : fromHere;
  const text = await readFile(path, 'utf8');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });

  const problemAt = (docPath: readonly (string | number)[], message: string): SeedProblem => {
    const offset = offsetOf(document, docPath);
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, path: formatPath(docPath), message };
  };

  const syntaxProblems = document.errors.map((error): SeedProblem => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { file, line, column: col, path: '', message: error.message.split('\n')[0]! };
  });
  if (syntaxProblems.length > 0) {
    return { file, path, seed: undefined, problems: syntaxProblems, problemAt };
  }

  const result = seedFileSchema.safeParse(document.toJS() ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      problemAt(issue.path as (string | number)[], issue.message),
    );
    return { file, path, seed: undefined, problems, problemAt };
  }
  return { file, path, seed: result.data, problems: [], problemAt };
}

/** The offset of the node at `path`, or of the closest ancestor that exists. */
function offsetOf(document: Document, path: readonly (string | number)[]): number {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}
