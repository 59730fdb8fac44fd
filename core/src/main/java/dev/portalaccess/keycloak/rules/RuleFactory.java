package dev.portalaccess.keycloak.rules;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;

/**
 * Registers the listeners of one {@link Rule} (SPI {@value RuleSpi#NAME}), apart from any REST resource: switching
 * an endpoint off ({@code --spi-realm-restapi-extension--<id>--enabled=false}) never switches an invariant off.
 * Keycloak's server info lists every rule with the version of the JAR it comes from and what it guards.
 */
public interface RuleFactory extends ProviderFactory<Rule>, Rule, ServerInfoAwareProviderFactory {

    /** One sentence: what the rule guards, on which paths. */
    String guards();

    /** Registers the rule's listeners ({@code factory.register(...)}) once per server start. */
    void register(KeycloakSessionFactory factory);

    @Override
    default Rule create(KeycloakSession session) {
        return this;
    }

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        register(factory);
    }

    @Override
    default void close() {
    }

    @Override
    default Map<String, String> getOperationalInfo() {
        Map<String, String> info = new LinkedHashMap<>();
        String version = getClass().getPackage().getImplementationVersion();
        info.put("version", version == null ? "development build" : version);
        info.put("guards", guards());
        return info;
    }
}
