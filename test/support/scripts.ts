/**
 * Runs one of the project's TypeScript scripts (src/scripts/*.ts) to its end, as `npm run`
 * does, and gives what it printed; a non-zero exit rejects with the code, stdout and stderr.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(PROJECT, 'node_modules', '.bin', 'tsx');
const run = promisify(execFile);

export interface ScriptFailure {
  code: number;
  stdout: string;
  stderr: string;
}

export function runScript(
  script: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string }> {
  return run(TSX, [join('src', 'scripts', script), ...args], { cwd: PROJECT });
}

/** The script's failure, for a run that must fail; a run that succeeds is an error. */
export async function scriptFailure(script: string, ...args: string[]): Promise<ScriptFailure> {
  const outcome = await runScript(script, ...args).then(
    () => undefined,
    (error: ScriptFailure) => error,
  );
  if (!outcome) throw new Error(`${script} ${args.join(' ')} succeeded; it should have failed`);
  return outcome;
}
