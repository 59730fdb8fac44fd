package dev.portalaccess.keycloak.profile;

import com.google.auto.service.AutoService;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The rules a new or changed email must pass ({@link EmailChangeRule}); every provider of this SPI is asked. */
@AutoService(Spi.class)
public final class EmailChangeRuleSpi implements Spi {

    public static final String NAME = "portalaccess-email-change-rule";

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
        return EmailChangeRule.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return EmailChangeRuleFactory.class;
    }
}
