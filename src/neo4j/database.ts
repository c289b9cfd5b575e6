/**
 * The one Neo4j driver of the process and the only way code reaches it: reads go through read
 * transactions (a cluster routes them to followers), writes through write transactions, each
 * with a timeout, and Cypher is always parameterised.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** What the store sees of a transaction: it runs Cypher, counted per database. */
export type Transaction = Pick<ManagedTransaction, 'run'>;

export interface ConnectionOptions {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  queryTimeoutMs: number;
}

/** Told of every statement, transaction and session, for metrics. */
export interface DatabaseObserver {
  query(mode: 'READ' | 'WRITE'): void;
  transaction(mode: 'READ' | 'WRITE', seconds: number, ok: boolean): void;
  session(delta: 1 | -1): void;
}

const UNOBSERVED: DatabaseObserver = { query() {}, transaction() {}, session() {} };

/** Bounds on how long a request may wait for Neo4j while it is down, before it gets an error. */
const CONNECTION_TIMEOUT_MS = 5_000;
const ACQUISITION_TIMEOUT_MS = 10_000;
const RETRY_WINDOW_MS = 5_000;

export class GraphDatabase {
  private queries = 0;

  private constructor(
    private readonly driver: Driver,
    private readonly options: ConnectionOptions,
    private readonly observer: DatabaseObserver,
  ) {}

  static connect(
    options: ConnectionOptions,
    logger: Logger,
    observer: DatabaseObserver = UNOBSERVED,
  ): GraphDatabase {
    // No password: the embedded Neo4j, whose Bolt port is on loopback only and has auth off.
    const auth = options.password ? neo4j.auth.basic(options.user, options.password) : undefined;
    const driver = neo4j.driver(options.uri, auth, {
      connectionTimeout: CONNECTION_TIMEOUT_MS,
      connectionAcquisitionTimeout: ACQUISITION_TIMEOUT_MS,
      maxTransactionRetryTime: RETRY_WINDOW_MS,
      userAgent: 'sahel-graph',
      // Plain numbers instead of {low, high} Integer objects: the graph's integers (counts,
      // casualty figures, years) are far below 2^53, where numbers stay exact.
      disableLosslessIntegers: true,
      logging: {
        level: 'warn',
        logger: (level, message) =>
          logger[level === 'error' ? 'error' : 'warn']({ neo4j: message }, 'neo4j driver'),
      },
    });
    return new GraphDatabase(driver, options, observer);
  }

  static connectionOptions(config: Config, uri: string): ConnectionOptions {
    const { user, password, database, queryTimeoutMs } = config.neo4j;
    return { uri, user, password, database, queryTimeoutMs };
  }

  get uri(): string {
    return this.options.uri;
  }

  /** Cypher statements run so far: lets tests and metrics see how many a request costs. */
  get queryCount(): number {
    return this.queries;
  }

  /** A read transaction, retried on transient errors; `timeoutMs` overrides the default timeout. */
  read<T>(work: (tx: Transaction) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.withSession('READ', (session) =>
      session.executeRead((tx) => work(this.counting(tx, 'READ')), {
        timeout: options.timeoutMs ?? this.options.queryTimeoutMs,
      }),
    );
  }

  /**
   * One read statement as an auto-commit transaction: a single network round trip instead of
   * the three (begin, run, commit) of `read`, for the many small lookups of a GraphQL request.
   * Unlike `read` it is not retried; a failure reaches the client as an error to retry.
   */
  async query(cypher: string, params: Record<string, unknown> = {}): Promise<QueryResult> {
    this.queries += 1;
    this.observer.query('READ');
    return this.withSession('READ', (session) =>
      session.run(cypher, params, { timeout: this.options.queryTimeoutMs }),
    );
  }

  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite((tx) => work(this.counting(tx, 'WRITE')), {
        timeout: this.options.queryTimeoutMs,
      }),
    );
  }

  private counting(tx: ManagedTransaction, mode: 'READ' | 'WRITE'): Transaction {
    return {
      run: ((...args: Parameters<ManagedTransaction['run']>) => {
        this.queries += 1;
        this.observer.query(mode);
        return tx.run(...args);
      }) as ManagedTransaction['run'],
    };
  }

  /**
   * One round trip without the driver's retries, for readiness checks: it fails fast while
   * Neo4j is down and succeeds as soon as it is back.
   */
  async ping(): Promise<void> {
    await this.withSession('READ', (session) =>
      session.run('RETURN 1', {}, { timeout: CONNECTION_TIMEOUT_MS }),
    );
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async withSession<T>(
    mode: 'READ' | 'WRITE',
    work: (session: ReturnType<Driver['session']>) => Promise<T>,
  ): Promise<T> {
    const session = this.driver.session({
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    const started = performance.now();
    let ok = false;
    this.observer.session(1);
    try {
      const result = await work(session);
      ok = true;
      return result;
    } finally {
      this.observer.transaction(mode, (performance.now() - started) / 1000, ok);
      this.observer.session(-1);
      await session.close();
    }
  }
}
