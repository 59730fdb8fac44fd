package dev.portalaccess.keycloak.customer.feature;

import java.util.Map;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/customer-features}: the feature catalog and each customer's features. */
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
        return Map.of("realmAttribute", CustomerFeatureSettings.CATALOG.key(),
                "organizationAttribute", CustomerFeatureSettings.CUSTOMER_FEATURES.key());
    }
}
