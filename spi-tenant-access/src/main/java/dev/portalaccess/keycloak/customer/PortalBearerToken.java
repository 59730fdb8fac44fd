package dev.portalaccess.keycloak.customer;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * The end user's own bearer token for this project's self-service APIs (not admin REST): a valid access
 * token of this realm (signature, issuer, expiry, revocation and the user's session are checked by
 * Keycloak's {@link AppAuthManager.BearerTokenAuthenticator}; ID and refresh tokens are not access tokens)
 * issued to one of the realm's portal clients ({@code azp}: see {@link PortalAccessSettings#isPortalClient}), for
 * a user rather than a service account. Anything else answers 401 with a JSON body and
 * {@code WWW-Authenticate: Bearer}, so another application's token (or the account console's) cannot call
 * the portal's API in the user's name.
 */
public final class PortalBearerToken {

    /** No token, or not a valid access token of this realm. */
    public static final String NOT_AUTHENTICATED = "notAuthenticated";
    /** A valid access token, but issued to a client that is not a portal of this realm. */
    public static final String NOT_PORTAL_CLIENT = "notPortalClient";
    /** A valid portal token, but of a service account, not of a user. */
    public static final String NOT_A_USER = "notAUser";

    private static final Logger LOG = Logger.getLogger(PortalBearerToken.class);

    private PortalBearerToken() {
    }

    /** The caller, or a 401 {@link ErrorResponseException}. */
    public static AuthResult authenticate(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (auth == null || auth.user() == null || auth.token() == null) {
            throw unauthorized(realm, NOT_AUTHENTICATED,
                    "A valid access token of a user of realm " + realm.getName() + " is required");
        }
        ClientModel client = auth.client();
        if (!PortalAccessSettings.isPortalClient(client)) {
            LOG.debugf("Refused a token of client %s for the self-service API of realm %s",
                    client == null ? auth.token().getIssuedFor() : client.getClientId(), realm.getName());
            throw unauthorized(realm, NOT_PORTAL_CLIENT, "Only access tokens issued to a portal client of realm "
                    + realm.getName() + " are accepted; this one was issued to '" + auth.token().getIssuedFor() + "'");
        }
        if (auth.user().getServiceAccountClientLink() != null) {
            throw unauthorized(realm, NOT_A_USER, "A service account cannot use the self-service API");
        }
        return auth;
    }

    private static ErrorResponseException unauthorized(RealmModel realm, String error, String message) {
        Problem body = Problem.of(error, null, "portalAccess" + Character.toUpperCase(error.charAt(0)) + error.substring(1), message);
        return new ErrorResponseException(Response.status(Response.Status.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm.getName() + "\", error=\"invalid_token\"")
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
