package dev.portalaccess.keycloak.rest;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of the realm root's sub-resources ({@link PortalAccessRealmApi}). */
@AutoService(Spi.class)
public final class PortalAccessRealmApiSpi implements Spi {

    public static final String NAME = "portal-access-realm-api";

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
        return PortalAccessRealmApi.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PortalAccessRealmApiFactory.class;
    }
}
