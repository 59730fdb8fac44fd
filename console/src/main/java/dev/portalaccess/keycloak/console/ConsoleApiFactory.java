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
 * {@code /realms/{realm}/portal-access/console/}: the Portal Access console of each realm
 * ({@link ConsoleResource}). Also registers the {@link ConsoleClientProvisioner} that gives every realm the
 * console's sign-in client: the client belongs to the console, so switching this provider off
 * ({@code --spi-portal-access-realm-api--console--enabled=false}) stops both.
 */
@AutoService(PortalAccessRealmApiFactory.class)
public final class ConsoleApiFactory implements PortalAccessRealmApiFactory, ServerInfoAwareProviderFactory {

    /** The path segment below the realm root {@code /realms/{realm}/portal-access/}. */
    public static final String PROVIDER_ID = "console";

    static final String URL_PATTERN = "/realms/{realm}/portal-access/" + PROVIDER_ID + "/";

    private static final Logger LOG = Logger.getLogger(ConsoleApiFactory.class);

    private ConsoleApp app;

    @Override
    public PortalAccessRealmApi create(KeycloakSession session) {
        ConsoleApp loaded = app;
        return s -> new ConsoleResource(s, loaded);
    }

    @Override
    public void init(Config.Scope config) {
        app = ConsoleApp.load(ConsoleApiFactory.class.getClassLoader());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ConsoleClientProvisioner(factory, ConsoleClient.CONSOLE));
        LOG.infof("Portal Access console: %s on this server (master-realm admins: /realms/%s/%s/%s/), sign-in client %s",
                URL_PATTERN, Config.getAdminRealm(), "portal-access", PROVIDER_ID, ConsoleClient.CLIENT_ID);
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
        return Map.of("consoleUrl", URL_PATTERN, "clientId", ConsoleClient.CLIENT_ID);
    }
}
