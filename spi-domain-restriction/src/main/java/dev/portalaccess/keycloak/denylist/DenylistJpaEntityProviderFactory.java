package dev.portalaccess.keycloak.denylist;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the denylist table with Keycloak's JPA persistence unit. */
@AutoService(JpaEntityProviderFactory.class)
public final class DenylistJpaEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "portalaccess-denylist";

    private static final JpaEntityProvider PROVIDER = new DenylistJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
