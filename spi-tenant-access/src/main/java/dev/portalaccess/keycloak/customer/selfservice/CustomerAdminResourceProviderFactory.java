package dev.portalaccess.keycloak.customer.selfservice;

import java.util.Map;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.customer.role.CustomerRoleListener;
import dev.portalaccess.keycloak.customer.role.CustomerRoles;
import dev.portalaccess.keycloak.customer.role.CustomerRolesSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code /realms/{realm}/customer-admin}: customer self-service. Its {@link #postInit} also registers the
 * {@link CustomerRoleListener} that enforces customer roles on every membership path.
 */
@AutoService(RealmResourceProviderFactory.class)
public final class CustomerAdminResourceProviderFactory implements RealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "customer-admin";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new CustomerAdminResource(session);
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
        factory.register(new CustomerRoleListener(factory));
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
        return Map.of("realmAttribute", CustomerRolesSettings.ENABLED.key(),
                "invitationRoleAttribute", CustomerRoles.INVITATION_ATTRIBUTE_PREFIX + "<invitationId>" + CustomerRoles.INVITATION_ATTRIBUTE_SUFFIX);
    }
}
