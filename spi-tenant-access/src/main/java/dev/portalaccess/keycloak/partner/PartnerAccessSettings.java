package dev.portalaccess.keycloak.partner;

import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;
import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * Partner access: every key it reads, in one place (realm attributes for the realm's switch, staff group and portal
 * URL; organization attributes per tenant). The set-based queries of {@link PartnerAccessStore} match the canonical
 * stored form ({@link #AUTO_ADD}{@code .write(true)}), which is the only form a write stores: raw organization
 * attribute writes are canonicalised by {@link PartnerAccess#autoAddWritten}.
 */
public final class PartnerAccessSettings implements FeatureSettings {

    public static final String FEATURE = "partnerAccess";
    public static final String DEFAULT_STAFF_GROUP = "partner-staff";
    public static final String DEFAULT_ADMIN_GROUP = "partner-admins";

    public static final Setting<Boolean> ENABLED = Setting.single(FEATURE, "enabled", "portalaccess.partner.enabled",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.FLAG, false, "Partner access",
            "Partner staff (members of the staff group) get access to customer tenants, one by one or automatically.");

    public static final Setting<String> STAFF_GROUP = Setting.single(FEATURE, "staffGroup", "portalaccess.partner.staffGroup",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.TEXT, DEFAULT_STAFF_GROUP, "Partner staff group",
            "The name of the top-level group whose members are the partner staff.");

    /** A group, like the staff: granted in the same place, carried by realm export and import, no realm-management role. */
    public static final Setting<String> ADMIN_GROUP = Setting.single(FEATURE, "adminGroup", "portalaccess.partner.adminGroup",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.TEXT, DEFAULT_ADMIN_GROUP, "Partner administrators group",
            "The name of the top-level group whose members manage tenant access of every tenant of this realm on the team page.");

    public static final Setting<String> PORTAL_URL = Setting.single(FEATURE, "portalUrl", "portalaccess.partner.portalUrl",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.URL, null, "Partner portal URL",
            "Where an invited user with an account signs in before accepting. Empty: the realm's account console.");

    public static final Setting<Boolean> AUTO_ADD = Setting.single(FEATURE, "autoAdd", "portalaccess.partner.autoAdd",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, false, "Automatically add partner users",
            "Every partner user has access to this tenant; single removals are refused while it is on.");

    public static final Setting<String> SEED_INVITATIONS = Setting.multiple(FEATURE, "seedInvitations",
            "portalaccess.partner.seedInvitations", SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.EMAIL,
            "Seeded invitations", "Addresses that get a pending invitation to the tenant when the realm is created or "
                    + "imported (a realm export cannot carry invitations).");

    private static final PartnerAccessSettings INSTANCE = new PartnerAccessSettings();

    private PartnerAccessSettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Partner access";
    }

    @Override
    public String help() {
        return "Partner staff access to customer tenants.";
    }

    /** Core's organization decorator and the domain restriction read this through core ({@link SharedSetting}). */
    @Override
    public Map<SharedSetting, Setting<?>> shared() {
        return Map.of(SharedSetting.ACCESS_ONLY_MEMBERSHIP, ENABLED);
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(ENABLED, STAFF_GROUP, ADMIN_GROUP, PORTAL_URL, AUTO_ADD, SEED_INVITATIONS);
    }

    @AutoService(FeatureSettingsFactory.class)
    public static final class Factory implements FeatureSettingsFactory {
        @Override
        public FeatureSettings settings() {
            return INSTANCE;
        }
    }
}
