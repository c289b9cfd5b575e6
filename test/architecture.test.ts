/**
 * The folders of src/ depend on each other one way only. Every import of every src/**\/*.ts file
 * counts, type-only ones and re-exports included (`ts.preProcessFile` reads them all, and dynamic
 * `import()` too). A folder's node is its top-level name under src/ (`store`, `schema`, …); a
 * file directly in src/ is a node of its own (`config.ts`, `server.ts`): they are either leaves
 * that every layer reads (config, logger) or the entry points that wire the layers together
 * (app, main), and one node "." for both would be a cycle by construction.
 */
import { dirname, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, sourceFiles, SRC } from './support/source-imports.js';

/** The node a file of src/ belongs to: its top-level folder, or its own name when in src/. */
function nodeOf(file: string): string {
  return relative(SRC, file).split(sep)[0]!;
}

/** Folder graph: node -> node -> the imports (file -> target) that make the edge. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(SRC)) {
    const from = nodeOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const fileName of importsOf(file)) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName.replace(/\.js$/, '.ts'));
      if (relative(SRC, target).startsWith('..')) continue;
      const to = nodeOf(target);
      if (to === from) continue;
      const edges = graph.get(from)!;
      const why = edges.get(to) ?? [];
      why.push(`${relative(SRC, file)} -> ${relative(SRC, target)}`);
      edges.set(to, why);
    }
  }
  return graph;
}

/** Every elementary cycle's nodes, found once each (from its smallest node). */
function findCycles(graph: Map<string, Map<string, string[]>>): string[][] {
  const nodes = [...graph.keys()].sort();
  const cycles: string[][] = [];
  for (const start of nodes) {
    const walk = (node: string, path: string[]): void => {
      for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
        if (next === start) cycles.push([...path, start]);
        else if (next > start && !path.includes(next)) walk(next, [...path, next]);
      }
    };
    walk(start, [start]);
  }
  return cycles;
}

function describeGraph(graph: Map<string, Map<string, string[]>>): string {
  return [...graph.keys()]
    .sort()
    .map((node) => `  ${node} -> ${[...graph.get(node)!.keys()].sort().join(', ') || '(nothing)'}`)
    .join('\n');
}

describe('the folders of src/', () => {
  it('import each other one way only', () => {
    const graph = folderGraph();
    const cycles = findCycles(graph);
    const message = cycles
      .map((cycle) => {
        const steps = cycle.slice(1).map((to, index) => {
          const from = cycle[index]!;
          return `    ${from} -> ${to} (${graph.get(from)!.get(to)!.join('; ')})`;
        });
        return `  cycle ${cycle.join(' -> ')}\n${steps.join('\n')}`;
      })
      .join('\n');
    expect(
      cycles,
      `import cycles between folders of src/:\n${message}\nfolder graph:\n${describeGraph(graph)}`,
    ).toEqual([]);
  });

  it('has a graph to check', () => {
    const graph = folderGraph();
    expect(graph.has('store')).toBe(true);
    expect(graph.get('schema')?.has('store')).toBe(true);
  });
});
