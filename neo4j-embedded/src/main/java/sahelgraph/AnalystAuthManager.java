package sahelgraph;

import java.util.Map;

import org.neo4j.graphdb.security.AuthorizationViolationException;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.kernel.api.exceptions.Status;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;

/**
 * Authentication stays off (Bolt listens on loopback only): every connection is let in. One whose
 * principal is the analyst user gets the analyst's restricted login, whatever its password; the
 * analyst line only takes rights away, so it needs no secret. Any other connection gets full
 * access, as with authentication off.
 */
final class AnalystAuthManager extends AuthManager {
    private final AnalystPolicy policy;

    AnalystAuthManager(AnalystPolicy policy) {
        this.policy = policy;
    }

    @Override
    public LoginContext login(Map<String, Object> authToken, ClientConnectionInfo connectionInfo)
            throws InvalidAuthTokenException {
        if (policy.user().equals(authToken.get(AuthToken.PRINCIPAL))) {
            AuthToken.clearCredentials(authToken);
            return new AnalystLoginContext(policy, connectionInfo);
        }
        return AuthManager.NO_AUTH.login(authToken, connectionInfo);
    }

    @Override
    public LoginContext impersonate(LoginContext context, String userToImpersonate) {
        if (context instanceof AnalystLoginContext) {
            throw new AuthorizationViolationException("Impersonation is not allowed for analysts",
                    Status.Security.Forbidden);
        }
        return AuthManager.NO_AUTH.impersonate(context, userToImpersonate);
    }
}
