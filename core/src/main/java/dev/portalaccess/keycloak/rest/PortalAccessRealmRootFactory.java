package dev.portalaccess.keycloak.rest;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/{realm}/portal-access}: the project's realm root ({@link PortalAccessRealmRoot}). */
@AutoService(RealmResourceProviderFactory.class)
public final class PortalAccessRealmRootFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "portal-access";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new PortalAccessRealmRoot(session);
            }

            @Override
            public void close() {
            }
        };
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
