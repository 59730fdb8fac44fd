package dev.portalaccess.keycloak.registration;

import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.OAuth2Constants;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.transaction.RequestContextHelper;

/**
 * Why Keycloak is importing a directory user right now. Keycloak's LDAP provider imports a directory user
 * whenever anything looks them up (a sign-in, an admin's user search, a sync); only a sign-in is a
 * registration attempt that should be answered with the reason, everything else must just not see the user.
 */
enum DirectoryImportContext {
    /** A login page flow (browser sign-in, reset password, first broker login): an authentication session is active. */
    BROWSER_LOGIN,
    /** The token endpoint (password grant and other grants that look a user up). */
    TOKEN_ENDPOINT,
    /** A job outside an HTTP request, such as a user sync (Keycloak runs each synced user in its own transaction). */
    BACKGROUND_JOB,
    /** Any other HTTP request: an admin's user search or lookup, a REST call. */
    OTHER_REQUEST;

    private static final String TOKEN_PATH = "/protocol/openid-connect/token";

    static DirectoryImportContext of(KeycloakSession session) {
        // a job session carries the task's name instead of the request's: Keycloak's runJobInTransaction sets it
        String info = RequestContextHelper.getContext(session).getContextInfo();
        if (info == null || !info.startsWith("HTTP ")) {
            return BACKGROUND_JOB;
        }
        // the token endpoint runs its grants with an authentication session too: ask it first
        HttpRequest request = session.getContext().getHttpRequest();
        if (request != null && request.getUri() != null && request.getUri().getPath().endsWith(TOKEN_PATH)) {
            MultivaluedMap<String, String> form = request.getDecodedFormParameters();
            if (form != null && form.getFirst(OAuth2Constants.GRANT_TYPE) != null) {
                return TOKEN_ENDPOINT;
            }
        }
        if (session.getContext().getAuthenticationSession() != null) {
            return BROWSER_LOGIN;
        }
        return OTHER_REQUEST;
    }
}
