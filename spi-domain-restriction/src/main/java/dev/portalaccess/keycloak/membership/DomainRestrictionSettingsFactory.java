package dev.portalaccess.keycloak.membership;

import com.google.auto.service.AutoService;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;

/** Makes {@link DomainRestrictionSettings} known to core (schema endpoint, validation of raw attribute writes). */
@AutoService(FeatureSettingsFactory.class)
public final class DomainRestrictionSettingsFactory implements FeatureSettingsFactory {

    public static final String PROVIDER_ID = DomainRestrictionSettings.FEATURE;

    @Override
    public FeatureSettings settings() {
        return DomainRestrictionSettings.INSTANCE;
    }
}
