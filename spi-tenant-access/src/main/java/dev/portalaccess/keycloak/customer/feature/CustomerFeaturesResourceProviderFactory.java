package dev.portalaccess.keycloak.customer.feature;

import java.util.Map;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.customer.role.RoleProblems;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import jakarta.ws.rs.core.Response;

/**
 * {@code /admin/realms/{realm}/customer-features}. Also validates the realm attribute
 * {@value FeatureCatalog#REALM_ATTRIBUTE} however it is written (realm update, import): an invalid catalog
 * is refused with 400.
 */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class CustomerFeaturesResourceProviderFactory
        implements AdminRealmResourceProviderFactory, AdminRealmResourceProvider, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "customer-features";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public Object getResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new CustomerFeaturesResource(session, realm, auth, adminEvent);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof RealmModel.RealmAttributeUpdateEvent update
                    && FeatureCatalog.REALM_ATTRIBUTE.equals(update.getAttributeName())) {
                try {
                    FeatureCatalog.parse(update.getAttributeValue());
                } catch (FeatureCatalog.InvalidFeatureCatalogException e) {
                    throw RoleProblems.problem(update.getKeycloakSession(), Response.Status.BAD_REQUEST,
                            "attributes." + FeatureCatalog.REALM_ATTRIBUTE, e.error(), e.getMessage(), null);
                }
            }
        });
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
        return Map.of("realmAttribute", FeatureCatalog.REALM_ATTRIBUTE,
                "organizationAttribute", CustomerFeatures.ORGANIZATION_ATTRIBUTE);
    }
}
