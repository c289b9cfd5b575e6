/** The driver of a benchmark's own Neo4j: the embedded login, and time enough for big loads. */
import type { Logger } from '../src/logger.js';
import { GraphDatabase } from '../src/neo4j/database.js';

export const benchDatabase = (uri: string, logger: Logger, timeoutMs = 600_000) =>
  GraphDatabase.connect(
    {
      uri,
      user: 'neo4j',
      password: '',
      database: undefined,
      queryTimeoutMs: timeoutMs,
      loadTimeoutMs: timeoutMs,
    },
    logger,
  );
