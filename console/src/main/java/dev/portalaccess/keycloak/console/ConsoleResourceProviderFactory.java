package dev.portalaccess.keycloak.console;

import java.util.Map;

import com.google.auto.service.AutoService;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code /realms/{realm}/portal-access}: the Portal Access console of each realm at {@code console/}
 * ({@link ConsoleResource}). Also registers the {@link ConsoleClientProvisioner} that gives every realm the
 * console's sign-in client: the client belongs to the console, so switching this provider off
 * ({@code --spi-realm-restapi-extension--portal-access--enabled=false}) stops both.
 */
@AutoService(RealmResourceProviderFactory.class)
public final class ConsoleResourceProviderFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "portal-access";

    static final String URL_PATTERN = "/realms/{realm}/" + PROVIDER_ID + "/" + ConsoleResource.CONSOLE_PATH + "/";

    private static final Logger LOG = Logger.getLogger(ConsoleResourceProviderFactory.class);

    private ConsoleApp app;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        ConsoleApp loaded = app;
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ConsoleResource(session, loaded);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        app = ConsoleApp.load(ConsoleResourceProviderFactory.class.getClassLoader());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new ConsoleClientProvisioner(factory));
        LOG.infof("Portal Access console: %s on this server (master-realm admins: /realms/%s/%s/%s/), sign-in client %s",
                URL_PATTERN, Config.getAdminRealm(), PROVIDER_ID, ConsoleResource.CONSOLE_PATH, ConsoleClient.CLIENT_ID);
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
