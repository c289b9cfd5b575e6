/**
 * Builds the Java launcher of the embedded Neo4j (the `neo4j-embedded/` Maven project) once,
 * into a cache folder named after a hash of its sources, so that later starts reuse it and a
 * changed launcher is rebuilt. Maven keeps the Neo4j jars themselves in its local repository.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Logger } from '../../logger.js';
import { findJava } from '../java.js';
import { StartupError, USE_OTHER_NEO4J } from '../../startup-error.js';

const run = promisify(execFile);

export const LAUNCHER_PROJECT = fileURLToPath(new URL('../../../neo4j-embedded/', import.meta.url));
const BUILD_TIMEOUT_MS = 15 * 60_000;

export interface Launcher {
  java: string;
  jar: string;
}

/** Finds Java 17+, and returns the launcher jar, building it first when the cache lacks it. */
export async function prepareLauncher(
  launcherDir: string,
  logger: Logger,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<Launcher> {
  const java = await findJava(environment, 'the embedded Neo4j', USE_OTHER_NEO4J);
  const buildDir = join(launcherDir, await sourceFingerprint());
  const jar = join(buildDir, 'neo4j-launcher.jar');
  if (!existsSync(jar)) {
    await buildLauncher(buildDir, logger, environment);
  }
  return { java, jar };
}

async function buildLauncher(
  buildDir: string,
  logger: Logger,
  environment: NodeJS.ProcessEnv,
): Promise<void> {
  // Built beside its final place, then renamed: a build that is interrupted, or that races
  // another process's build, never leaves a half-filled cache folder behind.
  const partialDir = `${buildDir}.partial-${process.pid}`;
  await rm(partialDir, { recursive: true, force: true });
  await mkdir(partialDir, { recursive: true });
  logger.info(
    'First run: fetching Neo4j 5.26 Community from Maven Central and building its launcher (about 130 MB, once)',
  );
  const started = Date.now();
  try {
    await run(
      'mvn',
      [
        '-B',
        '-q',
        '-f',
        join(LAUNCHER_PROJECT, 'pom.xml'),
        `-Dneo4j.buildDir=${partialDir}`,
        'package',
      ],
      { env: environment, timeout: BUILD_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
    );
  } catch (error) {
    await rm(partialDir, { recursive: true, force: true });
    throw buildFailure(error as NodeJS.ErrnoException & { stdout?: string; stderr?: string });
  }
  try {
    await rename(partialDir, buildDir);
  } catch {
    // Another process finished the same build first; its copy is as good as ours.
    await rm(partialDir, { recursive: true, force: true });
  }
  logger.info({ seconds: (Date.now() - started) / 1000 }, 'Neo4j fetched and launcher built');
}

function buildFailure(error: NodeJS.ErrnoException & { stdout?: string; stderr?: string }) {
  if (error.code === 'ENOENT') {
    return new StartupError(
      'MAVEN_MISSING',
      'Maven (`mvn`) was not found; the first start of the embedded Neo4j fetches its jars with it',
      `install Maven (Debian: apt-get install maven), ${USE_OTHER_NEO4J}`,
    );
  }
  const output = `${error.stdout ?? ''}${error.stderr ?? ''}`
    .trim()
    .split('\n')
    .slice(-15)
    .join('\n');
  return new StartupError(
    'LAUNCHER_BUILD_FAILED',
    `Maven could not fetch Neo4j or build its launcher:\n${output || error.message}`,
    `check that Maven Central is reachable (proxy settings in ~/.m2/settings.xml), ${USE_OTHER_NEO4J}`,
  );
}

/** A short hash of the launcher's pom and Java sources: a changed launcher gets a new folder. */
async function sourceFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(join(LAUNCHER_PROJECT, 'src'), {
    recursive: true,
    withFileTypes: true,
  });
  const sources = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(LAUNCHER_PROJECT, join(entry.parentPath, entry.name)));
  for (const file of ['pom.xml', ...sources.sort()]) {
    hash.update(file).update(await readFile(join(LAUNCHER_PROJECT, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
