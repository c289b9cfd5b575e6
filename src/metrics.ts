/**
 * Prometheus metrics (prom-client), served at /metrics: HTTP requests, GraphQL operations and
 * their latency, errors by code, Cypher queries, transaction latency and open sessions (the
 * share of the driver's pool in use), beside Node's own process metrics.
 */
import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { DatabaseObserver } from './neo4j/database.js';

const KNOWN_PATHS = new Set(['/graphql', '/cypher', '/health', '/ready', '/metrics']);
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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  httpRequest(method: string, path: string, status: number, seconds: number): void {
    const known = KNOWN_PATHS.has(path) ? path : 'other';
    this.httpRequests.inc({ method, path: known, status: String(status) });
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

  /** Counts operations, their latency and the errors of every GraphQL result. */
  graphqlPlugin(): Plugin {
    return {
      onExecute: ({ args }) => {
        const operation =
          args.operationName ?? getOperationAST(args.document)?.name?.value ?? 'anonymous';
        const started = performance.now();
        return {
          onExecuteDone: ({ result }) => {
            const failed = 'errors' in result && (result.errors?.length ?? 0) > 0;
            this.operations.inc({ operation, outcome: failed ? 'error' : 'ok' });
            this.operationDuration.observe({ operation }, (performance.now() - started) / 1000);
          },
        };
      },
      onResultProcess: ({ result }) => {
        for (const single of Array.isArray(result) ? result : [result]) {
          const errors = (single as { errors?: readonly GraphQLError[] }).errors ?? [];
          for (const error of errors)
            this.errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
        }
      },
    };
  }

  /** GET /metrics in Prometheus' text format. */
  endpointPlugin(): Plugin {
    return {
      onRequest: async ({ url, endResponse }) => {
        if (url.pathname !== '/metrics') return;
        endResponse(
          new Response(await this.registry.metrics(), {
            headers: { 'content-type': this.registry.contentType },
          }),
        );
      },
    };
  }
}
