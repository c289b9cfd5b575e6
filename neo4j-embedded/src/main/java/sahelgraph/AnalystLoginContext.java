package sahelgraph;

import java.util.BitSet;
import java.util.Set;

import org.neo4j.graphdb.security.AuthorizationViolationException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AbstractSecurityLog;
import org.neo4j.internal.kernel.api.security.AccessMode;
import org.neo4j.internal.kernel.api.security.AdminAccessMode;
import org.neo4j.internal.kernel.api.security.AdminActionOnResource;
import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.DatabaseAccessMode;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.internal.kernel.api.security.PermissionState;
import org.neo4j.internal.kernel.api.security.SecurityContext;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.database.DatabaseReference;
import org.neo4j.kernel.database.PrivilegeDatabaseReference;

/**
 * The login of an analyst's Bolt connection. Every transaction it begins is authorised here: on
 * the graph's database only (not {@code system}, so no admin command, user or database listing,
 * {@code USE system} or any other database), with {@link AnalystAccessMode} and no admin action
 * (no SHOW or TERMINATE of any transaction, no admin procedure).
 */
final class AnalystLoginContext extends LoginContext {
    private final AnalystPolicy policy;

    AnalystLoginContext(AnalystPolicy policy, ClientConnectionInfo connectionInfo) {
        super(new AnalystSubject(policy.user()), connectionInfo);
        this.policy = policy;
    }

    @Override
    public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference database,
            AbstractSecurityLog securityLog) {
        checkDatabase(policy.database(), database.name());
        BitSet procedures = new BitSet();
        for (String name : policy.procedures()) {
            for (int id : idLookup.getProcedureIds(name)) {
                if (id >= 0) {
                    procedures.set(id);
                }
            }
        }
        return new Context(subject(), new AnalystAccessMode(AccessMode.Static.READ, procedures),
                connectionInfo(), policy.database());
    }

    static void checkDatabase(String allowed, String requested) {
        if (!allowed.equals(requested)) {
            throw new AuthorizationViolationException(
                    "Database access is not allowed: analysts read only the database '" + allowed + "'",
                    Status.Security.Forbidden);
        }
    }

    /** The security context of one analyst transaction. */
    static final class Context extends SecurityContext {
        private final AnalystAccessMode analystMode;

        Context(AuthSubject subject, AnalystAccessMode mode, ClientConnectionInfo connectionInfo,
                String database) {
            super(subject, mode, connectionInfo, database);
            this.analystMode = mode;
        }

        @Override
        public PermissionState allowExecuteAdminProcedure(int procedureId) {
            return PermissionState.EXPLICIT_DENY;
        }

        @Override
        public PermissionState allowsAdminAction(AdminActionOnResource action) {
            return PermissionState.EXPLICIT_DENY;
        }

        @Override
        public DatabaseAccessMode databaseAccessMode() {
            String allowed = database();
            return new DatabaseAccessMode() {
                @Override
                public boolean canSeeDatabase(DatabaseReference reference) {
                    return allowed.equals(reference.name());
                }

                @Override
                public boolean canAccessDatabase(DatabaseReference reference) {
                    return allowed.equals(reference.name());
                }
            };
        }

        @Override
        public Set<String> roles() {
            return Set.of();
        }

        @Override
        public SecurityContext authorize(IdLookup idLookup, PrivilegeDatabaseReference database,
                AbstractSecurityLog securityLog) {
            checkDatabase(database(), database.name());
            return this;
        }

        /**
         * Neo4j narrows the mode for a procedure call (or widens it, for a procedure allowed to
         * run with more rights, which the analyst mode never allows): whatever it asks for, the
         * analyst's restrictions stay on top.
         */
        @Override
        public SecurityContext withMode(AccessMode mode) {
            return new Context(subject(), new AnalystAccessMode(mode, analystMode.allowedProcedures()),
                    connectionInfo(), database());
        }

        @Override
        public SecurityContext withMode(AdminAccessMode mode) {
            return this;
        }
    }
}
