package dev.portalaccess.keycloak.console;

import java.util.Map;

import com.google.auto.service.AutoService;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

import dev.portalaccess.keycloak.rest.PortalAccessRealmApi;
import dev.portalaccess.keycloak.rest.PortalAccessRealmApiFactory;

/**
 * {@code /realms/{realm}/portal-access/team/}: the team page of each realm, where a customer's own
 * Administrators run their team and a partner realm's partner administrators manage tenant access, signed in
 * with the realm's own users (no admin-console account). The second entry ({@code team.html}) of the console's
 * build, served like the console ({@link ConsoleResource}: same security headers and CSP), signing in through
 * its own public client {@link ConsoleClient#TEAM}; {@code config.json} adds the self-service API and the
 * realm's login theme ({@link TeamTheme}). Switching it off ({@code --spi-portal-access-realm-api--team--enabled=false})
 * also stops creating the client.
 */
@AutoService(PortalAccessRealmApiFactory.class)
public final class TeamApiFactory implements PortalAccessRealmApiFactory, ServerInfoAwareProviderFactory {

    /** The path segment below the realm root {@code /realms/{realm}/portal-access/}. */
    public static final String PROVIDER_ID = "team";

    static final String URL_PATTERN = "/realms/{realm}/portal-access/" + PROVIDER_ID + "/";

    private static final Logger LOG = Logger.getLogger(TeamApiFactory.class);

    private ConsoleApp app;

    @Override
    public PortalAccessRealmApi create(KeycloakSession session) {
        ConsoleApp loaded = app;
        return s -> new ConsoleResource(s, loaded, PROVIDER_ID, ConsoleClient.TEAM, TeamTheme::addTo);
    }

    @Override
    public void init(Config.Scope config) {
        app = ConsoleApp.load(TeamApiFactory.class.getClassLoader(), "team.html");
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ConsoleClientProvisioner(factory, ConsoleClient.TEAM));
        LOG.infof("Portal Access team page: %s on this server, sign-in client %s", URL_PATTERN, ConsoleClient.TEAM.clientId());
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return Map.of("teamUrl", URL_PATTERN, "clientId", ConsoleClient.TEAM.clientId());
    }
}
