/**
 * The JVMs of a test run compile with C1 only, which changes nothing Neo4j does. For the JVMs
 * that a test starts and stops within seconds it about halves Neo4j's start on a busy machine;
 * the run's shared Neo4j (test/support/global-setup.ts) plans many Cypher statements once each,
 * for which C2's optimising compilations do not pay back either: about 13% less CPU over seven
 * of the files that query it most, and a start about 40% cheaper. The JVM notes the variable on
 * stderr, which the server logs at debug level only.
 */
export const TEST_JVM = { JDK_JAVA_OPTIONS: '-XX:TieredStopAtLevel=1' };

/** For the JVMs that a test starts and stops within seconds. */
export const SHORT_LIVED_JVM = TEST_JVM;
