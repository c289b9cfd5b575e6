package sahelgraph;

import java.time.Duration;
import java.util.Set;

/**
 * What an analyst's Bolt connection may do in the embedded Neo4j, and the bounds on it.
 *
 * @param user the Bolt principal whose connections get the analyst's restricted context
 * @param procedures the only procedures an analyst may call (full names, lower case)
 * @param transactionMemoryBytes the memory one analyst transaction may track (0: Neo4j's limit)
 * @param runawayGrace how long an analyst query may keep running after it was terminated
 *     before its thread is stopped
 * @param database the one database an analyst may read
 */
record AnalystPolicy(
        String user, Set<String> procedures, long transactionMemoryBytes, Duration runawayGrace,
        String database) {
}
