package dev.portalaccess.keycloak.settings;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/** Registers a {@link CustomerSettingsSection}; {@link #getId()} is its name. A factory is its own (stateless) provider. */
public interface CustomerSettingsSectionFactory extends ProviderFactory<CustomerSettingsSection>, CustomerSettingsSection {

    @Override
    default CustomerSettingsSection create(KeycloakSession session) {
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
}
