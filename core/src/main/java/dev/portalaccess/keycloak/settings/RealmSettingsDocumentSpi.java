package dev.portalaccess.keycloak.settings;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of the realm policy documents ({@link RealmSettingsDocumentFactory}). */
@AutoService(Spi.class)
public final class RealmSettingsDocumentSpi implements Spi {

    public static final String NAME = "portal-access-realm-settings";

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
        return RealmSettingsDocument.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RealmSettingsDocumentFactory.class;
    }
}
