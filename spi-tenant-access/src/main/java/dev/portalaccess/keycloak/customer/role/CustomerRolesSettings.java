package dev.portalaccess.keycloak.customer.role;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;

/** Customer roles: the realm switch (the roles themselves are organization groups, see {@link CustomerRoles}). */
public final class CustomerRolesSettings implements FeatureSettings {

    public static final String FEATURE = "customerRoles";

    public static final Setting<Boolean> ENABLED = Setting.single(FEATURE, "enabled", "portalaccess.roles.enabled",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.FLAG, false, "Customer roles",
            "Gives every customer the roles Administrator, User and Viewer and turns the customer self-service API on. "
                    + "Switching it on creates the role groups of every customer.");

    private static final CustomerRolesSettings INSTANCE = new CustomerRolesSettings();

    private CustomerRolesSettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Customer roles";
    }

    @Override
    public String help() {
        return "Administrator, User and Viewer per customer; the customer self-service API.";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(ENABLED);
    }

    /** Roles on in the realm (and organizations enabled, which they are built on). */
    public static boolean enabled(RealmModel realm) {
        return realm != null && realm.isOrganizationsEnabled() && ENABLED.read(realm);
    }

    @AutoService(FeatureSettingsFactory.class)
    public static final class Factory implements FeatureSettingsFactory {
        @Override
        public FeatureSettings settings() {
            return INSTANCE;
        }
    }
}
