package dev.portalaccess.keycloak.customer.selfservice;

import java.util.Map;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.customer.role.CustomerRolesSettings;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * {@code /realms/{realm}/customer-admin}: customer self-service. The customer-role rules it relies on are
 * registered by {@link dev.portalaccess.keycloak.customer.role.CustomerRolesRuleFactory}.
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
        // the role rules are registered by CustomerRolesRuleFactory: switching this endpoint off keeps them
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
                "invitationRoleTable", "PA_INVITATION_ROLE");
    }
}
