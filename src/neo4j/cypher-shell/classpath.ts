/**
 * The classpath of Neo4j's official cypher-shell (the `neo4j-embedded/cypher-shell/` pom):
 * Maven fetches the jars from Maven Central into ~/.m2 and writes their classpath once; later
 * runs read it from a file in the cache folder, named after a hash of the pom, so that a changed
 * version is resolved again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMaven } from '../maven.js';

const POM = fileURLToPath(new URL('../../../neo4j-embedded/cypher-shell/pom.xml', import.meta.url));

/** Returns the classpath, resolving it with Maven first when the cache lacks it. */
export async function cypherShellClasspath(
  cacheDir: string,
  onFetch: () => void,
  environment: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const pom = await readFile(POM);
  const file = join(
    cacheDir,
    'cypher-shell',
    `${createHash('sha256').update(pom).digest('hex').slice(0, 16)}.classpath`,
  );
  const cached = await readFile(file, 'utf8').catch(() => undefined);
  // A cleared ~/.m2 leaves a cached classpath naming jars that are gone: resolve again.
  if (cached && cached.split(delimiter).every((jar) => existsSync(jar))) return cached;

  onFetch();
  await mkdir(join(cacheDir, 'cypher-shell'), { recursive: true });
  // Written beside its final place, then renamed: an interrupted run leaves no partial file.
  const partial = `${file}.partial-${process.pid}`;
  try {
    await runMaven({
      pom: POM,
      arguments: [`-DcypherShell.classpathFile=${partial}`, 'dependency:build-classpath'],
      environment,
      fetches: 'cypher-shell',
      neededFor: 'the first run fetches cypher-shell from Maven Central with it',
      failureCode: 'CYPHER_SHELL_FETCH_FAILED',
      otherWay: 'or use a cypher-shell of your own',
    });
    const classpath = (await readFile(partial, 'utf8')).trim();
    await rename(partial, file);
    return classpath;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
