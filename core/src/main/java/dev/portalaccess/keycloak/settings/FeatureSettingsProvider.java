package dev.portalaccess.keycloak.settings;

import org.keycloak.provider.Provider;

/** Hands out one feature's {@link FeatureSettings} (stateless; see {@link FeatureSettingsFactory}). */
public interface FeatureSettingsProvider extends Provider {

    FeatureSettings settings();

    @Override
    default void close() {
    }
}
