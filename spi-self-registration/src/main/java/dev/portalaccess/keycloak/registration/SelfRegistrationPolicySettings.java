package dev.portalaccess.keycloak.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.Constants;
import org.keycloak.provider.ProviderConfigProperty;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * The realm's self-registration policy: the settings of the "Self-registration policy" step of the realm's
 * registration flow (an authenticator config, so realm export carries it and the step's settings dialog edits it).
 * The dialog's fields ({@link #configProperties()}) are built from these declarations, so the keys, labels and
 * defaults are spelled once.
 */
public final class SelfRegistrationPolicySettings implements FeatureSettings {

    public static final String FEATURE = "selfRegistration";

    /** Alias under which the policy is found when it is not attached to the registration flow. */
    public static final String POLICY_CONFIG_ALIAS = "portalaccess-self-registration-policy";

    public static final Setting<SelfRegistrationMode> MODE = Setting.single(FEATURE, "mode", "mode",
            SettingScope.AUTHENTICATOR_CONFIG, RegistrationSettingTypes.MODE, SelfRegistrationMode.ANYONE,
            "Who can register",
            "NONE: no one (only admins and invitations add users; the registration link is hidden). "
                    + "ANYONE: anyone, through the methods switched on below, with the default services. "
                    + "COMPANIES: only employees of permitted companies (organizations with the attribute "
                    + CompanySelfRegistrationSettings.PERMITTED.key() + "=true), matched by the company's domains;"
                    + " methods and services are set per company. A value that is not a mode counts as NONE.");

    public static final Setting<Boolean> PORTAL = Setting.single(FEATURE, "portalRegistration", "portalRegistration",
            SettingScope.AUTHENTICATOR_CONFIG, SettingTypes.FLAG, true, "Allow portal self-registration (ANYONE)",
            "The registration form of the login pages.");

    public static final Setting<Boolean> IDENTITY_PROVIDER = Setting.single(FEATURE, "identityProviderRegistration",
            "identityProviderRegistration", SettingScope.AUTHENTICATOR_CONFIG, SettingTypes.FLAG, true,
            "Allow sign-up with an identity provider (ANYONE)",
            "First sign-in through an identity provider such as Google creates an account.");

    public static final Setting<Boolean> EMAIL = Setting.single(FEATURE, "emailRegistration", "emailRegistration",
            SettingScope.AUTHENTICATOR_CONFIG, SettingTypes.FLAG, false, "Allow email self-registration (ANYONE)",
            "The service desk's mail intake registers the sender of a first email.");

    public static final Setting<Boolean> DIRECTORY = Setting.single(FEATURE, "directoryRegistration",
            "directoryRegistration", SettingScope.AUTHENTICATOR_CONFIG, SettingTypes.FLAG, false,
            "Allow directory (AD) registration (ANYONE)",
            "A directory user's first sign-in registers them. Never offered in COMPANIES mode.");

    public static final Setting<Boolean> GRANT_PORTAL_ACCESS = Setting.single(FEATURE, "grantPortalAccess",
            "grantPortalAccess", SettingScope.AUTHENTICATOR_CONFIG, SettingTypes.FLAG, false,
            "Grant portal access to email registrants (ANYONE)",
            "Email self-registration also sends an invitation email to set a password and sign in.");

    public static final Setting<List<String>> DEFAULT_SERVICES = Setting.multiple(FEATURE, "defaultServices",
            "defaultServices", SettingScope.AUTHENTICATOR_CONFIG, RegistrationSettingTypes.SERVICES,
            "Default services (ANYONE)",
            "Granted to every self-registered user: 'role:<realm role>' or 'group:<group path>' (a bare name is a realm role).");

    public static final Setting<String> DIRECTORY_LOGIN_URL = Setting.single(FEATURE, "directoryLoginUrl",
            "directoryLoginUrl", SettingScope.AUTHENTICATOR_CONFIG, SettingTypes.URL, null,
            "Directory (AD) login URL",
            "Where the directory's users sign in (e.g. http://myhost.local:8080), kept here so admins can look it up."
                    + " Informational: no flow reads it.");

    static final SelfRegistrationPolicySettings INSTANCE = new SelfRegistrationPolicySettings();

    private static final List<Setting<?>> SETTINGS = List.of(MODE, PORTAL, IDENTITY_PROVIDER, EMAIL, DIRECTORY,
            GRANT_PORTAL_ACCESS, DEFAULT_SERVICES, DIRECTORY_LOGIN_URL);

    private SelfRegistrationPolicySettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Self-registration";
    }

    @Override
    public String help() {
        return "Who may register themselves for a portal (no one, anyone, or employees of permitted companies),"
                + " through which methods, and with which services.";
    }

    @Override
    public List<Setting<?>> settings() {
        return SETTINGS;
    }

    /** The stored values of a multi-valued setting of the config (Keycloak separates them with {@code ##}). */
    static List<String> stored(Map<String, String> config, Setting<?> setting) {
        String v = config == null ? null : config.get(setting.key());
        return v == null ? null : List.of(Constants.CFG_DELIMITER_PATTERN.split(v));
    }

    /** The fields of the step's settings dialog in Keycloak's admin console. */
    static List<ProviderConfigProperty> configProperties() {
        List<ProviderConfigProperty> out = new ArrayList<>();
        for (Setting<?> setting : SETTINGS) {
            ProviderConfigProperty p = new ProviderConfigProperty();
            p.setName(setting.key());
            p.setLabel(setting.label());
            p.setHelpText(setting.help());
            if (setting.multiple()) {
                p.setType(ProviderConfigProperty.MULTIVALUED_STRING_TYPE);
            } else if (setting.type() == SettingTypes.FLAG) {
                p.setType(ProviderConfigProperty.BOOLEAN_TYPE);
            } else if (!setting.type().choices().isEmpty()) {
                p.setType(ProviderConfigProperty.LIST_TYPE);
                p.setOptions(setting.type().choices());
            } else {
                p.setType(ProviderConfigProperty.STRING_TYPE);
            }
            if (setting.defaultValue() != null) {
                p.setDefaultValue(write(setting));
            }
            out.add(p);
        }
        return List.copyOf(out);
    }

    private static <T> String write(Setting<T> setting) {
        return setting.write(setting.defaultValue());
    }
}
