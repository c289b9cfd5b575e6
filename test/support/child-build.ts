/**
 * Transpiles every file of src/ into `.test-build/` (see transpiled-src.ts), for the global
 * setup, afresh each run so that no module of an older src/ lingers there. Types are not checked here:
 * that is the job of `npm test`'s typecheck step.
 */
import { rm } from 'node:fs/promises';
import { build } from 'esbuild';
import { PROJECT, TRANSPILED_SRC } from './transpiled-src.js';

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
