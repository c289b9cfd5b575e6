/** `npm start`: reads the configuration, starts the service, and stops it cleanly on a signal. */
import { ConfigError, parseConfig, readEnvironment } from './config.js';
import { createLogger } from './logger.js';
import { startService } from './app.js';
import { SeedError } from './seeds/seed-error.js';
import { StartupError } from './startup-error.js';

async function main(): Promise<void> {
  const config = parseConfig(readEnvironment());
  const logger = createLogger(config.log);
  const service = await startService(config, logger);

  let stopping = false;
  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'Shutting down');
    try {
      await service.stop();
    } catch (error) {
      logger.error({ error }, 'Shutdown did not finish cleanly');
      exitCode ||= 1;
    }
    logger.flush();
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));
  // A promise that one request left behind must not stop the server for everyone (Node's
  // default turns an unhandled rejection into an uncaught exception): it is logged as a bug.
  process.on('unhandledRejection', (reason) => {
    logger.error({ error: reason }, 'Unhandled promise rejection');
  });
  process.on('uncaughtException', (error) => {
    logger.fatal({ error }, 'Uncaught exception');
    void shutdown('uncaught exception', 1);
  });
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(error.describe());
  } else if (error instanceof SeedError) {
    console.error(
      `sahel-graph cannot start: ${error.message}\nFix: correct the seed files, then check them with \`npm run seed:check\``,
    );
  } else if (error instanceof ConfigError) {
    console.error(`sahel-graph cannot start: ${error.message}`);
  } else {
    console.error('sahel-graph cannot start:', error);
  }
  process.exit(1);
});
