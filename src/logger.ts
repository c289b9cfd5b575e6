/** One pino logger for the process: JSON lines by default, readable lines on a terminal. */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    name: 'sahel-graph',
    level: options.level,
    ...(options.pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname,name' },
          },
        }
      : {}),
  });
}
