/** Finds Java 17+ (JAVA_HOME, else `java` on PATH) for the embedded Neo4j and for cypher-shell. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { StartupError } from '../startup-error.js';

const MINIMUM_JAVA = 17;

/**
 * @param neededBy what needs Java, for the message ("the embedded Neo4j", "cypher-shell")
 * @param otherWay appended to each fix, e.g. how to do without Java altogether
 */
export async function findJava(
  environment: NodeJS.ProcessEnv,
  neededBy: string,
  otherWay?: string,
): Promise<string> {
  return (await findJavaRuntime(environment, neededBy, otherWay)).java;
}

/** As findJava, with the `java -version` banner that names the exact runtime build. */
export async function findJavaRuntime(
  environment: NodeJS.ProcessEnv,
  neededBy: string,
  otherWay?: string,
): Promise<{ java: string; banner: string }> {
  const java = environment.JAVA_HOME ? join(environment.JAVA_HOME, 'bin', 'java') : 'java';
  const withOtherWay = (fix: string) => (otherWay ? `${fix}, ${otherWay}` : fix);
  let banner: string;
  try {
    const { stdout, stderr } = await promisify(execFile)(java, ['-version'], { env: environment });
    banner = stderr + stdout;
  } catch {
    throw new StartupError(
      'JAVA_MISSING',
      `Java was not found (tried \`${java}\`); ${neededBy} needs Java ${MINIMUM_JAVA} or newer`,
      withOtherWay(
        `install Java ${MINIMUM_JAVA}+ (Debian: apt-get install openjdk-17-jdk-headless) and Maven`,
      ),
    );
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(banner)?.[1] ?? 0);
  if (major < MINIMUM_JAVA) {
    throw new StartupError(
      'JAVA_TOO_OLD',
      `\`${java}\` is Java ${major || 'of an unknown version'}; ${neededBy} needs Java ${MINIMUM_JAVA} or newer`,
      withOtherWay(`install Java ${MINIMUM_JAVA}+ and put it first on PATH or in JAVA_HOME`),
    );
  }
  return { java, banner };
}
