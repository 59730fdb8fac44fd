package dev.portalaccess.keycloak.customer.selfservice;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * What the vendor allows a customer's Administrators to do themselves beyond their team: today, their customer's
 * service accounts (seed 000: "service accounts are made when a customer starts a new installation from the
 * portal"), and their own SAML identity provider ("the customer can configure their IdP details ... from within the
 * Enterprise Portal's team settings"). A customer setting (organization attribute), section {@code selfService} of the customer's settings
 * document ({@link SelfServiceSection}).
 */
public final class SelfServiceSettings implements FeatureSettings {

    public static final String FEATURE = "selfService";

    /** Organization attribute: the customer's Administrators manage its service accounts (absent: no). */
    public static final Setting<Boolean> SERVICE_ACCOUNTS = Setting.single(FEATURE, "serviceAccounts",
            "portalaccess.selfService.serviceAccounts", SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, false,
            "Service accounts from the portal",
            "On: the customer's Administrators create, list and revoke the customer's service accounts on the team page. "
                    + "The vendor sees and revokes them in the console as before.");

    /** Organization attribute: the customer's Administrators set up the customer's own SAML identity provider (absent: no). */
    public static final Setting<Boolean> SAML = Setting.single(FEATURE, "saml",
            "portalaccess.selfService.saml", SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, false,
            "SAML sign-in set up by the customer",
            "On: the customer's Administrators configure their own SAML identity provider on the team page (metadata URL, "
                    + "uploaded metadata or entity id, SSO URL and certificate), test it and turn it on. The vendor sees, "
                    + "disables and removes it in the console. Off: the self-service SAML endpoints refuse.");

    private static final SelfServiceSettings INSTANCE = new SelfServiceSettings();

    private SelfServiceSettings() {
    }

    static boolean serviceAccountsAllowed(OrganizationModel customer) {
        return Boolean.TRUE.equals(SERVICE_ACCOUNTS.read(customer));
    }

    static boolean samlAllowed(OrganizationModel customer) {
        return Boolean.TRUE.equals(SAML.read(customer));
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Customer self-service";
    }

    @Override
    public String help() {
        return "What a customer's Administrators may do themselves besides running their team.";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(SERVICE_ACCOUNTS, SAML);
    }

    /** Makes the setting known to core (schema endpoint, raw attribute validation). */
    @AutoService(FeatureSettingsFactory.class)
    public static final class Factory implements FeatureSettingsFactory {
        @Override
        public FeatureSettings settings() {
            return INSTANCE;
        }
    }
}
