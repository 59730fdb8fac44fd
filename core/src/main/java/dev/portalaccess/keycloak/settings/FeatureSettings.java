package dev.portalaccess.keycloak.settings;

import java.util.List;

/**
 * The settings of one feature, declared in one class of the feature's module (e.g. {@code DomainRestrictionSettings}):
 * its id, the English label and help the console shows, and every {@link Setting} it reads. The feature's
 * module makes it known to core with a {@link FeatureSettingsFactory}, so the schema endpoint and the validation of
 * raw attribute writes cover it.
 */
public interface FeatureSettings {

    String id();

    String label();

    String help();

    List<Setting<?>> settings();

    /**
     * The settings of this feature whose meaning other modules need ({@link SharedSetting}); each must be one of
     * {@link #settings()} and of the scope the meaning has.
     */
    default java.util.Map<SharedSetting, Setting<?>> shared() {
        return java.util.Map.of();
    }

    /** The setting stored under {@code key}, if this feature declares one. */
    default java.util.Optional<Setting<?>> byKey(String key) {
        return settings().stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
