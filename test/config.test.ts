import { mkdtemp, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, readEnvironment } from '../src/config.js';

function problemsOf(environment: Record<string, string>): string[] {
  try {
    parseConfig(environment);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has defaults that start the embedded Neo4j and serve on port 4000', () => {
    const config = parseConfig({});
    expect(config.http).toEqual({
      port: 4000,
      host: '127.0.0.1',
      headersTimeoutMs: 20000,
      requestTimeoutMs: 60000,
    });
    expect(config.limits.maxResponseBytes).toBe(5_000_000);
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.embedded.boltPort).toBe(7687);
    expect(config.embedded.dataDir).toBe(join(process.cwd(), '.data/neo4j'));
    expect(config.corsOrigins).toEqual([]);
  });

  it("builds the embedded Neo4j's launcher in the user's cache folder, shared by checkouts", () => {
    const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
    const expected =
      process.platform === 'linux' ? join(cache, 'sahel-graph', 'neo4j-launcher') : undefined;
    const { launcherDir } = parseConfig({}).embedded;
    if (expected) expect(launcherDir).toBe(expected);
    expect(launcherDir.startsWith(process.cwd())).toBe(false);
    expect(parseConfig({ NEO4J_LAUNCHER_DIR: 'launcher' }).embedded.launcherDir).toBe(
      join(process.cwd(), 'launcher'),
    );
  });

  it('names the variable and what it expects for a port that is not a number', () => {
    expect(problemsOf({ PORT: 'abc' })).toEqual([
      'PORT="abc": must be a whole number from 0 to 65535 (the HTTP port of the GraphQL server; 0 takes any free port)',
    ]);
  });

  it('rejects a port out of range and a malformed embedded port together', () => {
    const problems = problemsOf({ PORT: '70000', NEO4J_EMBEDDED_PORT: '7.5' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PORT="70000": must be a whole number from 0 to 65535/);
    expect(problems[1]).toMatch(/^NEO4J_EMBEDDED_PORT="7.5": must be a whole number/);
  });

  it.each(['http://localhost:7474', 'localhost:7687', 'bolt://', 'bolt://host:port'])(
    'rejects the malformed NEO4J_URI %s',
    (uri) => {
      expect(problemsOf({ NEO4J_URI: uri })[0]).toMatch(
        /^NEO4J_URI=".*": must be a Neo4j URI such as bolt:\/\/host:7687/,
      );
    },
  );

  it.each([
    'bolt://localhost:7687',
    'neo4j://db.example.org',
    'neo4j+s://abc123.databases.neo4j.io',
    'bolt+ssc://[::1]:7687',
  ])('accepts the Neo4j URI %s', (uri) => {
    expect(parseConfig({ NEO4J_URI: uri }).neo4j.uri).toBe(uri);
  });

  it('splits CORS origins and validates memory sizes', () => {
    expect(
      parseConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins,
    ).toEqual(['https://a.example', 'https://b.example']);
    expect(problemsOf({ NEO4J_HEAP: 'lots' })[0]).toBe(
      'NEO4J_HEAP="lots": must be a size such as 512m or 2g',
    );
  });

  it('reads the slow-client timeouts, and refuses a headers timeout longer than the request timeout', () => {
    const config = parseConfig({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '900' });
    expect(config.http).toMatchObject({ headersTimeoutMs: 500, requestTimeoutMs: 900 });
    expect(problemsOf({ HTTP_HEADERS_TIMEOUT_MS: '70000' })).toEqual([
      'HTTP_HEADERS_TIMEOUT_MS="70000": must not be more than HTTP_REQUEST_TIMEOUT_MS (60000), which includes the headers',
    ]);
    expect(problemsOf({ GRAPHQL_MAX_RESPONSE_BYTES: '0' })[0]).toMatch(
      /^GRAPHQL_MAX_RESPONSE_BYTES="0": must be a positive whole number/,
    );
  });

  it("refuses to serve analysts' Cypher beyond loopback without CYPHER_TOKEN, unless it is off", () => {
    for (const host of ['127.0.0.1', '127.0.0.53', 'localhost', '::1', '[::1]']) {
      expect(parseConfig({ HOST: host }).cypher.enabled, host).toBe(true);
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'sahel.example.org']) {
      expect(problemsOf({ HOST: host }), host).toEqual([
        expect.stringMatching(
          /^CYPHER_TOKEN="": must be set \(16\+ characters\) when HOST=.* serves beyond loopback.*CYPHER_ENABLED=false/,
        ),
      ]);
    }
    const token = parseConfig({ HOST: '0.0.0.0', CYPHER_TOKEN: 'a-long-enough-test-token' });
    expect(token.cypher).toMatchObject({ enabled: true, token: 'a-long-enough-test-token' });
    expect(parseConfig({ HOST: '0.0.0.0', CYPHER_ENABLED: 'false' }).cypher.enabled).toBe(false);
    expect(problemsOf({ CYPHER_ENABLED: 'no' })[0]).toBe(
      'CYPHER_ENABLED="no": must be true or false',
    );
  });

  it("reads the analyst login, the memory of analysts' transactions and the size of answers", () => {
    const defaults = parseConfig({});
    expect(defaults.cypher.maxBytes).toBe(2_000_000);
    expect(defaults.neo4j.analystUser).toBeUndefined();
    expect(defaults.embedded.transactionMemory).toBeUndefined();
    const set = parseConfig({
      NEO4J_ANALYST_USER: 'reader',
      NEO4J_ANALYST_PASSWORD: 'secret',
      NEO4J_TRANSACTION_MEMORY: '256m',
      CYPHER_MAX_BYTES: '500000',
    });
    expect(set.neo4j).toMatchObject({ analystUser: 'reader', analystPassword: 'secret' });
    expect(set.embedded).toMatchObject({ analystUser: 'reader', transactionMemory: '256m' });
    expect(set.cypher.maxBytes).toBe(500_000);
    expect(problemsOf({ NEO4J_TRANSACTION_MEMORY: 'lots' })[0]).toBe(
      'NEO4J_TRANSACTION_MEMORY="lots": must be a size such as 512m or 2g',
    );
  });

  it('reads .env, with the process environment taking precedence', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sahel-graph-env-'));
    const envFile = join(dir, '.env');
    await writeFile(envFile, 'PORT=4123\nNEO4J_DATABASE=news\n');
    const environment = readEnvironment(envFile, { NEO4J_DATABASE: 'other' });
    const config = parseConfig(environment);
    expect(config.http.port).toBe(4123);
    expect(config.neo4j.database).toBe('other');
  });
});
