/** The example operations of examples/: each `<name>.graphql`, with `<name>.variables.json` if any. */
import { readdirSync, readFileSync } from 'node:fs';

export interface Example {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

const EXAMPLES = new URL('../../examples/', import.meta.url);

/** Sorted by name. */
export function readExamples(): Example[] {
  const files = readdirSync(EXAMPLES);
  const read = (file: string) => readFileSync(new URL(file, EXAMPLES), 'utf8');
  return files
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => file.replace(/\.graphql$/, ''))
    .sort()
    .map((name) => ({
      name,
      query: read(`${name}.graphql`),
      variables: files.includes(`${name}.variables.json`)
        ? (JSON.parse(read(`${name}.variables.json`)) as Record<string, unknown>)
        : {},
    }));
}
