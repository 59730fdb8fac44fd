package dev.portalaccess.keycloak.settings;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI through which each feature declares its settings ({@link FeatureSettingsFactory}). */
@AutoService(Spi.class)
public final class FeatureSettingsSpi implements Spi {

    public static final String NAME = "portal-access-settings";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return FeatureSettingsProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return FeatureSettingsFactory.class;
    }
}
