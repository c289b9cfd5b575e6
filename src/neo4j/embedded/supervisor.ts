/**
 * Keeps the embedded Neo4j running for the server's lifetime: when the JVM dies unexpectedly
 * (killed, out of memory), it is started again with a growing delay, and the server, whose
 * driver reconnects by itself, serves again without a restart of its own.
 */
import type { EmbeddedNeo4jConfig } from '../../config.js';
import type { Logger } from '../../logger.js';
import { EmbeddedNeo4j } from './embedded-neo4j.js';

const FIRST_RESTART_DELAY_MS = 1_000;
const LONGEST_RESTART_DELAY_MS = 30_000;

export class SupervisedNeo4j {
  private stopped = false;
  private restartDelayMs = FIRST_RESTART_DELAY_MS;
  private restartTimer: NodeJS.Timeout | undefined;

  private constructor(
    private current: EmbeddedNeo4j,
    private readonly logger: Logger,
  ) {
    this.watch(current);
  }

  static async start(config: EmbeddedNeo4jConfig, logger: Logger): Promise<SupervisedNeo4j> {
    return new SupervisedNeo4j(await EmbeddedNeo4j.start(config, logger), logger);
  }

  get boltUri(): string {
    return this.current.boltUri;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.current.stop();
  }

  private watch(neo4j: EmbeddedNeo4j): void {
    neo4j.once('crash', ({ code, signal, stderr }) => {
      this.logger.error(
        { code, signal, stderr, restartInMs: this.restartDelayMs },
        'The embedded Neo4j stopped unexpectedly; restarting it',
      );
      this.scheduleRestart();
    });
  }

  private scheduleRestart(): void {
    if (this.stopped) return;
    this.restartTimer = setTimeout(async () => {
      try {
        const restarted = await EmbeddedNeo4j.start(this.current.config, this.logger);
        if (this.stopped) {
          await restarted.stop();
          return;
        }
        this.current = restarted;
        this.restartDelayMs = FIRST_RESTART_DELAY_MS;
        this.watch(restarted);
      } catch (error) {
        this.restartDelayMs = Math.min(this.restartDelayMs * 2, LONGEST_RESTART_DELAY_MS);
        this.logger.error(
          { error: (error as Error).message, restartInMs: this.restartDelayMs },
          'The embedded Neo4j did not restart; trying again',
        );
        this.scheduleRestart();
      }
    }, this.restartDelayMs);
  }
}
