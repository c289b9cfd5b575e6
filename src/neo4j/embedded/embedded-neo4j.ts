/**
 * The embedded Neo4j as a child JVM that this Node process owns. The launcher (see
 * neo4j-embedded/) reports READY or ERROR on stdout and shuts the database down cleanly when
 * its stdin closes, so the JVM never outlives this process, however this process ends. Its
 * analyst user (EMBEDDED_ANALYST_USER) may read the graph and call the allowlisted procedures,
 * nothing else.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { EventEmitter, once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { ALLOWED_PROCEDURES } from '../analyst-procedures.js';
import type { EmbeddedNeo4jConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { StartupError, USE_OTHER_NEO4J } from '../../startup-error.js';
import { EMBEDDED_ANALYST_USER } from './analyst-user.js';
import { classArchiveArguments } from './class-archive.js';
import { prepareLauncher, type Launcher } from './launcher-build.js';

const TAG = '@@sahel-graph ';
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
const STDERR_LINES_KEPT = 20;

type JavaProcess = ChildProcessByStdio<Writable, Readable, Readable>;

export interface EmbeddedNeo4jEvents {
  /** The JVM ended without `stop()` being called: a crash, or it was killed. */
  crash: [details: { code: number | null; signal: NodeJS.Signals | null; stderr: string[] }];
}

export class EmbeddedNeo4j extends EventEmitter<EmbeddedNeo4jEvents> {
  private stopping = false;
  private readonly exited: Promise<unknown>;

  private constructor(
    private readonly child: JavaProcess,
    readonly config: EmbeddedNeo4jConfig,
    private readonly stderrTail: string[],
  ) {
    super();
    this.exited = once(child, 'exit');
    child.on('exit', (code, signal) => {
      if (!this.stopping) this.emit('crash', { code, signal, stderr: [...stderrTail] });
    });
  }

  get boltUri(): string {
    return `bolt://127.0.0.1:${this.config.boltPort}`;
  }

  /** The JVM's process id (benchmarks read its memory). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /**
   * Builds the launcher if needed (and records its class archive: see class-archive.ts), starts
   * the JVM and resolves once Bolt answers.
   */
  static async start(
    config: EmbeddedNeo4jConfig,
    logger: Logger,
    environment: NodeJS.ProcessEnv = process.env,
  ): Promise<EmbeddedNeo4j> {
    const launcher = await prepareLauncher(config.launcherDir, logger, environment);
    await assertPortFree(config.boltPort);
    const archive = await classArchiveArguments(
      launcher,
      (jvmArguments) =>
        EmbeddedNeo4j.recordingRun(launcher, jvmArguments, config, logger, environment),
      logger,
    );
    return EmbeddedNeo4j.launch(launcher, archive, config, logger, environment);
  }

