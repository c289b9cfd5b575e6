/**
 * One implementation's server as a child process (`serve.ts`), so that the load generator and
 * the three servers do not share an event loop: started, asked for its statistics, stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { ServerStats } from './serve.js';
import type { ServerName } from './servers/types.js';

const START_TIMEOUT_MS = 90_000;

export class ServerProcess {
  private readonly waiting: ((stats: ServerStats) => void)[] = [];

  private constructor(
    readonly implementation: ServerName,
    readonly url: string,
    private readonly child: ChildProcess,
    lines: ReturnType<typeof createInterface>,
  ) {
    lines.on('line', (line) => {
      const stats = parse(line)?.stats as ServerStats | undefined;
      if (stats) this.waiting.shift()?.(stats);
      else console.error(`[${implementation}] ${line}`);
    });
  }

  /** Starts `serve.ts <implementation>` and waits for its URL. */
  static start(implementation: ServerName, boltUri: string): Promise<ServerProcess> {
    const serve = fileURLToPath(new URL('./serve.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', serve, implementation, boltUri], {
      stdio: ['pipe', 'pipe', 'inherit'],
      // As each is deployed: graphql-js, for one, checks its types more slowly outside production.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    const lines = createInterface({ input: child.stdout! });
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => {
        child.kill('SIGKILL');
        reject(error);
      };
      const timer = setTimeout(
        () => fail(new Error(`${implementation} did not start in ${START_TIMEOUT_MS / 1000} s`)),
        START_TIMEOUT_MS,
      );
      child.once('exit', (code) => fail(new Error(`${implementation} exited (code ${code})`)));
      const onLine = (line: string) => {
        const url = parse(line)?.url as string | undefined;
        if (!url) {
          console.error(`[${implementation}] ${line}`);
          return;
        }
        clearTimeout(timer);
        lines.off('line', onLine);
        child.removeAllListeners('exit');
        resolve(new ServerProcess(implementation, url, child, lines));
      };
      lines.on('line', onLine);
    });
  }

  /** Cypher statements sent so far and memory, from the server itself. */
  stats(): Promise<ServerStats> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${this.implementation}: no stats`)), 10_000);
      this.waiting.push((stats) => {
        clearTimeout(timer);
        resolve(stats);
      });
      this.child.stdin!.write('stats\n');
    });
  }

  stop(): Promise<void> {
    const child = this.child;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  }
}

function parse(line: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(line) as unknown;
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined; // a log line
  }
}
