/**
 * Reads one seed file: YAML parsed with positions kept, then checked against the format, so that
 * every problem can be reported at its file, line and column. A hostile file is refused the same
 * way, before it costs much: too large, not UTF-8, control characters, aliases that expand too
 * far, nesting too deep, tags (see limits.ts and yaml-shape.ts). Nothing here throws for what a
 * file holds.
 */
import { realpath } from 'node:fs/promises';
import { dirname, relative } from 'node:path';
import {
  isNode,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type YAMLError,
} from 'yaml';
import { seedFileSchema, type SeedFile } from './format.js';
import { offsetPastDepth } from './nesting.js';
import { SEED_LIMITS } from './limits.js';
import { formatPath, type SeedProblem } from './seed-error.js';
import { isInside, readTextFile } from './text-file.js';
import { checkYamlShape } from './yaml-shape.js';

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

/** Characters that YAML does not allow in a stream, and that no seed file needs. */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export async function readSeedFile(path: string): Promise<ParsedSeedFile> {
  const fromHere = relative(process.cwd(), path);
  const file = fromHere.startsWith('..') ? path : fromHere;
  const refused = (problems: SeedProblem[]): ParsedSeedFile => ({
    file,
    path,
    seed: undefined,
    problems,
    problemAt: (docPath, message) => ({
      file,
      line: 1,
      column: 1,
      path: formatPath(docPath),
      message,
    }),
  });

  // A seed file that is a symbolic link must stay in its folder, as its document must.
  const folder = dirname(path);
  const real = await realpath(path).catch(() => path);
  if (!isInside(await realpath(folder).catch(() => folder), real)) {
    const message = `the seed file is a symbolic link to ${real}, outside its folder ${folder}`;
    return refused([{ file, line: 1, column: 1, path: '', message }]);
  }
  const read = await readTextFile(path, SEED_LIMITS.fileBytes);
  if (!read.ok) {
    const { line = 1, column = 1, message } = read;
    return refused([{ file, line, column, path: '', message: `the seed file ${message}` }]);
  }
  const text = read.text;
  const control = CONTROL_CHARACTER.exec(text);
  if (control) {
    const lines = text.slice(0, control.index).split('\n');
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return refused([
      {
        file,
        line: lines.length,
        column: lines.at(-1)!.length + 1,
        path: '',
        message: `control character U+${code} is not allowed in a seed file`,
      },
    ]);
  }

  const tooDeep = offsetPastDepth(text);
  if (tooDeep !== null) {
    const lines = text.slice(0, tooDeep).split('\n');
    return refused([
      {
        file,
        line: lines.length,
        column: lines.at(-1)!.length + 1,
        path: '',
        message: `nested too deeply to read (a seed file may nest at most ${SEED_LIMITS.depth} levels)`,
      },
    ]);
  }

  const lineCounter = new LineCounter();
  let document: Document.Parsed;
  try {
    document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    // `yaml` reports what it meets as document errors; this is for what it did not foresee.
    const message = `the YAML cannot be read: ${(error as Error).message}`;
    return refused([{ file, line: 1, column: 1, path: '', message }]);
  }
  const at = (offset: number, docPath: readonly (string | number)[], message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col, path: formatPath(docPath), message };
  };
  const problemAt = (docPath: readonly (string | number)[], message: string): SeedProblem =>
    at(offsetOf(document, docPath), docPath, message);

  const syntaxProblems = [
    ...document.errors,
    // Unknown tags are warnings to `yaml`; checkYamlShape refuses every tag beyond the core ones.
    ...document.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED'),
  ].map((error) => at(error.pos[0], [], yamlMessage(error, document)));
  if (syntaxProblems.length > 0) {
    return { file, path, seed: undefined, problems: syntaxProblems, problemAt };
  }
  const shapeProblems = checkYamlShape(document, text).map((problem) =>
    at(problem.offset, problem.path, problem.message),
  );
  if (shapeProblems.length > 0) {
    return { file, path, seed: undefined, problems: shapeProblems, problemAt };
  }

  let content: unknown;
  try {
    content = document.toJS({ maxAliasCount: SEED_LIMITS.maxAliasCount });
  } catch (error) {
    // Behind checkYamlShape, which refuses these first with a closer position.
    return {
      file,
      path,
      seed: undefined,
      problems: [at(0, [], `the YAML cannot be read: ${(error as Error).message}`)],
      problemAt,
    };
  }
  const result = seedFileSchema.safeParse(content ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) =>
      problemAt(issue.path as (string | number)[], issue.message),
    );
    return { file, path, seed: undefined, problems, problemAt };
  }
  return { file, path, seed: result.data, problems: [], problemAt };
}

/** The first line of a `yaml` error, said in seed-file terms where `yaml`'s words are unclear. */
function yamlMessage(error: YAMLError, document: Document): string {
  const first = error.message.split('\n')[0]!;
  if (error.code === 'DUPLICATE_KEY') {
    let key: unknown;
    visit(document, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.range?.[0] === error.pos[0]) {
          key = pair.key.value;
          return visit.BREAK;
        }
        return undefined;
      },
    });
    return `duplicate key${key === undefined ? '' : ` "${String(key)}"`}: a key may appear once in each mapping`;
  }
  if (error.code === 'MULTIPLE_DOCS') {
    return 'a seed file holds one YAML document: remove the "---" that starts another';
  }
  return first;
}

/** The offset of the node at `path`, or of the closest ancestor that exists. */
function offsetOf(document: Document, path: readonly (string | number)[]): number {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}
