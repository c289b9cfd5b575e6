/**
 * Analysts' Cypher is never open beyond loopback without its token: a server told to listen on
 * other interfaces refuses to start until CYPHER_TOKEN is set or Cypher is turned off
 * (CYPHER_ENABLED=false), and docker-compose.yml, which listens on 0.0.0.0, starts.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import getPort from 'get-port';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../src/config.js';
import { runCliToExit } from './support/cli.js';
import { startTestService } from './support/service.js';
import { testNeo4jUri } from './support/worker-neo4j.js';

describe('beyond loopback', () => {
  it('refuses to start on HOST=0.0.0.0 without CYPHER_TOKEN, saying how to fix it', async () => {
    const { code, output } = await runCliToExit({
      HOST: '0.0.0.0',
      PORT: String(await getPort()),
      NEO4J_URI: testNeo4jUri(),
      SEED_ON_START: 'false',
    });
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines[0]).toBe('sahel-graph cannot start: Invalid configuration:');
    expect(lines[1]).toMatch(
      /CYPHER_TOKEN="": must be set \(16\+ characters\) when HOST="0\.0\.0\.0"/,
    );
    expect(lines[1]).toMatch(/or set CYPHER_ENABLED=false/);
    expect(lines).toHaveLength(2);
  });

  it('serves with the token, and then /cypher needs it', async () => {
    const service = await startTestService({
      HOST: '0.0.0.0',
      CYPHER_TOKEN: 'a-long-enough-test-token',
    });
    try {
      const response = await fetch(`${service.url}/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'RETURN 1 AS x' }),
      });
      expect(response.status).toBe(401);
    } finally {
      await service.stop();
    }
  });

  it('serves with CYPHER_ENABLED=false, /cypher answering 404', async () => {
    const service = await startTestService({ HOST: '0.0.0.0', CYPHER_ENABLED: 'false' });
    try {
      const response = await fetch(`${service.url}/cypher`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'RETURN 1 AS x' }),
      });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'CYPHER_DISABLED',
      );
    } finally {
      await service.stop();
    }
  });

  it("starts from docker-compose.yml's environment, with and without a token", () => {
    const compose = parse(readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8'));
    const environment = compose.services.app.environment as Record<string, string | number>;
    // Compose's ${NAME:-default}: the value from the caller's environment, else the default.
    const resolve = (given: Record<string, string>) =>
      Object.fromEntries(
        Object.entries(environment).map(([name, value]) => [
          name,
          String(value).replace(
            /\$\{(\w+):-([^}]*)\}/g,
            (_all, variable: string, fallback: string) => given[variable] ?? fallback,
          ),
        ]),
      );
    const byDefault = parseConfig(resolve({}));
    expect(byDefault.http.host).toBe('0.0.0.0');
    expect(byDefault.cypher.enabled).toBe(false);
    const withToken = parseConfig(
      resolve({ CYPHER_ENABLED: 'true', CYPHER_TOKEN: 'a-long-enough-test-token' }),
    );
    expect(withToken.cypher).toMatchObject({ enabled: true, token: 'a-long-enough-test-token' });
    expect(() => parseConfig(resolve({ CYPHER_ENABLED: 'true' }))).toThrow(/CYPHER_TOKEN/);
  });

  it.runIf(hasDockerCompose())('docker-compose config -q accepts the file', () => {
    const file = new URL('../docker-compose.yml', import.meta.url).pathname;
    expect(() =>
      execFileSync('docker-compose', ['-f', file, 'config', '-q'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});

function hasDockerCompose(): boolean {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
