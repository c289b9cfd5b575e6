package sahelgraph;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.HashMap;
import java.util.Map;

import javax.management.NotificationEmitter;

import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.kernel.api.KernelTransactionHandle;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.net.NetworkConnectionTracker;
import org.neo4j.kernel.api.net.TrackedNetworkConnection;
import org.neo4j.kernel.impl.api.KernelTransactions;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.monitoring.DatabaseHealth;

/**
 * Keeps analysts' queries inside their bounds where Neo4j alone does not.
 *
 * <p>Neo4j ends a transaction past its timeout by marking it terminated, and the query notices
 * the mark the next time it touches the store. A query that computes without touching it, such
 * as {@code reduce(s = 0, x IN range(1, 500000000) | s + x)} or a list comprehension over a
 * huge range, never looks: it runs to its end, however long, and can fill the heap with values
 * Neo4j does not count, until the JVM dies of it. So, every {@value #TICK_MS} ms:
 *
 * <ul>
 *   <li>an analyst transaction past its timeout is marked terminated at once (Neo4j's own
 *       monitor only looks every couple of seconds);
 *   <li>one still running {@link AnalystPolicy#runawayGrace()} after its mark has its Bolt
 *       connection closed and the thread that runs it stopped ({@link Thread#stop()}), so that
 *       Neo4j rolls its transaction back and forgets it. The JVM allows stopping a thread up to
 *       Java 19; on later versions the query runs to its end and this is logged once;
 *   <li>when a garbage collection leaves the heap more than {@value #HEAP_PRESSURE} full, every
 *       running analyst query is ended the same way, without grace, before the heap runs out.
 * </ul>
 *
 * <p>Only analysts' connections are touched: their threads run nothing but analysts' queries.
 *
 * <p>It also ends the JVM (status 3) when the database has panicked (an error it cannot recover
 * from, such as running out of memory while writing), so that the parent starts it again
 * rather than serving errors.
 */
final class RunawayWatch implements Runnable {
    static final long TICK_MS = 100;
    static final double HEAP_PRESSURE = 0.85;

    private final GraphDatabaseAPI database;
    private final long graceNanos;
    private final Map<Long, Long> stoppedAt = new HashMap<>();
    private boolean threadsStoppable = true;

    private RunawayWatch(GraphDatabaseAPI database, AnalystPolicy policy) {
        this.database = database;
        this.graceNanos = policy.runawayGrace().toNanos();
    }

    static void start(GraphDatabaseAPI database, AnalystPolicy policy) {
        RunawayWatch watch = new RunawayWatch(database, policy);
        watch.watchHeap();
        Thread thread = new Thread(watch, "sahel-analyst-watch");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        while (true) {
            try {
                check(false);
            } catch (Exception error) {
                // The database may be starting or stopping; try again on the next tick.
            }
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException stop) {
                return;
            }
        }
    }

    private synchronized void check(boolean heapPressure) {
        DatabaseHealth health = database.getDependencyResolver().resolveDependency(DatabaseHealth.class);
        if (!health.hasNoPanic()) {
            System.err.println("sahel-graph: the database panicked, ending the JVM: " + health.causeOfPanic());
            Runtime.getRuntime().halt(3);
        }
        if (!database.isAvailable()) {
            return;
        }
        KernelTransactions transactions =
                database.getDependencyResolver().resolveDependency(KernelTransactions.class);
        long now = System.nanoTime();
        for (KernelTransactionHandle transaction : transactions.executingTransactions()) {
            if (!(transaction.subject() instanceof AnalystSubject)) {
                continue;
            }
            if (heapPressure) {
                transaction.markForTermination(Status.General.TransactionMemoryLimit);
                stop(transaction, now, "the heap is more than " + Math.round(HEAP_PRESSURE * 100) + "% full");
                continue;
            }
            long timeout = transaction.timeout().timeoutNanos();
            if (timeout > 0 && now - transaction.startTimeNanos() > timeout
                    && transaction.terminationMark().isEmpty()) {
                transaction.markForTermination(Status.Transaction.TransactionTimedOut);
            }
            transaction.terminationMark().ifPresent(mark -> {
                if (now - mark.getTimestampNanos() > graceNanos) {
                    stop(transaction, now, "it ignored its termination ("
                            + mark.getReason().code().serialize() + ")");
                }
            });
        }
        stoppedAt.values().removeIf(time -> now - time > 60_000_000_000L);
    }

    /** Stops the thread that serves the transaction's Bolt connection, at most once a second. */
    @SuppressWarnings("removal")
    private void stop(KernelTransactionHandle transaction, long now, String why) {
        if (!threadsStoppable) {
            return;
        }
        Long last = stoppedAt.get(transaction.getTransactionSequenceNumber());
        if (last != null && now - last < 1_000_000_000L) {
            return;
        }
        String connection = transaction.clientInfo().map(ClientConnectionInfo::connectionId).orElse("");
        if (connection.isEmpty()) {
            return;
        }
        // Closed first: the stopped thread's error then has no client to reach, and closing the
        // connection rolls its transaction back.
        TrackedNetworkConnection network = database.getDependencyResolver()
                .resolveDependency(NetworkConnectionTracker.class).get(connection);
        if (network != null) {
            network.close();
        }
        // Bolt names the worker thread serving a connection "... [<connection id> - <client>]".
        String tag = "[" + connection + " ";
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread == Thread.currentThread() || !thread.getName().contains(tag)) {
                continue;
            }
            try {
                thread.stop();
                stoppedAt.put(transaction.getTransactionSequenceNumber(), now);
                System.err.println("sahel-graph: stopped the analyst query on " + connection + ": " + why);
            } catch (UnsupportedOperationException unsupported) {
                threadsStoppable = false;
                System.err.println("sahel-graph: cannot stop a runaway analyst query on Java "
                        + Runtime.version().feature() + " (Thread.stop is gone); it runs to its end");
            }
        }
    }

    private void watchHeap() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            long max = pool.getUsage().getMax();
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && max > 0) {
                pool.setCollectionUsageThreshold((long) (max * HEAP_PRESSURE));
            }
        }
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(
                (notification, handback) -> {
                    if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(notification.getType())) {
                        try {
                            check(true);
                        } catch (Exception error) {
                            // Nothing to end, or the database is stopping.
                        }
                    }
                },
                null, null);
    }
}
