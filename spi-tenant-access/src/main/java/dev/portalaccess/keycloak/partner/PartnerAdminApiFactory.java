package dev.portalaccess.keycloak.partner;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.rest.PortalAccessAdminApi;
import dev.portalaccess.keycloak.rest.PortalAccessAdminApiFactory;

/**
 * {@code /admin/realms/{realm}/portal-access/partner}: the partner admin resource ({@link PartnerAccessResource}) at the
 * project's admin root, same sub-paths and bodies as the deprecated {@code /admin/realms/{realm}/partner-access}.
 */
@AutoService(PortalAccessAdminApiFactory.class)
public final class PartnerAdminApiFactory implements PortalAccessAdminApiFactory {

    public static final String PROVIDER_ID = "partner";

    @Override
    public PortalAccessAdminApi create(KeycloakSession session) {
        return new PortalAccessAdminApi() {
            @Override
            public Object resource(RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
                return new PartnerAccessResource(session, realm, auth, adminEvent);
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
