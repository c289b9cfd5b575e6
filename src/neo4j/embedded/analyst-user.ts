/**
 * The Bolt user whose connections the embedded Neo4j restricts to reading the graph (see
 * neo4j-embedded/src/main/java/sahelgraph/AnalystLoginContext.java), when NEO4J_ANALYST_USER
 * does not name another. It has no password: authentication is off, and this login only takes
 * rights away.
 */
export const EMBEDDED_ANALYST_USER = 'analyst';
