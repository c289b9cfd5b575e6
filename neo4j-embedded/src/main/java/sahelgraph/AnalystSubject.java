package sahelgraph;

import org.neo4j.internal.kernel.api.security.AuthSubject;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;

/**
 * The analyst as Neo4j sees it: authenticated, named, but never "the same user" as the owner of
 * any transaction. SHOW TRANSACTIONS and TERMINATE TRANSACTIONS let a user see and end their own
 * transactions; every analyst connection shares one name, so an analyst would see and could end
 * other analysts' queries (their text and parameters). Answering no to {@link #hasUsername}
 * leaves them none at all.
 */
final class AnalystSubject implements AuthSubject {
    private final String user;

    AnalystSubject(String user) {
        this.user = user;
    }

    @Override
    public AuthenticationResult getAuthenticationResult() {
        return AuthenticationResult.SUCCESS;
    }

    @Override
    public boolean hasUsername(String username) {
        return false;
    }

    @Override
    public String executingUser() {
        return user;
    }
}
