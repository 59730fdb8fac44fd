package dev.portalaccess.keycloak.denylist;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.rest.PortalAccessAdminApi;
import dev.portalaccess.keycloak.rest.PortalAccessAdminApiFactory;

/**
 * Mounts {@link DenylistAdminResource} at {@code /admin/realms/{realm}/portal-access/denylist} (same sub-paths,
 * bodies and permissions as the deprecated {@code /admin/realms/{realm}/denylist}).
 */
@AutoService(PortalAccessAdminApiFactory.class)
public final class DenylistAdminApiFactory implements PortalAccessAdminApiFactory {

    public static final String PROVIDER_ID = "denylist";

    @Override
    public PortalAccessAdminApi create(KeycloakSession session) {
        return (realm, auth, adminEvent) -> new DenylistAdminResource(session, realm, auth, adminEvent);
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