  /**
   * A Neo4j started on an empty scratch store and a port of its own, and stopped once ready,
   * with `jvmArguments` (those that record the class archive): the classes of any start load.
   */
  private static async recordingRun(
    launcher: Launcher,
    jvmArguments: string[],
    config: EmbeddedNeo4jConfig,
    logger: Logger,
    environment: NodeJS.ProcessEnv,
  ): Promise<void> {
    const dataDir = await mkdtemp(join(tmpdir(), 'sahel-graph-class-archive-'));
    try {
      const scratch = { ...config, boltPort: await freePort(), dataDir };
      // Quiet below warnings: its "ready" is not the start that the caller waits for.
      const quiet = logger.child({ classArchiveRecording: true }, { level: 'warn' });
      const neo4j = await EmbeddedNeo4j.launch(launcher, jvmArguments, scratch, quiet, environment);
      await neo4j.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  private static async launch(
    { java, jar }: Launcher,
    jvmArguments: string[],
    config: EmbeddedNeo4jConfig,
    logger: Logger,
    environment: NodeJS.ProcessEnv,
  ): Promise<EmbeddedNeo4j> {
    logger.info(
      { boltPort: config.boltPort, dataDir: config.dataDir },
      'Starting the embedded Neo4j',
    );
    const started = Date.now();
    const child = spawn(
      java,
      [
        `-Xmx${config.heap}`,
        ...jvmArguments,
        // No -XX:+ExitOnOutOfMemoryError: one analyst's query asking for an array larger than
        // the heap would end the JVM; the launcher ends it itself when an OutOfMemoryError
        // escapes a thread or the database panics (see EmbeddedNeo4j.java).
        '-jar',
        jar,
        '--port',
        String(config.boltPort),
        '--data-dir',
        config.dataDir,
        '--pagecache',
        config.pageCache,
        '--analyst-user',
        config.analystUser ?? EMBEDDED_ANALYST_USER,
        '--analyst-procedures',
        [...ALLOWED_PROCEDURES].join(','),
        ...(config.transactionMemory ? ['--analyst-memory', config.transactionMemory] : []),
      ],
      // Its own process group, so a terminal's Ctrl-C reaches only Node, which then stops the
      // JVM in order; the stdin pipe still ends the JVM if Node dies.
      { stdio: ['pipe', 'pipe', 'pipe'], env: environment, detached: true },
    );
    const stderrTail: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => {
      stderrTail.push(line);
      if (stderrTail.length > STDERR_LINES_KEPT) stderrTail.shift();
      logger.debug({ neo4j: line }, 'neo4j stderr');
    });
    const neo4j = new EmbeddedNeo4j(child, config, stderrTail);
    try {
      await neo4j.waitUntilReady(logger);
    } catch (error) {
      await neo4j.stop();
      throw error;
    }
    logger.info(
      { boltUri: neo4j.boltUri, jvmPid: child.pid, seconds: (Date.now() - started) / 1000 },
      'Embedded Neo4j is ready',
    );
    return neo4j;
  }

  /** Shuts the database down cleanly (the launcher checkpoints the store) and waits for the JVM. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (!this.running) return;
    this.child.stdin.end();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await this.exited;
    clearTimeout(timer);
  }

  private waitUntilReady(logger: Logger): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            this.failure(
              'START_TIMEOUT',
              `Neo4j did not start within ${START_TIMEOUT_MS / 1000} s`,
            ),
          ),
        START_TIMEOUT_MS,
      );
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        outcome();
      };
      createInterface({ input: this.child.stdout }).on('line', (line) => {
        if (!line.startsWith(TAG)) {
          logger.debug({ neo4j: line }, 'neo4j stdout');
          return;
        }
        const [word, code, ...message] = line.slice(TAG.length).split(' ');
        if (word === 'READY') settle(resolve);
        if (word === 'ERROR') settle(() => reject(this.failure(code!, message.join(' '))));
      });
      this.child.on('error', (error) =>
        settle(() =>
          reject(this.failure('STARTUP_FAILED', `the JVM could not run: ${error.message}`)),
        ),
      );
      this.child.on('exit', (code, signal) =>
        settle(() =>
          reject(
            this.failure(
              'STARTUP_FAILED',
              `the JVM exited (${signal ?? `status ${code}`}) before Neo4j was ready:\n${this.stderrTail.join('\n')}`,
            ),
          ),
        ),
      );
    });
  }

  private failure(code: string, message: string): StartupError {
    const { boltPort, dataDir } = this.config;
    const fixes: Record<string, string> = {
      PORT_IN_USE: portInUseFix(boltPort),
      DATA_DIR_UNUSABLE: `set NEO4J_DATA_DIR to a directory that can be created and written, ${USE_OTHER_NEO4J}`,
      DATA_DIR_LOCKED: `stop the other process using ${dataDir}, or set NEO4J_DATA_DIR to another directory`,
    };
    const fix =
      fixes[code] ??
      `read ${join(dataDir, 'logs', 'debug.log')}; a damaged store can be moved aside to start empty, ${USE_OTHER_NEO4J}`;
    return new StartupError(code, `embedded Neo4j: ${message}`, fix);
  }
}

/** A free port on loopback, for the class archive's recording run. */
async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Checked before the JVM starts, so a taken port is reported in a second, not after Neo4j boots. */
async function assertPortFree(port: number): Promise<void> {
  const probe = createServer();
  try {
    probe.listen(port, '127.0.0.1');
    await once(probe, 'listening');
  } catch (error) {
    throw new StartupError(
      'PORT_IN_USE',
      `embedded Neo4j: Bolt port ${port} on 127.0.0.1 is already in use (${(error as Error).message})`,
      portInUseFix(port),
    );
  } finally {
    probe.close();
  }
}

function portInUseFix(port: number): string {
  return `set NEO4J_EMBEDDED_PORT to a free port or stop what listens on ${port}, ${USE_OTHER_NEO4J}`;
}
