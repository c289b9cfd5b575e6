/**
 * The server's whole configuration, read once from the environment (and `.env` when present)
 * and validated, so that a bad value stops the start with the variable's name and what it
 * should be, rather than failing later somewhere else.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import envPaths from 'env-paths';
import { z } from 'zod';

/**
 * Where the embedded Neo4j's launcher is built and cached, with its class archive and
 * cypher-shell's classpath: the user's cache folder (`~/.cache/sahel-graph/neo4j-launcher` on
 * Linux), so every checkout of the project on the machine shares one build, as they share the
 * Neo4j jars in `~/.m2`. Builds are keyed by the launcher's sources, so checkouts of different
 * versions keep theirs side by side.
 */
export const DEFAULT_LAUNCHER_DIR = join(
  envPaths('sahel-graph', { suffix: '' }).cache,
  'neo4j-launcher',
);

/** The launcher folder that NEO4J_LAUNCHER_DIR names, or the default (for scripts and tests). */
export const launcherDirOf = (environment: NodeJS.ProcessEnv = process.env) =>
  resolve(environment.NEO4J_LAUNCHER_DIR || DEFAULT_LAUNCHER_DIR);

const NEO4J_SCHEMES = ['bolt', 'bolt+s', 'bolt+ssc', 'neo4j', 'neo4j+s', 'neo4j+ssc'];

const port = (what: string, lowest = 1) => {
  const error = `must be a whole number from ${lowest} to 65535 (${what})`;
  return z.coerce.number({ error }).int({ error }).min(lowest, { error }).max(65535, { error });
};

const positiveInt = (what: string) => {
  const error = `must be a positive whole number (${what})`;
  return z.coerce.number({ error }).int({ error }).positive({ error });
};

const wholeNumber = (what: string) => {
  const error = `must be a whole number, 0 or more (${what})`;
  return z.coerce.number({ error }).int({ error }).min(0, { error });
};

const memorySize = z.string().regex(/^\d+[kmg]$/i, { error: 'must be a size such as 512m or 2g' });

const neo4jUri = z.string().refine(
  (value) => {
    const match = /^([a-z0-9+]+):\/\/(\[[0-9a-f:.]+\]|[^/\s:?[\]]+)(:\d{1,5})?\/?(\?\S*)?$/i.exec(
      value,
    );
    return match !== null && NEO4J_SCHEMES.includes(match[1]!.toLowerCase());
  },
  { error: `must be a Neo4j URI such as bolt://host:7687 (schemes: ${NEO4J_SCHEMES.join(', ')})` },
);

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const environmentSchema = z.object({
  PORT: port('the HTTP port of the GraphQL server; 0 takes any free port', 0).default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  CORS_ORIGINS: z.string().default(''),
  NEO4J_URI: z.preprocess(emptyAsUndefined, neo4jUri.optional()),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.preprocess(emptyAsUndefined, z.string().optional()),
  NEO4J_ANALYST_USER: z.preprocess(emptyAsUndefined, z.string().optional()),
  NEO4J_ANALYST_PASSWORD: z.string().default(''),
  NEO4J_TRANSACTION_MEMORY: z.preprocess(emptyAsUndefined, memorySize.optional()),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt('milliseconds a Neo4j read may run').default(15000),
  NEO4J_LOAD_TIMEOUT_MS: positiveInt('milliseconds a seed load into Neo4j may run').default(
    600_000,
  ),
  NEO4J_EMBEDDED_PORT: port('the Bolt port of the embedded Neo4j').default(7687),
  NEO4J_DATA_DIR: z.string().min(1).default('.data/neo4j'),
  NEO4J_HEAP: memorySize.default('1g'),
  NEO4J_PAGECACHE: memorySize.default('512m'),
  NEO4J_LAUNCHER_DIR: z.string().min(1).default(DEFAULT_LAUNCHER_DIR),
  GRAPHQL_MAX_DEPTH: positiveInt('how deep a GraphQL operation may nest').default(15),
  GRAPHQL_MAX_ALIASES: positiveInt('aliases in one GraphQL operation, __typename included').default(
    30,
  ),
  GRAPHQL_MAX_DIRECTIVES: positiveInt('directives in one GraphQL operation').default(20),
  GRAPHQL_MAX_TOKENS: positiveInt('tokens in one GraphQL document').default(3000),
  GRAPHQL_MAX_COST: positiveInt('the estimated cost of one GraphQL operation').default(50000),
  GRAPHQL_MAX_RESPONSE_BYTES: positiveInt('bytes of the answer to one GraphQL operation').default(
    5_000_000,
  ),
  RESPONSE_CACHE_MAX_BYTES: wholeNumber(
    'bytes of answers the response cache keeps; 0: none',
  ).default(64_000_000),
  TRUSTED_DOCUMENTS_ONLY: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('false')
    .transform((value) => value === 'true'),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt(
    'milliseconds a client may take to send its headers',
  ).default(20000),
  HTTP_REQUEST_TIMEOUT_MS: positiveInt(
    'milliseconds a client may take to send a whole request',
  ).default(60000),
  MAX_BODY_BYTES: positiveInt('bytes of a request body').default(1_000_000),
  CYPHER_TIMEOUT_MS: positiveInt('milliseconds an analyst Cypher query may run').default(5000),
  CYPHER_MAX_ROWS: positiveInt('rows an analyst Cypher query may return').default(1000),
  CYPHER_MAX_BYTES: positiveInt('bytes of rows an analyst Cypher query may return').default(
    2_000_000,
  ),
  CYPHER_ENABLED: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  CYPHER_MAX_HOPS: positiveInt('relationships a path in an analyst Cypher query may walk').default(
    10,
  ),
  CYPHER_TOKEN: z.preprocess(
    emptyAsUndefined,
    z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  ),
  SEED_ON_START: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  SHUTDOWN_GRACE_MS: positiveInt('milliseconds to let requests finish on shutdown').default(10000),
});

