package dev.portalaccess.keycloak.organization;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.organization.OrganizationProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Makes {@link RestrictingOrganizationProvider} the realm's organization provider.
 *
 * <p>Keycloak picks the default provider of an SPI with several factories by the highest {@link #order()}
 * ({@code DefaultKeycloakSessionFactory.resolveDefaultProvider}, also used by the Quarkus build step).
 * Keycloak's own are {@code infinispan} (order 10, the cache, delegating to {@code jpa}) and {@code jpa}
 * (order 0). Ours has {@value #ORDER} and delegates to the highest-order other factory ({@code infinispan}),
 * so the cache keeps working; {@code --spi-organization--portal-access--delegate=<id>} overrides that.
 */
@AutoService(OrganizationProviderFactory.class)
public final class RestrictingOrganizationProviderFactory implements OrganizationProviderFactory,
        ServerInfoAwareProviderFactory {

    public static final String PROVIDER_ID = "portal-access";
    static final int ORDER = 100;
    static final String CONFIG_DELEGATE = "delegate";

    private static final Logger LOG = Logger.getLogger(RestrictingOrganizationProviderFactory.class);

    private String configuredDelegate;
    private String delegateId;

    @Override
    public OrganizationProvider create(KeycloakSession session) {
        return new RestrictingOrganizationProvider(session, session.getProvider(OrganizationProvider.class, delegateId));
    }

    @Override
    public void init(Config.Scope config) {
        configuredDelegate = config.get(CONFIG_DELEGATE);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (configuredDelegate != null && !configuredDelegate.isBlank()) {
            delegateId = configuredDelegate.trim();
        } else {
            delegateId = factory.getProviderFactoriesStream(OrganizationProvider.class)
                    .filter(f -> !PROVIDER_ID.equals(f.getId()))
                    .max(Comparator.comparingInt(ProviderFactory::order))
                    .map(ProviderFactory::getId)
                    .orElseThrow(() -> new IllegalStateException("No organization provider to decorate"));
        }
        if (PROVIDER_ID.equals(delegateId)) {
            throw new IllegalStateException(PROVIDER_ID + " cannot delegate to itself");
        }
        LOG.infof("Organization membership rules active: provider %s delegates to %s", PROVIDER_ID, delegateId);
    }

    @Override
    public int order() {
        return ORDER;
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
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(CONFIG_DELEGATE).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Organization provider to decorate; default: the highest-order other one (infinispan).")
                .add().build();
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("delegate", String.valueOf(delegateId));
        info.put("order", String.valueOf(ORDER));
        return info;
    }
}
