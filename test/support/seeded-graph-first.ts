/**
 * The order of the test files: those that read the seeded graph (`useSeededService`) first,
 * then the others; within each group vitest's own order. A reader after a file that cleared or
 * loaded other seeds seeds its worker's graph again (seconds each: see seeded-graph.ts); in
 * vitest's order (larger or slower files first) that happened several times a run, with the
 * readers first once per worker.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const readsSeededGraph = (file: TestSpecification) =>
  readFileSync(file.moduleId, 'utf8').includes('useSeededService(');

export class SeededGraphFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [
      ...sorted.filter((file) => readsSeededGraph(file)),
      ...sorted.filter((file) => !readsSeededGraph(file)),
    ];
  }
}
