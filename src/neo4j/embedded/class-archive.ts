/**
 * The launcher's class-data archive (AppCDS): the classes Neo4j loads until it is ready, parsed
 * and verified once and then mapped into every later JVM, which about halves a start. Java 17
 * writes such an archive only when a JVM exits, so the first start without one records it with
 * a throwaway Neo4j (started on an empty scratch store and stopped once ready); every later
 * start uses it. The archive is named after the launcher's jars and the Java build (see
 * launcher-build.ts); should the JVM still refuse it, it says so in a warning on its stdout
 * (logged at debug level) and starts without it, only slower. A recording that fails is noted
 * beside the archive and not tried again (each try costs a whole start and stop): deleting the
 * note tries again.
 */
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Logger } from '../../logger.js';
import type { Launcher } from './launcher-build.js';
import { singleFlight } from './single-flight.js';

/**
 * The JVM arguments that use the launcher's archive, recording it first when there is none.
 * `record` starts and stops a Neo4j with the given extra JVM arguments. A recording that fails
 * costs only the speed-up: it is logged, and the start goes on without an archive.
 */
export async function classArchiveArguments(
  launcher: Launcher,
  record: (jvmArguments: string[]) => Promise<void>,
  logger: Logger,
): Promise<string[]> {
  const archive = launcher.classArchive;
  if (!existsSync(archive) && !existsSync(failureNoteOf(archive))) {
    await oneRecordingAtATime(archive, () => recordArchive(archive, record, logger));
  }
  return existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}

const oneRecordingAtATime = singleFlight();

/** Where a failed recording is noted, so that it is not tried again on every start. */
const failureNoteOf = (archive: string) => `${archive}.failed`;

async function recordArchive(
  archive: string,
  record: (jvmArguments: string[]) => Promise<void>,
  logger: Logger,
): Promise<void> {
  const failureNote = failureNoteOf(archive);
  // Written under a name of this process's own, then renamed: a concurrent recording or an
  // interrupted one never leaves a half-written archive where a JVM would map it.
  const partial = `${archive}.partial-${process.pid}`;
  logger.info(
    { archive },
    "Recording the embedded Neo4j's class archive for faster starts (once per launcher, Java build and folder)",
  );
  const started = Date.now();
  try {
    await record([`-XX:ArchiveClassesAtExit=${partial}`]);
    await rename(partial, archive);
    logger.info({ seconds: (Date.now() - started) / 1000 }, 'Class archive recorded');
  } catch (error) {
    await writeFile(failureNote, `${(error as Error).message}\n`);
    logger.warn(
      { err: error, archive, failureNote },
      'Could not record the class archive: the embedded Neo4j starts without it, more slowly (delete the note to try again)',
    );
  } finally {
    await rm(partial, { force: true });
  }
}
