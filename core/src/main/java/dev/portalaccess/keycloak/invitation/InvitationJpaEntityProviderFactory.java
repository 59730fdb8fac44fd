package dev.portalaccess.keycloak.invitation;

import java.util.Map;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Registers the invitation-role table ({@code PA_INVITATION_ROLE}) with Keycloak's JPA persistence unit. The server
 * info names the table and its current row count (operators see roles left without invitation: there can be none).
 */
@AutoService(JpaEntityProviderFactory.class)
public final class InvitationJpaEntityProviderFactory implements JpaEntityProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "portal-access-invitation";

    private static final JpaEntityProvider PROVIDER = new InvitationJpaEntityProvider();

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
    }

    private KeycloakSessionFactory factory;

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        String rows;
        try {
            Long count = KeycloakModelUtils.runJobInTransactionWithResult(factory, session ->
                    session.getProvider(JpaConnectionProvider.class).getEntityManager()
                            .createQuery("select count(r) from InvitationRoleEntity r", Long.class).getSingleResult());
            rows = String.valueOf(count);
        } catch (RuntimeException e) {
            rows = "unknown: " + e.getMessage();
        }
        return Map.of("table", "PA_INVITATION_ROLE", "rows", rows);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
