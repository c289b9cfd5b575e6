/**
 * Runs the server (`src/main.ts`, which `npm start` runs) or another of the project's scripts
 * in a child process, from the run's transpiled copy of src/ (see transpiled-src.ts), and reads
 * what it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT, transpiled } from './transpiled-src.js';

export interface CliRun {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first JSON log line whose msg is `message`. */
  waitForLog(message: string, timeoutMs: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** How to start the server: the transpiled `src/main.ts` by default, or a built `dist/main.js`. */
export interface ServerProgram {
  cwd: string;
  nodeArguments: string[];
}

/** A script of src/ (named from src/: `scripts/seed.ts`), transpiled, with arguments. */
export function projectScript(script: string, ...args: string[]): ServerProgram {
  return { cwd: PROJECT, nodeArguments: [transpiled(script), ...args] };
}

const SERVER: ServerProgram = projectScript('main.ts');

/** The environment of a child server: only what is given, plus PATH and HOME unless overridden. */
export function startCli(
  environment: Record<string, string>,
  program: ServerProgram = SERVER,
): CliRun {
  const child = spawn(process.execPath, program.nodeArguments, {
    cwd: program.cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_FORMAT: 'json',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => output,
    exited,
    waitForLog(message, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          for (const line of output.split('\n').slice(0, -1)) {
            if (!line.startsWith('{')) continue;
            const entry = JSON.parse(line) as Record<string, unknown>;
            if (entry.msg === message) {
              cleanup();
              resolve(entry);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no "${message}" log within ${timeoutMs} ms; output:\n${output}`));
        }, timeoutMs);
        const onExit = () => {
          cleanup();
          reject(new Error(`the server exited before logging "${message}"; output:\n${output}`));
        };
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}

/** Runs the CLI to its end (for start-up failures), bounded in time. */
export async function runCliToExit(
  environment: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number | null; output: string }> {
  const run = startCli(environment);
  const timer = setTimeout(() => run.child.kill('SIGKILL'), timeoutMs);
  const { code } = await run.exited;
  clearTimeout(timer);
  return { code, output: run.output() };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
