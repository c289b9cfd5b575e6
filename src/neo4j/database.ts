/**
 * The Neo4j drivers of the process and the only way code reaches them: reads go through read
 * transactions (a cluster routes them to followers), writes through write transactions, each
 * with a timeout, and Cypher is always parameterised. Analysts' own Cypher goes through a second
 * driver logged in as the analyst user (`analystRead`), whose rights Neo4j itself restricts.
 */
import neo4j, { type Driver, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { EMBEDDED_ANALYST_USER } from './embedded/analyst-user.js';

/** What the store sees of a transaction: it runs Cypher, counted per database. */
export type Transaction = Pick<ManagedTransaction, 'run'>;

export interface ConnectionOptions {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  queryTimeoutMs: number;
  /** The time a write (a seed load: one transaction however large) may take. */
  loadTimeoutMs: number;
  /**
   * The login of analysts' own Cypher: a user Neo4j allows to read and nothing else (the
   * embedded Neo4j's analyst user, or a user with the reader role). Unset: analysts' queries run
   * with the server's own login, guarded only by the checks before them.
   */
  analyst?: { user: string; password: string };
}

/** The analyst's transaction outran its time limit: the caller got this at the deadline. */
export class DeadlineExceeded extends Error {
  readonly code = 'DEADLINE_EXCEEDED';
  constructor(readonly timeoutMs: number) {
    super(`the query ran past its time limit of ${timeoutMs} ms`);
    this.name = 'DeadlineExceeded';
  }
}

/** The analyst login reaches more than a read-only user should: analysts' Cypher is refused. */
export class AnalystLoginTooWide extends Error {
  readonly code = 'ANALYST_LOGIN_TOO_WIDE';
  constructor() {
    super('the analyst login is not restricted to reading');
    this.name = 'AnalystLoginTooWide';
  }
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
/** Records an analyst's query fetches at a time: the byte limit is checked between batches. */
const ANALYST_FETCH_SIZE = 100;
/**
 * How long a session given up at its deadline may take to end. Past it, its connection is taken
 * to be stuck (Neo4j still computing, or silent: it cannot send a value nested ten thousand
 * deep), and the analyst driver is replaced so that stuck connections cannot pile up.
 */
const ABANDONED_SESSION_GRACE_MS = 10_000;

export class GraphDatabase {
  private queries = 0;
  private analystLine: Promise<void> | undefined;
  private warnedWithoutAnalystLine = false;
  private analystDriver: Driver | undefined;
  private readonly retiredDrivers = new Set<Driver>();

  private constructor(
    private readonly driver: Driver,
    private readonly newAnalystDriver: (() => Driver) | undefined,
    private readonly options: ConnectionOptions,
    private readonly observer: DatabaseObserver,
    private readonly logger: Logger,
  ) {
    this.analystDriver = newAnalystDriver?.();
  }

  static connect(
    options: ConnectionOptions,
    logger: Logger,
    observer: DatabaseObserver = UNOBSERVED,
  ): GraphDatabase {
    const driverFor = (auth: ReturnType<typeof neo4j.auth.basic> | undefined) =>
      neo4j.driver(options.uri, auth, {
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
    // No password: the embedded Neo4j, whose Bolt port is on loopback only and has auth off.
    const driver = driverFor(
      options.password ? neo4j.auth.basic(options.user, options.password) : undefined,
    );
    // The embedded Neo4j restricts its analyst user whatever the password; it needs one to send.
    const { analyst } = options;
    const analystDriver = analyst
      ? () => driverFor(neo4j.auth.basic(analyst.user, analyst.password || 'analyst'))
      : undefined;
    return new GraphDatabase(driver, analystDriver, options, observer, logger);
  }

  static connectionOptions(config: Config, uri: string): ConnectionOptions {
    const {
      user,
      password,
      database,
      queryTimeoutMs,
      loadTimeoutMs,
      analystUser,
      analystPassword,
    } = config.neo4j;
    // The embedded Neo4j always has the analyst user; a server of one's own when it is named.
    const analyst = config.neo4j.uri
      ? analystUser
        ? { user: analystUser, password: analystPassword }
        : undefined
      : { user: config.embedded.analystUser ?? EMBEDDED_ANALYST_USER, password: '' };
    return { uri, user, password, database, queryTimeoutMs, loadTimeoutMs, analyst };
  }

  /** Whether analysts' queries run under the analyst login (the second line), not the server's. */
  get hasAnalystLine(): boolean {
    return this.analystDriver !== undefined;
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

  /**
   * What the graph last committed, as Neo4j names it: the bookmark a read ends with. It changes
   * with every write, from this process or any other (`npm run seed`), so answers computed from
   * the graph can be keyed by it. Not counted as a query: it reads nothing of the graph.
   */
  graphVersion(): Promise<string> {
    return this.withSession('READ', async (session) => {
      await session.run('RETURN 1', {}, { timeout: this.options.queryTimeoutMs });
      return (await session.lastBookmarks()).join(' ');
    });
  }

  write<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.withSession('WRITE', (session) =>
      session.executeWrite((tx) => work(this.counting(tx, 'WRITE')), {
        timeout: this.options.loadTimeoutMs,
      }),
    );
  }

  private counting(tx: Transaction, mode: 'READ' | 'WRITE'): Transaction {
    return {
      run: ((...args: Parameters<ManagedTransaction['run']>) => {
        this.queries += 1;
        this.observer.query(mode);
        return tx.run(...args);
      }) as ManagedTransaction['run'],
    };
  }

  /**
   * An analyst's own query: one explicit READ transaction under the analyst login (when there is
   * one), never retried (a retried runaway query would run twice), with Neo4j's timeout set to
   * `timeoutMs`, and answered by that deadline whatever Neo4j is doing: past it, this rejects
   * with DeadlineExceeded, `signal` aborts, and the session is closed in the background (Neo4j
   * ends the transaction on its side). The transaction is committed only if `work` finishes
   * in time, so a transaction Neo4j terminated meanwhile fails instead of answering.
   */
  async analystRead<T>(
    work: (tx: Transaction, signal: AbortSignal) => Promise<T>,
    options: { timeoutMs: number },
  ): Promise<T> {
    await this.checkAnalystLine();
    const driver = this.analystDriver ?? this.driver;
    const session = driver.session({
      database: this.options.database,
      defaultAccessMode: neo4j.session.READ,
      fetchSize: ANALYST_FETCH_SIZE,
    });
    const abort = new AbortController();
    const started = performance.now();
    let ok = false;
    this.observer.session(1);
    const running = (async () => {
      const tx = await session.beginTransaction({ timeout: options.timeoutMs });
      try {
        const result = await work(this.counting(tx, 'READ'), abort.signal);
        if (abort.signal.aborted) throw new DeadlineExceeded(options.timeoutMs);
        await tx.commit();
        return result;
      } finally {
        if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        abort.abort();
        reject(new DeadlineExceeded(options.timeoutMs));
      }, options.timeoutMs);
    });
    try {
      const result = await Promise.race([running, deadline]);
      ok = true;
      return result;
    } finally {
      clearTimeout(timer);
      this.observer.transaction('READ', (performance.now() - started) / 1000, ok);
      this.observer.session(-1);
      // Past the deadline the query may still be running: its outcome no longer matters, and the
      // session closes once Neo4j has ended the transaction.
      const closed = running.then(
        () => session.close(),
        () => session.close(),
      );
      if (abort.signal.aborted) {
        const stuck = setTimeout(
          () => this.retireAnalystDriver(driver, options.timeoutMs),
          ABANDONED_SESSION_GRACE_MS,
        );
        stuck.unref();
        closed.then(
          () => clearTimeout(stuck),
          () => clearTimeout(stuck),
        );
      } else {
        await closed;
      }
    }
  }

  /**
   * Later analysts' queries get a new driver; the old one, with its stuck connection, is closed
   * once every query still on it has passed its own deadline.
   */
  private retireAnalystDriver(driver: Driver, timeoutMs: number): void {
    if (driver !== this.analystDriver || !this.newAnalystDriver) {
      if (driver === this.driver) {
        this.logger.warn("An analyst's query holds a Neo4j connection past its time limit");
      }
      return;
    }
    this.logger.warn(
      "An analyst's query holds a Neo4j connection past its time limit: the analyst driver is replaced",
    );
    this.analystDriver = this.newAnalystDriver();
    this.retiredDrivers.add(driver);
    setTimeout(() => {
      this.retiredDrivers.delete(driver);
      void driver.close().catch(() => undefined);
    }, timeoutMs + ABANDONED_SESSION_GRACE_MS).unref();
  }

  /**
   * Analysts' logins other than the embedded Neo4j's are checked once before their first query:
   * a login that can read the server's settings is no restriction (on Neo4j Community every user
   * is an administrator), and then analysts' queries are refused rather than run with it.
   */
  private checkAnalystLine(): Promise<void> {
    if (!this.analystDriver) {
      if (!this.warnedWithoutAnalystLine) {
        this.warnedWithoutAnalystLine = true;
        this.logger.warn(
          "Analysts' Cypher runs with the server's own Neo4j login: set NEO4J_ANALYST_USER and NEO4J_ANALYST_PASSWORD to a read-only user (see SECURITY.md)",
        );
      }
      return Promise.resolve();
    }
    this.analystLine ??= (async () => {
      const session = this.analystDriver!.session({
        database: this.options.database,
        defaultAccessMode: neo4j.session.READ,
      });
      try {
        const { records } = await session.run(
          'SHOW SETTINGS YIELD name RETURN count(*) AS settings',
          {},
          { timeout: CONNECTION_TIMEOUT_MS },
        );
        if (Number(records[0]?.get('settings') ?? 0) > 0) {
          this.logger.error(
            { user: this.options.analyst?.user },
            "The analyst login can read the server settings: it is not a read-only user, so analysts' Cypher is refused (see SECURITY.md)",
          );
          throw new AnalystLoginTooWide();
        }
      } catch (error) {
        // A login refused the right to list settings is what is wanted; other failures (Neo4j
        // down) are checked again next time.
        const code = (error as { code?: string }).code ?? '';
        if (error instanceof AnalystLoginTooWide) throw error;
        if (!code.startsWith('Neo.ClientError.Security.Forbidden')) {
          this.analystLine = undefined;
          throw error;
        }
      } finally {
        await session.close();
      }
    })();
    return this.analystLine;
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

  async close(): Promise<void> {
    const drivers = [this.driver, this.analystDriver, ...this.retiredDrivers];
    this.retiredDrivers.clear();
    await Promise.all(drivers.map((driver) => driver?.close()));
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
