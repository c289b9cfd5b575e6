/**
 * Builds the Java launcher of the embedded Neo4j (the `neo4j-embedded/` Maven project) once,
 * into a cache folder named after a hash of its sources, so that later starts reuse it and a
 * changed launcher is rebuilt. Maven keeps the Neo4j jars themselves in its local repository.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../logger.js';
import { findJavaRuntime } from '../java.js';
import { runMaven } from '../maven.js';
import { USE_OTHER_NEO4J } from '../../startup-error.js';
import { singleFlight } from './single-flight.js';

export const LAUNCHER_PROJECT = fileURLToPath(new URL('../../../neo4j-embedded/', import.meta.url));

export interface Launcher {
  java: string;
  jar: string;
  /**
   * Where the launcher's class-data archive (AppCDS) is, or goes once recorded: beside the jar,
   * named after the Java build and the jar's absolute folder, since a JVM can use only an
   * archive that one of its own build wrote for the same jars at the same paths: a launcher
   * folder copied or moved elsewhere (another checkout, a copied .data) records its own instead
   * of starting every JVM with an archive it refuses (see class-archive.ts).
   */
  classArchive: string;
}

/** Finds Java 17+, and returns the launcher jar, building it first when the cache lacks it. */
export async function prepareLauncher(
  launcherDir: string,
  logger: Logger,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<Launcher> {
  const { java, banner } = await findJavaRuntime(
    environment,
    'the embedded Neo4j',
    USE_OTHER_NEO4J,
  );
  const buildDir = join(launcherDir, await sourceFingerprint());
  const jar = join(buildDir, 'neo4j-launcher.jar');
  if (!existsSync(jar)) {
    await oneBuildAtATime(buildDir, () => buildLauncher(buildDir, logger, environment));
  }
  // The archive's name: the jar's folder, and Java's version and runtime build lines; not the
  // path of java (JAVA_HOME or PATH may name the same Java), nor the VM line's mode or the notes
  // of picked-up options, which JDK_JAVA_OPTIONS changes (a C1-only JVM says "emulated-client")
  // without changing the build.
  const build = banner
    .split('\n')
    .filter((line) => / version "|Runtime Environment/.test(line))
    .join('\n');
  const runtime = createHash('sha256').update(build).update(resolve(buildDir)).digest('hex');
  return { java, jar, classArchive: join(buildDir, `classes-${runtime.slice(0, 16)}.jsa`) };
}

const oneBuildAtATime = singleFlight();

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
    await runMaven({
      pom: join(LAUNCHER_PROJECT, 'pom.xml'),
      arguments: [`-Dneo4j.buildDir=${partialDir}`, 'package'],
      environment,
      fetches: 'Neo4j or build its launcher',
      neededFor: 'the first start of the embedded Neo4j fetches its jars with it',
      failureCode: 'LAUNCHER_BUILD_FAILED',
      otherWay: USE_OTHER_NEO4J,
    });
  } catch (error) {
    await rm(partialDir, { recursive: true, force: true });
    throw error;
  }
  try {
    await rename(partialDir, buildDir);
  } catch {
    // Another process finished the same build first; its copy is as good as ours.
    await rm(partialDir, { recursive: true, force: true });
  }
  logger.info({ seconds: (Date.now() - started) / 1000 }, 'Neo4j fetched and launcher built');
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
