import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
    expect(config.http).toEqual({ port: 4000, host: '127.0.0.1' });
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.embedded.boltPort).toBe(7687);
    expect(config.embedded.dataDir).toBe(join(process.cwd(), '.data/neo4j'));
    expect(config.corsOrigins).toEqual([]);
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
