package dev.portalaccess.keycloak.denylist;

import com.google.auto.service.AutoService;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;

/** Makes {@link DenylistSettings} known to core (schema endpoint). */
@AutoService(FeatureSettingsFactory.class)
public final class DenylistSettingsFactory implements FeatureSettingsFactory {

    public static final String PROVIDER_ID = DenylistSettings.FEATURE;

    @Override
    public FeatureSettings settings() {
        return DenylistSettings.INSTANCE;
    }
}
