package dev.portalaccess.keycloak.settings;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * Makes a feature's settings known to core (SPI {@value FeatureSettingsSpi#NAME}); the id is the feature's id.
 * A factory is its own provider: settings are declarations, not state.
 */
public interface FeatureSettingsFactory extends ProviderFactory<FeatureSettingsProvider>, FeatureSettingsProvider {

    @Override
    default FeatureSettingsProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    default void init(Config.Scope config) {
    }

    @Override
    default void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    default void close() {
    }

    @Override
    default String getId() {
        return settings().id();
    }
}
