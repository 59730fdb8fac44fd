package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;

/** Makes {@link CompanySelfRegistrationSettings} known to core (schema, validation of raw organization attribute writes). */
@AutoService(FeatureSettingsFactory.class)
public final class CompanySelfRegistrationSettingsFactory implements FeatureSettingsFactory {

    public static final String PROVIDER_ID = CompanySelfRegistrationSettings.FEATURE;

    @Override
    public FeatureSettings settings() {
        return CompanySelfRegistrationSettings.INSTANCE;
    }
}
