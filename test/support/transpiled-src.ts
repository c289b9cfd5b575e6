/**
 * Where the tests' child processes run the project's code from: `.test-build/`, the copy of src/
 * that esbuild transpiles once per run (`transpileSrc`, in the global setup), instead of src/
 * through tsx's loader as `npm start` and `npm run` do. The copy is the same code without its types, and a child that
 * need not transpile as it loads starts in about half the CPU (a server start: some 1 CPU-s
 * instead of 2). It sits beside src/, one level below the project, so that src's paths from
 * import.meta.url (`../../seeds/`) and node_modules resolve from it alike. No test is about tsx
 * itself (the production build's test runs tsc's dist/, as the Dockerfile does).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const TRANSPILED_SRC = join(PROJECT, '.test-build');

/** The transpiled copy of a module of src/, named from src/ (`main.ts`, `scripts/seed.ts`). */
export function transpiled(fromSrc: string): string {
  return join(TRANSPILED_SRC, fromSrc.replace(/\.ts$/, '.js'));
}

/**
 * Transpiles every file of src/ into `.test-build/`, afresh, so that no module of an older src/
 * lingers there. Types are not checked here: that is the job of `npm test`'s typecheck step.
 */
export async function transpileSrc(): Promise<void> {
  await rm(TRANSPILED_SRC, { recursive: true, force: true });
  await build({
    absWorkingDir: PROJECT,
    entryPoints: ['src/**/*.ts'],
    outbase: 'src',
    outdir: TRANSPILED_SRC,
    // One output file per source file, imports left as written (`./x.js`, `neo4j-driver`).
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
}
