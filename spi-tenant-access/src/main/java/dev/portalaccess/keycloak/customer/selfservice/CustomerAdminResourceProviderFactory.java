package dev.portalaccess.keycloak.customer.selfservice;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    /**
     * SPI option {@code spi-realm-restapi-extension--customer-admin--saml-metadata-allowed-hosts}: host names whose
     * SAML metadata may be fetched although they resolve to loopback/private/link-local addresses (default none).
     */
    public static final String SAML_METADATA_ALLOWED_HOSTS = "saml-metadata-allowed-hosts";

    private Set<String> samlMetadataAllowedHosts = Set.of();

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new CustomerAdminResource(session, samlMetadataAllowedHosts);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        String[] hosts = config.getArray(SAML_METADATA_ALLOWED_HOSTS);
        samlMetadataAllowedHosts = hosts == null ? Set.of() : Arrays.stream(hosts).map(String::trim)
                .filter(h -> !h.isEmpty()).map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
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
                "invitationRoleTable", "PA_INVITATION_ROLE",
                SAML_METADATA_ALLOWED_HOSTS, String.join(",", samlMetadataAllowedHosts));
    }
}
