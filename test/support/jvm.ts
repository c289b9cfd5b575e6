/**
 * For the JVMs that a test starts and stops within seconds (not the run's shared Neo4j): the
 * C1 compiler only, which about halves Neo4j's start on a busy machine and changes nothing it
 * does. The JVM notes the variable on stderr, which the server logs at debug level only.
 */
export const SHORT_LIVED_JVM = { JDK_JAVA_OPTIONS: '-XX:TieredStopAtLevel=1' };