export type Environment = z.input<typeof environmentSchema>;

export interface EmbeddedNeo4jConfig {
  boltPort: number;
  dataDir: string;
  heap: string;
  pageCache: string;
  launcherDir: string;
  /** The Bolt user whose connections are restricted to reading (default: `analyst`). */
  analystUser?: string;
  /** Memory one analyst transaction may use, e.g. `256m` (default: a quarter of the heap). */
  transactionMemory?: string;
}

export interface Config {
  /** Where to listen, and how long a client may take to send a request's headers, and all of it. */
  http: { port: number; host: string; headersTimeoutMs: number; requestTimeoutMs: number };
  production: boolean;
  log: { level: string; pretty: boolean };
  /** Origins allowed to call the API from a browser: [] none, ['*'] any. */
  corsOrigins: string[];
  neo4j: {
    /** Unset: the project starts its own embedded Neo4j (see `embedded`). */
    uri: string | undefined;
    user: string;
    password: string;
    database: string | undefined;
    queryTimeoutMs: number;
    /** A seed load is one transaction, however large: it gets its own, longer, limit. */
    loadTimeoutMs: number;
    /** A read-only user for analysts' own Cypher on NEO4J_URI (the embedded Neo4j has one). */
    analystUser: string | undefined;
    analystPassword: string;
  };
  embedded: EmbeddedNeo4jConfig;
  /** Limits on each GraphQL operation (graphql-armor) and on request bodies. */
  limits: {
    maxDepth: number;
    maxAliases: number;
    maxDirectives: number;
    maxTokens: number;
    maxCost: number;
    /** Bytes of the JSON answer to one operation. */
    maxResponseBytes: number;
    /** Bytes of answers kept by the response cache; 0 turns it off. */
    responseCacheBytes: number;
    maxBodyBytes: number;
  };
  /** True: only the explorer's trusted documents are answered, by hash; other documents refused. */
  trustedDocumentsOnly: boolean;
  /** The read-only Cypher endpoint: its limits, and the bearer token it requires, if any. */
  cypher: {
    timeoutMs: number;
    maxRows: number;
    maxBytes: number;
    maxHops: number;
    token: string | undefined;
    /** False: /cypher answers 404 and the `cypher` field FORBIDDEN. */
    enabled: boolean;
  };
  /** Load seeds/ into the graph at start when it holds no entities yet. */
  seedOnStart: boolean;
  shutdownGraceMs: number;
}

