/** Problems found in seed files, each pointing at a file, line, column and path in the document. */

export interface SeedProblem {
  file: string;
  line: number;
  column: number;
  /** Where in the document, e.g. `entities[3].kind`. */
  path: string;
  message: string;
}

export function formatProblem({ file, line, column, path, message }: SeedProblem): string {
  return `${file}:${line}:${column}: ${path ? `${path}: ` : ''}${message}`;
}

export class SeedError extends Error {
  constructor(readonly problems: SeedProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the seed files:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
    this.name = 'SeedError';
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) =>
      typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
