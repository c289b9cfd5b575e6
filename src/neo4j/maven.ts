/**
 * Runs Maven (`mvn -B -q -f <pom> ...`) for the project's Java parts: the embedded Neo4j's
 * launcher and cypher-shell. A missing `mvn` or a failed run becomes a StartupError that says
 * what was being fetched, with the end of Maven's output.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { StartupError } from '../startup-error.js';

const MAVEN_TIMEOUT_MS = 15 * 60_000;
const REACH_MAVEN_CENTRAL =
  'check that Maven Central is reachable (proxy settings in ~/.m2/settings.xml)';

export interface MavenRun {
  pom: string;
  /** Goals and -D properties after `-f <pom>`. */
  arguments: string[];
  environment: NodeJS.ProcessEnv;
  /** What the run fetches, for messages: "cypher-shell", "Neo4j or build its launcher". */
  fetches: string;
  /** Why Maven is needed, when it is missing. */
  neededFor: string;
  /** The code of a failed run. */
  failureCode: string;
  /** Appended to each fix, e.g. another way to do without. */
  otherWay: string;
}

export async function runMaven(options: MavenRun): Promise<void> {
  try {
    await promisify(execFile)('mvn', ['-B', '-q', '-f', options.pom, ...options.arguments], {
      env: options.environment,
      timeout: MAVEN_TIMEOUT_MS,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    throw mavenFailure(
      error as NodeJS.ErrnoException & { stdout?: string; stderr?: string },
      options,
    );
  }
}

function mavenFailure(
  error: NodeJS.ErrnoException & { stdout?: string; stderr?: string },
  options: MavenRun,
): StartupError {
  if (error.code === 'ENOENT') {
    return new StartupError(
      'MAVEN_MISSING',
      `Maven (\`mvn\`) was not found; ${options.neededFor}`,
      `install Maven (Debian: apt-get install maven), ${options.otherWay}`,
    );
  }
  const output = `${error.stdout ?? ''}${error.stderr ?? ''}`
    .trim()
    .split('\n')
    .slice(-15)
    .join('\n');
  return new StartupError(
    options.failureCode,
    `Maven could not fetch ${options.fetches}:\n${output || error.message}`,
    `${REACH_MAVEN_CENTRAL}, ${options.otherWay}`,
  );
}
