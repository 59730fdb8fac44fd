package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;

/** Makes {@link SelfRegistrationPolicySettings} known to core (schema endpoint). */
@AutoService(FeatureSettingsFactory.class)
public final class SelfRegistrationPolicySettingsFactory implements FeatureSettingsFactory {

    public static final String PROVIDER_ID = SelfRegistrationPolicySettings.FEATURE;

    @Override
    public FeatureSettings settings() {
        return SelfRegistrationPolicySettings.INSTANCE;
    }
}
