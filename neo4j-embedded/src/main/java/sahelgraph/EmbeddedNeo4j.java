package sahelgraph;

import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community in this JVM with Bolt on loopback, for sahel-graph's Node process.
 *
 * <p>Talks to its parent through single lines on stdout, each starting with {@value #TAG}:
 * {@code READY <port>} once Bolt accepts connections, {@code ERROR <CODE> <message>} when it
 * cannot start (then exit status 2), {@code STOPPED} after a clean shutdown. Everything else
 * on stdout or stderr is Neo4j's own output.
 *
 * <p>Connections whose principal is the analyst user ({@code --analyst-user}, any password) run
 * in a restricted security context: read only, the graph's database only, no admin command or
 * procedure, no view of other transactions or of settings, procedures from
 * {@code --analyst-procedures} only, memory per transaction capped ({@code --analyst-memory}),
 * and stopped when they outrun their timeout (see {@link AnalystLoginContext},
 * {@link RunawayWatch}). Other connections have full access, as with authentication off.
 *
 * <p>The parent owns this process: when its end of stdin closes (the parent exited, crashed or
 * was killed), the database is shut down cleanly and the JVM exits, so no orphan is left and the
 * store needs no recovery. SIGTERM and SIGINT do the same through the shutdown hook.
 */
public final class EmbeddedNeo4j {
    static final String TAG = "@@sahel-graph";

    public static void main(String[] args) {
        exitOnStrayOutOfMemory();
        Map<String, String> options = parseArgs(args);
        Path dataDir = Path.of(options.getOrDefault("data-dir", ".data/neo4j")).toAbsolutePath();
        int port = Integer.parseInt(options.getOrDefault("port", "7687"));
        String pageCache = options.getOrDefault("pagecache", "256m");
        AnalystPolicy analysts = analystPolicy(options);

        String unusable = checkDataDir(dataDir);
        if (unusable != null) {
            fail("DATA_DIR_UNUSABLE", unusable);
        }

        DatabaseManagementService service;
        try {
            service = new AnalystEdition.Builder(dataDir, analysts)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    // Bolt otherwise waits 5 s twice on shutdown for connections that the parent has
                    // already closed; the databases are checkpointed and stopped before this point.
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    // Nothing leaves the machine: Neo4j otherwise reports usage data every day.
                    .setConfigRaw(java.util.Map.of("dbms.usage_report.enabled", "false"))
                    .build();
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            // The database can report available before Bolt serves a query; one round trip proves it.
            db.executeTransactionally("RETURN 1");
            RunawayWatch.start((GraphDatabaseAPI) db, analysts);
        } catch (Throwable error) {
            classifyStartupFailure(error, dataDir, port);
            return; // unreachable: classifyStartupFailure exits
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.shutdown();
            say("STOPPED");
            stopped.countDown();
        }, "neo4j-shutdown"));

        say("READY " + port);
        waitForParentToGo(System.in);
        System.exit(0); // runs the shutdown hook
    }

    /**
     * Neo4j's advice is to run with -XX:+ExitOnOutOfMemoryError; that would let one analyst's
     * query end the JVM: {@code [x IN range(1, 400000000) | x]} asks for one array larger than the
     * heap, and only that allocation fails. So an OutOfMemoryError that a query's thread catches
     * fails that query alone (Neo4j answers it with Neo.TransientError.General.OutOfMemoryError),
     * while one that escapes any thread ends the JVM, as the flag would, for the parent to start
     * it again. A database that panicked is ended the same way (see {@link RunawayWatch}).
     */
    private static void exitOnStrayOutOfMemory() {
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof OutOfMemoryError) {
                Runtime.getRuntime().halt(3);
            }
            if (previous != null) {
                previous.uncaughtException(thread, error);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                error.printStackTrace();
            }
        });
    }

    /** The analyst line's settings, from the arguments or their defaults. */
    private static AnalystPolicy analystPolicy(Map<String, String> options) {
        String user = options.getOrDefault("analyst-user", "analyst");
        if (user.isBlank()) {
            fail("BAD_ARGUMENTS", "--analyst-user must not be empty");
        }
        Set<String> procedures = Arrays.stream(options.getOrDefault("analyst-procedures", "").split(","))
                .map(name -> name.trim().toLowerCase(Locale.ROOT))
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        // Unset: a quarter of the heap, so that one analyst cannot take what the others need.
        long memory = options.containsKey("analyst-memory")
                ? ByteUnit.parse(options.get("analyst-memory"))
                : Runtime.getRuntime().maxMemory() / 4;
        Duration grace = Duration.ofMillis(Long.parseLong(options.getOrDefault("analyst-grace-ms", "1000")));
        return new AnalystPolicy(user, procedures, memory, grace, GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
    }

    /** Blocks until stdin reaches end of file: the parent closed it or no longer exists. */
    private static void waitForParentToGo(InputStream parent) {
        byte[] buffer = new byte[256];
        try {
            while (parent.read(buffer) != -1) {
                // Input from the parent carries no commands; it only has to stay open.
            }
        } catch (IOException closed) {
            // A broken pipe means the same thing as end of file.
        }
    }

    private static String checkDataDir(Path dataDir) {
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            return "NEO4J_DATA_DIR " + dataDir + " exists but is not a directory";
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException | SecurityException error) {
            return "cannot create NEO4J_DATA_DIR " + dataDir + ": " + error;
        }
        if (!Files.isWritable(dataDir)) {
            return "NEO4J_DATA_DIR " + dataDir + " is not writable";
        }
        return null;
    }

    private static void classifyStartupFailure(Throwable error, Path dataDir, int port) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            String type = cause.getClass().getName();
            String message = String.valueOf(cause.getMessage());
            if (cause instanceof BindException || type.endsWith("PortBindException")
                    || message.contains("Address already in use")) {
                fail("PORT_IN_USE", "Bolt port " + port + " on 127.0.0.1 is already in use");
            }
            if (type.endsWith("FileLockException") || message.contains("locked by another")) {
                fail("DATA_DIR_LOCKED", "NEO4J_DATA_DIR " + dataDir
                        + " is in use by another Neo4j process");
            }
        }
        Throwable root = error;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        fail("STARTUP_FAILED", "Neo4j could not start in " + dataDir + ": " + root);
    }

    private static Map<String, String> parseArgs(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                fail("BAD_ARGUMENTS", "expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static void say(String line) {
        System.out.println(TAG + " " + line);
        System.out.flush();
    }

    private static void fail(String code, String message) {
        say("ERROR " + code + " " + message.replace('\n', ' '));
        System.exit(2);
    }

    private EmbeddedNeo4j() {
    }
}
