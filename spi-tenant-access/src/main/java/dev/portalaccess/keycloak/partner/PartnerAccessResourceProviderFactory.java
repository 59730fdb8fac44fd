package dev.portalaccess.keycloak.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

/**
 * Partner access to customer tenants: the admin REST API under
 * {@code /admin/realms/{realm}/partner-access}, and (registered once, in {@link #postInit}) the
 * membership listener that enforces the rules on every path. Settings are per realm (realm and
 * organization attributes, see {@link PartnerAccessConfig}); this factory has no server config.
 */
@AutoService(AdminRealmResourceProviderFactory.class)
public final class PartnerAccessResourceProviderFactory implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "partner-access";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new PartnerAccessResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
        // per-realm settings only
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new PartnerAccessListener());
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("realmAttribute.enabled", PartnerAccessSettings.ENABLED.key());
        info.put("realmAttribute.staffGroup", PartnerAccessSettings.STAFF_GROUP.key() + " (default " + PartnerAccessSettings.DEFAULT_STAFF_GROUP + ")");
        info.put("realmAttribute.portalUrl", PartnerAccessSettings.PORTAL_URL.key() + " (default: the account console)");
        info.put("organizationAttribute.autoAdd", PartnerAccessSettings.AUTO_ADD.key());
        info.put("requiredAction", TenantInvitationAction.PROVIDER_ID);
        return info;
    }
}
