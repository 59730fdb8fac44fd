package dev.portalaccess.keycloak.denylist;

import java.util.List;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * The denylist's one setting: the seed a realm export ships. The list itself is the table
 * {@code PA_DENYLIST_ENTRY}, edited through the denylist admin API; the only place this attribute name is spelled.
 */
public final class DenylistSettings implements FeatureSettings {

    public static final String FEATURE = "denylist";

    /**
     * Entries (separated by new lines or commas, {@code #} starts a comment line) loaded into the denylist when the
     * realm is created or imported. Read once, at creation; entries that are not rules are skipped and logged.
     */
    public static final Setting<String> SEED = Setting.single(FEATURE, "seed", "portalaccess.denylist.seed",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.TEXT, null, "Entries loaded when the realm is created",
            "One entry per line or comma-separated (acme.com, *.acme.com, a@acme.com); lines starting with # are"
                    + " comments. Read once, when the realm is created or imported: a realm export ships its sample"
                    + " list this way. Later edits go through the denylist itself.");

    static final DenylistSettings INSTANCE = new DenylistSettings();

    private DenylistSettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Email denylist";
    }

    @Override
    public String help() {
        return "Addresses and domains that may not register, be invited or change their email to.";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(SEED);
    }
}
