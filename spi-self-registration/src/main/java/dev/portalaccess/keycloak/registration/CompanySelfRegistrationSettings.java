package dev.portalaccess.keycloak.registration;

import java.util.List;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * The organization attributes that make an organization a company open to self-registration (COMPANIES mode).
 * Its accepted domains are the organization's own domains. The only place these attribute names are spelled.
 */
public final class CompanySelfRegistrationSettings implements FeatureSettings {

    public static final String FEATURE = "companySelfRegistration";

    public static final Setting<Boolean> PERMITTED = Setting.single(FEATURE, "permitted",
            "portalaccess.selfRegistration.permitted", SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, false,
            "Permitted company",
            "In COMPANIES mode, employees of this company (addresses within its domains) may register themselves."
                    + " A disabled organization is never permitted.");

    public static final Setting<List<RegistrationMethod>> METHODS = Setting.multiple(FEATURE, "methods",
            "portalaccess.selfRegistration.methods", SettingScope.ORGANIZATION_ATTRIBUTE, RegistrationSettingTypes.METHODS,
            "Registration methods",
            "portal, identityProvider, email (one per value or comma-separated). directory is not offered per company.");

    public static final Setting<List<String>> SERVICES = Setting.multiple(FEATURE, "services",
            "portalaccess.selfRegistration.services", SettingScope.ORGANIZATION_ATTRIBUTE, RegistrationSettingTypes.SERVICES,
            "Services", "Granted to its employees once their address is verified: role:<realm role> or group:<group path>.");

    public static final Setting<Boolean> GRANT_PORTAL_ACCESS = Setting.single(FEATURE, "grantPortalAccess",
            "portalaccess.selfRegistration.grantPortalAccess", SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG,
            false, "Grant portal access to email registrants",
            "Email self-registration of its employees also sends the invitation email to set a password and sign in.");

    static final CompanySelfRegistrationSettings INSTANCE = new CompanySelfRegistrationSettings();

    private CompanySelfRegistrationSettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Company self-registration";
    }

    @Override
    public String help() {
        return "A company (organization) whose employees may register themselves, how, and with which services.";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(PERMITTED, METHODS, SERVICES, GRANT_PORTAL_ACCESS);
    }
}
