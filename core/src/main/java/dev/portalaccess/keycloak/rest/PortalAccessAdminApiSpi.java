package dev.portalaccess.keycloak.rest;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of the admin root's sub-resources ({@link PortalAccessAdminApi}). */
@AutoService(Spi.class)
public final class PortalAccessAdminApiSpi implements Spi {

    public static final String NAME = "portal-access-admin-api";

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
        return PortalAccessAdminApi.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PortalAccessAdminApiFactory.class;
    }
}
