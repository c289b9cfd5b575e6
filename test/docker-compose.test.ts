/**
 * docker-compose.yml runs the app beside the official Neo4j image. There is no Docker engine on
 * our machines, so the file is checked for its shape here, and by `docker-compose config -q`
 * where Debian's docker-compose is installed (.ci/run installs it).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const composeFile = new URL('../docker-compose.yml', import.meta.url);
const compose = parse(readFileSync(composeFile, 'utf8'));
const hasDockerCompose = (() => {
  try {
    execFileSync('docker-compose', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('docker-compose.yml', () => {
  it('runs Neo4j 5.26 Community with a healthcheck and a named volume', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.volumes).toContain('neo4j-data:/data');
    expect(Object.keys(compose.volumes)).toContain('neo4j-data');
  });

  it('builds the app from the Dockerfile, points it at Neo4j and waits for Neo4j to be healthy', () => {
    const app = compose.services.app;
    expect(app.build).toBe('.');
    expect(app.environment.NEO4J_URI).toBe('bolt://neo4j:7687');
    expect(app.environment.NEO4J_PASSWORD).toBe(
      compose.services.neo4j.environment.NEO4J_AUTH.replace('neo4j/', ''),
    );
    expect(app.depends_on.neo4j.condition).toBe('service_healthy');
    expect(readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8')).toContain(
      'CMD ["node", "dist/main.js"]',
    );
  });

  it.runIf(hasDockerCompose)('passes docker-compose config -q', () => {
    expect(() =>
      execFileSync('docker-compose', ['-f', composeFile.pathname, 'config', '-q'], {
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
