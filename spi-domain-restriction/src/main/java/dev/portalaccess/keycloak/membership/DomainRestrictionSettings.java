package dev.portalaccess.keycloak.membership;

import java.util.List;
import java.util.Map;

import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;
import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * Every setting of a customer's domain restriction and of its just-in-time sign-in through the customer's identity
 * provider: organization attributes, so realm export and import carry them and the admin console's Attributes tab
 * edits them (every such write is validated and stored canonically by core's organization decorator). The only
 * place these attribute names are spelled; {@link #ENABLED} is {@link SharedSetting#MEMBERSHIP_RESTRICTED}, which
 * partner access reads through core.
 */
public final class DomainRestrictionSettings implements FeatureSettings {

    public static final String FEATURE = "domainRestriction";

    public static final Setting<Boolean> ENABLED = Setting.single(FEATURE, "enabled",
            "portalaccess.domainRestriction.enabled", SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, false,
            "Restrict members to allowed domains",
            "On: only users whose email matches one of the allowed entries may join, be invited or keep an email change;"
                    + " on with no entry admits nobody. Turning it on removes no existing member.");

    public static final Setting<EmailRule> ENTRIES = Setting.multiple(FEATURE, "entries",
            "portalaccess.domainRestriction.domains", SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.EMAIL_RULE,
            "Allowed domains and addresses",
            "One entry each: acme.com (the domain and its subdomains), *.acme.com (only its subdomains) or"
                    + " a@acme.com (exactly that address).");

    public static final Setting<MembershipSettings.WithoutInvitation> JIT_WITHOUT_INVITATION = Setting.single(FEATURE,
            "jitWithoutInvitation", "portalaccess.jit.withoutInvitation", SettingScope.ORGANIZATION_ATTRIBUTE,
            SettingTypes.choice(MembershipSettings.WithoutInvitation.class), MembershipSettings.WithoutInvitation.REFUSE,
            "First sign-in through the customer's identity provider without an invitation",
            "refuse: the sign-in is refused with a message (default). join: the user joins the customer as a plain"
                    + " member, within the allowed domains.");

    static final DomainRestrictionSettings INSTANCE = new DomainRestrictionSettings();

    private static final List<Setting<?>> SETTINGS = List.of(ENABLED, ENTRIES, JIT_WITHOUT_INVITATION);

    private DomainRestrictionSettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Domain restriction";
    }

    @Override
    public String help() {
        return "Which email addresses may become members of a customer, and what a first sign-in through the"
                + " customer's own identity provider does without an invitation.";
    }

    @Override
    public Map<SharedSetting, Setting<?>> shared() {
        return Map.of(SharedSetting.MEMBERSHIP_RESTRICTED, ENABLED);
    }

    @Override
    public List<Setting<?>> settings() {
        return SETTINGS;
    }
}
