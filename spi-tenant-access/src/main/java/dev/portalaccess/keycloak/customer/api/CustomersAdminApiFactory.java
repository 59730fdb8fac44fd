package dev.portalaccess.keycloak.customer.api;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.rest.PortalAccessAdminApi;
import dev.portalaccess.keycloak.rest.PortalAccessAdminApiFactory;

/** {@code /admin/realms/{realm}/portal-access/customers} ({@link CustomersResource}). */
@AutoService(PortalAccessAdminApiFactory.class)
public final class CustomersAdminApiFactory implements PortalAccessAdminApiFactory {

    public static final String PROVIDER_ID = "customers";

    @Override
    public PortalAccessAdminApi create(KeycloakSession session) {
        return new PortalAccessAdminApi() {
            @Override
            public Object resource(RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
                session.getContext().setRealm(realm);
                return new CustomersResource(session, realm, auth, adminEvent);
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