/** Raised when the environment holds a value the server cannot use; lists every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function parseConfig(environment: Record<string, string | undefined>): Config {
  const result = environmentSchema.safeParse(environment);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}=${JSON.stringify(environment[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const env = result.data;
  // Beyond loopback, analysts' Cypher needs its token (or is turned off): fail closed.
  if (env.CYPHER_ENABLED && !env.CYPHER_TOKEN && !isLoopback(env.HOST)) {
    throw new ConfigError([
      `CYPHER_TOKEN="": must be set (16+ characters) when HOST=${JSON.stringify(env.HOST)} serves beyond loopback, so that /cypher and the cypher field need "Authorization: Bearer <token>"; or set CYPHER_ENABLED=false to turn them off`,
    ]);
  }
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError([
      `HTTP_HEADERS_TIMEOUT_MS=${JSON.stringify(String(env.HTTP_HEADERS_TIMEOUT_MS))}: must not be more than HTTP_REQUEST_TIMEOUT_MS (${env.HTTP_REQUEST_TIMEOUT_MS}), which includes the headers`,
    ]);
  }
  return {
    http: {
      port: env.PORT,
      host: env.HOST,
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
    },
    production: env.NODE_ENV === 'production',
    log: { level: env.LOG_LEVEL, pretty: (env.LOG_FORMAT ?? defaultLogFormat()) === 'pretty' },
    corsOrigins: env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD,
      database: env.NEO4J_DATABASE,
      queryTimeoutMs: env.NEO4J_QUERY_TIMEOUT_MS,
      loadTimeoutMs: env.NEO4J_LOAD_TIMEOUT_MS,
      analystUser: env.NEO4J_ANALYST_USER,
      analystPassword: env.NEO4J_ANALYST_PASSWORD,
    },
    embedded: {
      boltPort: env.NEO4J_EMBEDDED_PORT,
      dataDir: resolve(env.NEO4J_DATA_DIR),
      heap: env.NEO4J_HEAP,
      pageCache: env.NEO4J_PAGECACHE,
      launcherDir: resolve(env.NEO4J_LAUNCHER_DIR),
      analystUser: env.NEO4J_ANALYST_USER,
      transactionMemory: env.NEO4J_TRANSACTION_MEMORY,
    },
    limits: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxAliases: env.GRAPHQL_MAX_ALIASES,
      maxDirectives: env.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: env.GRAPHQL_MAX_TOKENS,
      maxCost: env.GRAPHQL_MAX_COST,
      maxResponseBytes: env.GRAPHQL_MAX_RESPONSE_BYTES,
      responseCacheBytes: env.RESPONSE_CACHE_MAX_BYTES,
      maxBodyBytes: env.MAX_BODY_BYTES,
    },
    trustedDocumentsOnly: env.TRUSTED_DOCUMENTS_ONLY,
    cypher: {
      timeoutMs: env.CYPHER_TIMEOUT_MS,
      maxRows: env.CYPHER_MAX_ROWS,
      maxBytes: env.CYPHER_MAX_BYTES,
      maxHops: env.CYPHER_MAX_HOPS,
      token: env.CYPHER_TOKEN,
      enabled: env.CYPHER_ENABLED,
    },
    seedOnStart: env.SEED_ON_START,
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
  };
}

/** The process environment over the values of `.env` in the working directory, if there is one. */
export function readEnvironment(
  envFile = resolve('.env'),
  processEnv: Record<string, string | undefined> = process.env,
): Record<string, string | undefined> {
  const fromFile = existsSync(envFile) ? parseEnv(readFileSync(envFile, 'utf8')) : {};
  return { ...fromFile, ...processEnv };
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost: only this machine can connect. */
export function isLoopback(host: string): boolean {
  const address = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return (
    address === 'localhost' ||
    address === '::1' ||
    /^(?:::ffff:)?127(?:\.\d{1,3}){3}$/.test(address)
  );
}

function defaultLogFormat(): 'json' | 'pretty' {
  return process.stdout.isTTY ? 'pretty' : 'json';
}
