/**
 * Prometheus metrics (prom-client), served at /metrics: HTTP requests, GraphQL operations and
 * their latency, errors by code, Cypher queries, transaction latency and open sessions (the
 * share of the driver's pool in use), beside Node's own process metrics. Every label takes a
 * bounded set of values whatever clients send: each new value of a label is a series kept for
 * the life of the process, so an operation name is a label only when short and well formed,
 * and only the first MAX_OPERATION_NAMES of them; the rest count as `other`. The Yoga plugins
 * that feed it and serve it are http/use-operation-metrics.ts and http/use-metrics-endpoint.ts.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseObserver } from './neo4j/database.js';

const KNOWN_PATHS = new Set(['/graphql', '/cypher', '/health', '/ready', '/metrics']);
const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
/** A GraphQL name, as clients write them, and short. */
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/** Distinct operation names kept as labels; later ones count as `other`. */
export const MAX_OPERATION_NAMES = 100;
/** Error codes are the server's own, but bounded all the same. */
const ERROR_CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const MAX_ERROR_CODES = 50;

/** Keeps a label's values within a fixed set: the first `most` values that pass the test. */
class BoundedLabel {
  private readonly seen = new Set<string>();

  constructor(
    private readonly most: number,
    private readonly test: (value: string) => boolean,
  ) {}

  of(value: string): string {
    if (this.seen.has(value)) return value;
    if (!this.test(value) || this.seen.size >= this.most) return 'other';
    this.seen.add(value);
    return value;
  }
}
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class Metrics implements DatabaseObserver {
  readonly registry = new Registry();
  private readonly httpRequests = new Counter({
    name: 'sahel_http_requests_total',
    help: 'HTTP requests by method, path and status.',
    labelNames: ['method', 'path', 'status'],
    registers: [this.registry],
  });
  private readonly httpDuration = new Histogram({
    name: 'sahel_http_request_duration_seconds',
    help: 'HTTP request latency by path.',
    labelNames: ['path'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly operations = new Counter({
    name: 'sahel_graphql_operations_total',
    help: 'GraphQL operations executed, by operation name and outcome.',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly operationDuration = new Histogram({
    name: 'sahel_graphql_operation_duration_seconds',
    help: 'GraphQL execution latency by operation name.',
    labelNames: ['operation'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly errors = new Counter({
    name: 'sahel_graphql_errors_total',
    help: 'GraphQL errors returned to clients, by code.',
    labelNames: ['code'],
    registers: [this.registry],
  });
  private readonly cachedAnswers = new Counter({
    name: 'sahel_graphql_response_cache_total',
    help: 'GraphQL queries looked up in the response cache, by outcome (hit or miss).',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly queries = new Counter({
    name: 'sahel_neo4j_queries_total',
    help: 'Cypher statements run, by access mode.',
    labelNames: ['mode'],
    registers: [this.registry],
  });
  private readonly transactions = new Histogram({
    name: 'sahel_neo4j_transaction_duration_seconds',
    help: 'Neo4j transaction latency, by access mode and outcome.',
    labelNames: ['mode', 'outcome'],
    buckets: SECONDS,
    registers: [this.registry],
  });
  private readonly sessions = new Gauge({
    name: 'sahel_neo4j_sessions_open',
    help: 'Neo4j sessions open now: connections of the pool in use.',
    registers: [this.registry],
  });

  private readonly operationNames = new BoundedLabel(MAX_OPERATION_NAMES, (name) =>
    OPERATION_NAME.test(name),
  );
  private readonly errorCodes = new BoundedLabel(MAX_ERROR_CODES, (code) => ERROR_CODE.test(code));

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  httpRequest(method: string, path: string, status: number, seconds: number): void {
    const known = KNOWN_PATHS.has(path) ? path : 'other';
    this.httpRequests.inc({
      method: KNOWN_METHODS.has(method) ? method : 'other',
      path: known,
      status: String(status),
    });
    this.httpDuration.observe({ path: known }, seconds);
  }

  query(mode: 'READ' | 'WRITE'): void {
    this.queries.inc({ mode });
  }

  transaction(mode: 'READ' | 'WRITE', seconds: number, ok: boolean): void {
    this.transactions.observe({ mode, outcome: ok ? 'ok' : 'error' }, seconds);
  }

  session(delta: 1 | -1): void {
    this.sessions.inc(delta);
  }

  /**
   * A GraphQL operation starts, named as the client named it (or not at all); the function
   * returned counts it, with its outcome and latency, when it is done.
   */
  operationStarted(name: string | undefined): (ok: boolean) => void {
    const operation = name === undefined ? 'anonymous' : this.operationNames.of(name);
    const started = performance.now();
    return (ok) => {
      this.operations.inc({ operation, outcome: ok ? 'ok' : 'error' });
      this.operationDuration.observe({ operation }, (performance.now() - started) / 1000);
    };
  }

  /** A query answered from the response cache (hit) or computed (miss). */
  responseCacheLookup(outcome: 'hit' | 'miss'): void {
    this.cachedAnswers.inc({ outcome });
  }

  /** A GraphQL error returned to a client, by its code (`UNKNOWN` when it has none). */
  graphqlError(code: unknown): void {
    this.errors.inc({ code: this.errorCodes.of(String(code ?? 'UNKNOWN')) });
  }
}
