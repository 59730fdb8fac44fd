package dev.portalaccess.keycloak.profile;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Factory of an {@link EmailChangeRule}; rules need no configuration, so the life-cycle methods default to nothing. */
public interface EmailChangeRuleFactory extends ProviderFactory<EmailChangeRule> {

    @Override
    default void init(Config.Scope config) {
        // no configuration
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    default void close() {
        // stateless
    }
}
