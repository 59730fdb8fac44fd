package dev.portalaccess.keycloak.registration;

import java.util.List;

import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Schema of the realm's self-registration policy: the settings of the "Self-registration policy" step
 * of the realm's registration flow (Authentication > registration flow > step settings).
 */
public final class SelfRegistrationPolicyConfigProperties {

    public static final String MODE = "mode";
    public static final String PORTAL = "portalRegistration";
    public static final String IDENTITY_PROVIDER = "identityProviderRegistration";
    public static final String EMAIL = "emailRegistration";
    public static final String DIRECTORY = "directoryRegistration";
    public static final String GRANT_PORTAL_ACCESS = "grantPortalAccess";
    public static final String DEFAULT_SERVICES = "defaultServices";

    /** Alias under which the policy is found when it is not attached to the registration flow. */
    public static final String POLICY_CONFIG_ALIAS = "portalaccess-self-registration-policy";

    static final List<ProviderConfigProperty> PROPERTIES = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(MODE).label("Who can register")
            .helpText("NONE: no one (only admins and invitations add users; the registration link is hidden). "
                    + "ANYONE: anyone, through the methods switched on below, with the default services. "
                    + "COMPANIES: only employees of permitted companies (organizations with the attribute "
                    + "portalaccess.selfRegistration.permitted=true), matched by the company's domains; methods and "
                    + "services are set per company.")
            .type(ProviderConfigProperty.LIST_TYPE).options("NONE", "ANYONE", "COMPANIES").defaultValue("ANYONE").add()
            .property().name(PORTAL).label("Allow portal self-registration (ANYONE)")
            .helpText("The registration form of the login pages.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(IDENTITY_PROVIDER).label("Allow sign-up with an identity provider (ANYONE)")
            .helpText("First sign-in through an identity provider such as Google creates an account.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("true").add()
            .property().name(EMAIL).label("Allow email self-registration (ANYONE)")
            .helpText("The service desk's mail intake registers the sender of a first email.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(DIRECTORY).label("Allow directory (AD) registration (ANYONE)")
            .helpText("A directory user's first sign-in registers them. Never offered in COMPANIES mode.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(GRANT_PORTAL_ACCESS).label("Grant portal access to email registrants (ANYONE)")
            .helpText("Email self-registration also sends an invitation email to set a password and sign in.")
            .type(ProviderConfigProperty.BOOLEAN_TYPE).defaultValue("false").add()
            .property().name(DEFAULT_SERVICES).label("Default services (ANYONE)")
            .helpText("Granted to every self-registered user: 'role:<realm role>' or 'group:<group path>' "
                    + "(a bare name is a realm role).")
            .type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE).add()
            .build());

    private SelfRegistrationPolicyConfigProperties() {
    }
}
