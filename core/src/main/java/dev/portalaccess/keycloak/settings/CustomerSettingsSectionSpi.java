package dev.portalaccess.keycloak.settings;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of the sections of a customer settings document ({@link CustomerSettingsSectionFactory}). */
@AutoService(Spi.class)
public final class CustomerSettingsSectionSpi implements Spi {

    public static final String NAME = "portal-access-customer-settings";

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
        return CustomerSettingsSection.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return CustomerSettingsSectionFactory.class;
    }
}
