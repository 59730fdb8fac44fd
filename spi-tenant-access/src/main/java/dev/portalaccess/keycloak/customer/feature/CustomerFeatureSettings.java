package dev.portalaccess.keycloak.customer.feature;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;
import dev.portalaccess.keycloak.settings.InvalidSettingValue;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingType;

/**
 * Per-customer features: the realm's catalogue (a JSON realm attribute, {@link FeatureCatalog}) and each customer's
 * enabled features (an organization attribute, one value per feature; {@value #NONE} alone means "none", absent
 * means the realm's defaults).
 */
public final class CustomerFeatureSettings implements FeatureSettings {

    public static final String FEATURE = "customerFeatures";

    /** Stored when every feature is off, to tell "none" from "never set" (not a valid feature name). */
    public static final String NONE = "-";

    /** A feature catalogue: the JSON array {@link FeatureCatalog#parse} reads; stored as {@link FeatureCatalog#toJson}. */
    public static final SettingType<FeatureCatalog> FEATURE_CATALOG = new SettingType<>() {
        @Override
        public String name() {
            return "featureCatalog";
        }

        @Override
        public FeatureCatalog parse(String raw) throws InvalidSettingValue {
            try {
                return FeatureCatalog.parse(raw);
            } catch (FeatureCatalog.InvalidFeatureCatalogException e) {
                throw new InvalidSettingValue(e.error(), "portalAccessFeatureCatalogInvalid", e.getMessage());
            }
        }

        @Override
        public String write(FeatureCatalog value) {
            return value.toJson();
        }
    };

    /** A feature name ({@code [a-z][a-z0-9_-]*}), or {@value #NONE}. */
    public static final SettingType<String> FEATURE_NAME = new SettingType<>() {
        @Override
        public String name() {
            return "featureName";
        }

        @Override
        public String parse(String raw) throws InvalidSettingValue {
            String v = raw == null ? "" : raw.trim();
            if (v.equals(NONE) || FeatureCatalog.NAME.matcher(v).matches()) {
                return v;
            }
            throw new InvalidSettingValue("invalidFeature", "portalAccessFeatureUnknown",
                    "'" + raw + "' is not a feature name (lower-case letters, digits, '-' or '_', starting with a letter).");
        }

        @Override
        public String write(String value) {
            return value;
        }
    };

    public static final Setting<FeatureCatalog> CATALOG = Setting.single(FEATURE, "catalog", "portalaccess.features",
            SettingScope.REALM_ATTRIBUTE, FEATURE_CATALOG, FeatureCatalog.empty(), "Feature catalogue",
            "The realm's features: name, label, on for new customers, and which features each requires.");

    public static final Setting<String> CUSTOMER_FEATURES = Setting.multiple(FEATURE, "features", "portalaccess.features",
            SettingScope.ORGANIZATION_ATTRIBUTE, FEATURE_NAME, "Features",
            "The customer's enabled features, with what they require. Never set: the catalogue's defaults.");

    private static final CustomerFeatureSettings INSTANCE = new CustomerFeatureSettings();

    private CustomerFeatureSettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Customer features";
    }

    @Override
    public String help() {
        return "The realm's feature catalogue and the features enabled per customer (token claim 'customers').";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(CATALOG, CUSTOMER_FEATURES);
    }

    /** The realm's catalogue; an invalid stored one (written around the validation) reads as empty and is logged. */
    public static FeatureCatalog catalog(RealmModel realm) {
        return CATALOG.read(realm);
    }

    @AutoService(FeatureSettingsFactory.class)
    public static final class Factory implements FeatureSettingsFactory {
        @Override
        public FeatureSettings settings() {
            return INSTANCE;
        }
    }
}
