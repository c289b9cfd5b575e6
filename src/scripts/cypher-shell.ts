/**
 * `npm run cypher-shell [-- cypher-shell options and query]`: Neo4j's official cypher-shell
 * (5.26, fetched from Maven Central on first use), connected to the server's Neo4j: NEO4J_URI
 * with its credentials, else the embedded Neo4j on 127.0.0.1:NEO4J_EMBEDDED_PORT. Every argument
 * goes to cypher-shell as it is; its own `-a`/`--address` wins over that default.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ConfigError, parseConfig, readEnvironment } from '../config.js';
import { findJava } from '../neo4j/java.js';
import { cypherShellClasspath } from '../neo4j/cypher-shell/classpath.js';
import { cypherShellEnvironment } from '../neo4j/cypher-shell/connection.js';
import { StartupError } from '../startup-error.js';

// What Neo4j's own cypher-shell launcher gives the JVM (CypherShellBoot).
const JVM_OPTIONS = [
  '--add-opens=java.base/java.net=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
];

try {
  const config = parseConfig(readEnvironment());
  const java = await findJava(process.env, 'cypher-shell');
  const classpath = await cypherShellClasspath(config.embedded.launcherDir, () =>
    console.error(
      'First run: fetching cypher-shell 5.26 from Maven Central with mvn (once; the jars stay in ~/.m2)',
    ),
  );
  const shell = spawn(
    java,
    [...JVM_OPTIONS, '-cp', classpath, 'org.neo4j.shell.Main', ...process.argv.slice(2)],
    { env: cypherShellEnvironment(config, process.env), stdio: 'inherit' },
  );
  // Ctrl+C reaches cypher-shell from the terminal (it stops the running query); not us.
  process.on('SIGINT', () => {});
  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => shell.kill(signal));
  }
  shell.on('exit', (code, signal) => {
    process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0));
  });
} catch (error) {
  if (error instanceof StartupError) {
    console.error(`cypher-shell cannot start: ${error.message}\nFix: ${error.fix}`);
  } else if (error instanceof ConfigError) {
    console.error(`cypher-shell cannot start: ${error.message}`);
  } else {
    console.error('cypher-shell cannot start:', error);
  }
  process.exit(1);
}
