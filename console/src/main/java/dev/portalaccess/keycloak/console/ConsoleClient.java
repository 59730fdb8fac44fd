package dev.portalaccess.keycloak.console;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.common.util.Encode;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.ProtocolMapperUtils;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolFactory;

/**
 * The console's sign-in client, set up like Keycloak's own {@code security-admin-console}
 * ({@code RealmManager.setupAdminConsole}): public, authorization code flow only with PKCE S256, redirect and
 * post-logout URIs limited to the realm's console path, web origins from those, full scope (the admin REST API
 * checks the user's roles and the client's scope, not the token's claims) and lightweight access tokens (no
 * roles or audiences in the token, so a token of this public client is worth nothing to other services), the
 * realm's default OpenID Connect client scopes and the locale mapper.
 *
 * <p>{@link #TEAM} is the team page's client, set up the same way but without full scope: the page calls only
 * the customer self-service and partner APIs, which read the user from the token's session, not roles.
 */
final class ConsoleClient {

    static final String CLIENT_ID = "portal-access-console";

    /** The console: full scope (admin REST checks the client's scope of the user's admin roles). */
    static final ConsoleClient CONSOLE = new ConsoleClient(CLIENT_ID, ConsoleResource.CONSOLE_PATH, "Portal Access console", true);

    /**
     * The team page's client. The customer self-service API accepts its tokens by this client id
     * (spi-tenant-access {@code TeamSignIn.CLIENT_ID}: the two modules share no code, an IT signs in through it).
     */
    static final ConsoleClient TEAM = new ConsoleClient("portal-access-team", TeamApiFactory.PROVIDER_ID, "Portal Access team", false);

    private final String clientId;
    private final String segment;
    private final String name;
    private final boolean fullScope;

    private ConsoleClient(String clientId, String segment, String name, boolean fullScope) {
        this.clientId = clientId;
        this.segment = segment;
        this.name = name;
        this.fullScope = fullScope;
    }

    String clientId() {
        return clientId;
    }

    /** The console path relative to the server root, as the client's base URL and redirect URI use it. */
    static String consolePath(RealmModel realm) {
        return CONSOLE.path(realm);
    }

    /** The app's path relative to the server root, as the client's base URL and redirect URI use it. */
    String path(RealmModel realm) {
        return "/realms/" + Encode.encodePathAsIs(realm.getName()) + "/portal-access/" + segment + "/";
    }

    boolean exists(KeycloakSession session, RealmModel realm) {
        return session.clients().getClientByClientId(realm, clientId) != null;
    }

    /** Creates the client in {@code realm} unless it has one (whatever its settings: an admin may have changed them). */
    boolean ensure(KeycloakSession session, RealmModel realm) {
        if (exists(session, realm)) {
            return false;
        }
        create(session, realm);
        return true;
    }

    private void create(KeycloakSession session, RealmModel realm) {
        ClientModel client = KeycloakModelUtils.createPublicClient(realm, clientId);
        String path = path(realm);
        client.setName(name);
        client.setDescription("Sign-in for the " + name + " page at " + path + " (created by the portal-access-console extension)");
        client.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
        client.setEnabled(true);
        client.setAlwaysDisplayInConsole(false);
        client.setPublicClient(true);
        client.setStandardFlowEnabled(true);
        client.setImplicitFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setAttribute("oauth2.device.authorization.grant.enabled", "false");
        client.setAttribute("oidc.ciba.grant.enabled", "false");
        client.setFullScopeAllowed(fullScope);
        client.setRootUrl(Constants.AUTH_BASE_URL_PROP);
        client.setBaseUrl(path);
        client.addRedirectUri(path + "*");
        client.setAttribute(OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS, Constants.INCLUDE_REDIRECTS);
        client.setWebOrigins(Set.of(Constants.INCLUDE_REDIRECTS));
        client.setAttribute(OIDCConfigAttributes.PKCE_CODE_CHALLENGE_METHOD, "S256");
        client.setAttribute(Constants.USE_LIGHTWEIGHT_ACCESS_TOKEN_ENABLED, "true");
        addDefaultClientScopes(realm, client);
        addLocaleMapper(session, client);
    }

    // as AbstractLoginProtocolFactory.addDefaultClientScopes does for a client created through the admin API
    private static void addDefaultClientScopes(RealmModel realm, ClientModel client) {
        client.addClientScopes(oidcScopes(realm, true), true);
        client.addClientScopes(oidcScopes(realm, false), false);
    }

    private static Set<ClientScopeModel> oidcScopes(RealmModel realm, boolean defaultScope) {
        return realm.getDefaultClientScopesStream(defaultScope)
                .filter(scope -> Objects.equals(OIDCLoginProtocol.LOGIN_PROTOCOL, scope.getProtocol()))
                .collect(Collectors.toSet());
    }

    // as RealmManager.setupAdminConsoleLocaleMapper: the user's locale in the ID token even without the profile scope
    private static void addLocaleMapper(KeycloakSession session, ClientModel client) {
        if (client.getProtocolMapperByName(OIDCLoginProtocol.LOGIN_PROTOCOL, OIDCLoginProtocolFactory.LOCALE) != null) {
            return;
        }
        ProtocolMapperModel locale = ProtocolMapperUtils.findLocaleMapper(session);
        if (locale != null) {
            client.addProtocolMapper(locale);
        }
    }
}
