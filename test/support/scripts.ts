/**
 * Runs one of the project's scripts (src/scripts/*.ts, which `npm run` runs) to its end, from
 * the run's transpiled copy of src/ (see transpiled-src.ts), and gives what it printed; a
 * non-zero exit rejects with the code, stdout and stderr. Or runs the command a script runs in
 * this process (`runCommand`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { CommandOutput } from '../../src/seeds/check-command.js';
import { PROJECT, transpiled } from './transpiled-src.js';

const run = promisify(execFile);

export interface ScriptOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A script's run, in the project's folder, with `env` as its whole environment if given. */
const runTranspiled = (script: string, args: string[], env?: NodeJS.ProcessEnv) =>
  run(process.execPath, [transpiled(`scripts/${script}`), ...args], { cwd: PROJECT, env });

export function runScript(
  script: string,
  ...args: string[]
): Promise<{ stdout: string; stderr: string }> {
  return runTranspiled(script, args);
}

/** A script's run to its end, whatever its exit status (`env` as in `runTranspiled`). */
export function scriptOutcome(
  script: string,
  args: string[],
  env?: NodeJS.ProcessEnv,
): Promise<ScriptOutcome> {
  return runTranspiled(script, args, env).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: ScriptOutcome) => error,
  );
}

/** The script's failure, for a run that must fail; a run that succeeds is an error. */
export async function scriptFailure(script: string, ...args: string[]): Promise<ScriptOutcome> {
  const outcome = await scriptOutcome(script, args);
  if (outcome.code === 0) {
    throw new Error(`${script} ${args.join(' ')} succeeded; it should have failed`);
  }
  return outcome;
}

/**
 * A script's command as a function (e.g. seedCheck) run in this process, without the second or
 * so a script's own process takes to start: its exit status and what it printed, as a run of
 * the script gives them. For tests of what the command does; a run of the script itself shows
 * that the command line reaches it.
 */
export async function runCommand(
  command: (argv: string[], output: CommandOutput) => Promise<number>,
  ...args: string[]
): Promise<ScriptOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await command(args, {
    log: (line) => (stdout += `${line}\n`),
    error: (line) => (stderr += `${line}\n`),
  });
  return { code, stdout, stderr };
}
