package dev.portalaccess.keycloak.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * Every feature's settings on this server (the {@link FeatureSettingsFactory}s deployed), for the schema endpoint
 * and for raw attribute writes (admin console Attributes tab, admin REST, realm import), which must be validated
 * and stored canonically exactly as the typed API does.
 */
public final class SettingsCatalog {

    private final List<FeatureSettings> features;

    private SettingsCatalog(List<FeatureSettings> features) {
        this.features = features;
    }

    public static SettingsCatalog of(KeycloakSessionFactory factory) {
        return new SettingsCatalog(factory.getProviderFactoriesStream(FeatureSettingsProvider.class)
                .map(f -> ((FeatureSettingsFactory) f).settings())
                .sorted(Comparator.comparing(FeatureSettings::id))
                .toList());
    }

    public static SettingsCatalog of(List<FeatureSettings> features) {
        return new SettingsCatalog(List.copyOf(features));
    }

    public List<FeatureSettings> features() {
        return features;
    }

    public Optional<Setting<?>> byKey(SettingScope scope, String key) {
        return features.stream().flatMap(f -> f.settings().stream())
                .filter(s -> s.scope() == scope && s.key().equals(key)).findFirst();
    }

    /**
     * The setting a deployed feature declares for {@code meaning} (none when the owning feature is not deployed).
     * A declaration of the wrong scope, or not among the feature's own settings, is a programming error.
     */
    public Optional<Setting<?>> shared(SharedSetting meaning) {
        for (FeatureSettings feature : features) {
            Setting<?> setting = feature.shared().get(meaning);
            if (setting == null) {
                continue;
            }
            if (setting.scope() != meaning.scope() || !feature.settings().contains(setting)) {
                throw new IllegalStateException(feature.id() + " declares " + meaning + " as " + setting.key()
                        + ", which is not one of its " + meaning.scope() + " settings");
            }
            return Optional.of(setting);
        }
        return Optional.empty();
    }

    /**
     * Validates the project's keys among raw attributes and answers them with every project value in canonical form
     * (other attributes unchanged), or throws with every violation (field = the attribute name).
     */
    public Map<String, List<String>> canonicalAttributes(SettingScope scope, Map<String, List<String>> attributes)
            throws SettingsViolations {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<Problem> violations = new ArrayList<>();
        if (attributes == null) {
            return out;
        }
        for (Map.Entry<String, List<String>> e : attributes.entrySet()) {
            Optional<Setting<?>> setting = byKey(scope, e.getKey());
            if (setting.isEmpty()) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            try {
                out.put(e.getKey(), setting.get().canonical(e.getValue(), e.getKey()));
            } catch (SettingViolation v) {
                violations.add(v.problem());
            }
        }
        if (!violations.isEmpty()) {
            throw new SettingsViolations(violations);
        }
        return out;
    }
}
