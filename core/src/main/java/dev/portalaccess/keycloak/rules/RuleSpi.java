package dev.portalaccess.keycloak.rules;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI of the project's rules ({@link RuleFactory}): each registered by its own factory, listed in the server info. */
@AutoService(Spi.class)
public final class RuleSpi implements Spi {

    public static final String NAME = "portal-access-rule";

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
        return Rule.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return RuleFactory.class;
    }
}
