package sahelgraph;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.util.function.Function;

import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilderImplementation;
import org.neo4j.graphdb.factory.module.GlobalModule;
import org.neo4j.graphdb.factory.module.edition.AbstractEditionModule;
import org.neo4j.graphdb.factory.module.edition.CommunityEditionModule;
import org.neo4j.internal.kernel.api.security.CommunitySecurityLog;
import org.neo4j.kernel.api.KernelTransaction;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.provider.SecurityProvider;
import org.neo4j.kernel.impl.api.KernelTransactionImplementation;
import org.neo4j.kernel.impl.api.TransactionMemoryPool;
import org.neo4j.kernel.impl.query.TransactionExecutionMonitor;

/**
 * Neo4j Community with the analyst line: the Community edition, except that its security
 * provider (authentication off) knows the analyst user, and analyst transactions get their own
 * memory limit.
 */
final class AnalystEdition extends CommunityEditionModule {
    private final AnalystPolicy policy;

    AnalystEdition(GlobalModule globalModule, AnalystPolicy policy) {
        super(globalModule);
        this.policy = policy;
        if (policy.transactionMemoryBytes() > 0) {
            globalModule.getGlobalMonitors().addMonitorListener(new AnalystMemoryLimit(policy));
        }
    }

    @Override
    public void createSecurityModule(GlobalModule globalModule) {
        if (globalModule.getGlobalConfig().get(GraphDatabaseSettings.auth_enabled)) {
            throw new IllegalStateException("the analyst line expects authentication to be off");
        }
        globalModule.getGlobalDependencies().satisfyDependency(CommunitySecurityLog.NULL_LOG);
        AuthManager analystAware = new AnalystAuthManager(policy);
        setSecurityProvider(new SecurityProvider() {
            @Override
            public AuthManager authManager() {
                return analystAware;
            }

            @Override
            public AuthManager inClusterAuthManager() {
                return AuthManager.NO_AUTH;
            }

            @Override
            public AuthManager loopbackAuthManager() {
                return AuthManager.NO_AUTH;
            }
        });
    }

    /** DatabaseManagementServiceBuilder, building this edition instead of plain Community. */
    static final class Builder extends DatabaseManagementServiceBuilderImplementation {
        private final AnalystPolicy policy;

        Builder(Path homeDirectory, AnalystPolicy policy) {
            super(homeDirectory, extension -> true);
            this.policy = policy;
        }

        @Override
        protected Function<GlobalModule, AbstractEditionModule> getEditionFactory(Config config) {
            return globalModule -> new AnalystEdition(globalModule, policy);
        }
    }

    /**
     * Caps the memory Neo4j tracks for each analyst transaction (rows held for sorting,
     * aggregation, collect(), DISTINCT, ...), independently of the limit of other transactions,
     * so that the seed loader keeps its room. Neo4j sets a transaction's limit from
     * db.memory.transaction.max when the transaction begins; this lowers it right after.
     */
    static final class AnalystMemoryLimit implements TransactionExecutionMonitor {
        private static final Field MEMORY_POOL = memoryPoolField();
        private final long limit;

        AnalystMemoryLimit(AnalystPolicy policy) {
            this.limit = policy.transactionMemoryBytes();
        }

        private static Field memoryPoolField() {
            try {
                Field field = KernelTransactionImplementation.class.getDeclaredField("transactionMemoryPool");
                field.setAccessible(true);
                return field;
            } catch (ReflectiveOperationException | RuntimeException error) {
                throw new IllegalStateException("cannot limit the memory of analyst transactions in this Neo4j", error);
            }
        }

        @Override
        public void start(KernelTransaction transaction) {
            if (!(transaction.securityContext().subject() instanceof AnalystSubject)) {
                return;
            }
            try {
                ((TransactionMemoryPool) MEMORY_POOL.get(transaction)).setLimit(limit);
            } catch (IllegalAccessException error) {
                // Fail closed: an analyst transaction whose memory cannot be capped does not run.
                transaction.markForTermination(org.neo4j.kernel.api.exceptions.Status.General.TransactionMemoryLimit);
            }
        }

        @Override
        public void commit(KernelTransaction transaction) {
        }

        @Override
        public void rollback(KernelTransaction transaction, Throwable failure) {
        }
    }
}
