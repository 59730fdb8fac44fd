package dev.portalaccess.keycloak.customer.selfservice;

import dev.portalaccess.keycloak.customer.PortalBearerToken;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Who may call the self-service API: the portal's own tokens ({@link PortalBearerToken}), and the tokens of the
 * team page's public sign-in client {@value #CLIENT_ID} (created in every realm by the console module's
 * {@code TeamApiFactory}; the modules share no code, so the id is spelled in both, and the team page's browser
 * tests sign in through it). That client is deliberately not marked as a portal client: the realm's portal client
 * ({@code PortalAccessSettings.portalClient}) stays the one the invitations lead to and service accounts are issued
 * for. Its tokens get the same checks as the portal's: a valid access token of this realm (signature, expiry,
 * revocation, the user's session), of a user, not of a service account.
 * The partner team API ({@code dev.portalaccess.keycloak.partner.PartnerTeamResource}) signs its callers in here too.
 */
public final class TeamSignIn {

    /** The team page's sign-in client (console module, {@code ConsoleClient.TEAM}). */
    public static final String CLIENT_ID = "portal-access-team";

    private TeamSignIn() {
    }

    /** The caller, or 401 as {@link PortalBearerToken} answers it. */
    public static AuthResult authenticate(KeycloakSession session) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session)
                .setRealm(session.getContext().getRealm()).authenticate();
        if (isTeamPage(auth) && auth.user().getServiceAccountClientLink() == null) {
            return auth;
        }
        // every other token (and every refusal) as the portal's API answers it
        return PortalBearerToken.authenticate(session);
    }

    /** A token of the team page's client. */
    public static boolean isTeamPage(AuthResult auth) {
        return auth != null && auth.user() != null && auth.token() != null && auth.client() != null
                && CLIENT_ID.equals(auth.client().getClientId());
    }
}
