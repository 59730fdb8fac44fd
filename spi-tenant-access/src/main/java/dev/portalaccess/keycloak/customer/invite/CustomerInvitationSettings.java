package dev.portalaccess.keycloak.customer.invite;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * The realm's customer policies around joining and leaving: automatic invitation of a new customer's contact,
 * sign-out of removed members, the audience of customer service-account tokens. Realm attributes; Keycloak fires
 * no event when a realm attribute is written directly, so an unreadable stored value reads as the default (logged)
 * and the typed API ({@code settings/customer-access}) is the validated path.
 */
public final class CustomerInvitationSettings implements FeatureSettings {

    public static final String FEATURE = "customerInvitations";

    public static final Setting<Boolean> AUTO_INVITE = Setting.single(FEATURE, "autoInvite", "portalaccess.autoInvite.enabled",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.FLAG, false, "Automatic invitation",
            "Invite a new customer's contact email when the customer is created.");

    public static final Setting<Boolean> REMOVAL_SIGN_OUT = Setting.single(FEATURE, "removalSignOut", "portalaccess.removal.signOut",
            SettingScope.REALM_ATTRIBUTE, SettingTypes.FLAG, false, "Sign out removed members",
            "When a member is removed from a customer, end their sessions that reached a portal client.");

    public static final Setting<String> SERVICE_ACCOUNT_AUDIENCE = Setting.single(FEATURE, "serviceAccountAudience",
            "portalaccess.serviceAccounts.audience", SettingScope.REALM_ATTRIBUTE, SettingTypes.TEXT, null,
            "Service-account audience", "The client id put into the audience of customer service-account tokens "
                    + "(the client that introspects them). Empty: the portal client.");

    private static final CustomerInvitationSettings INSTANCE = new CustomerInvitationSettings();

    private CustomerInvitationSettings() {
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Customer invitations and removal";
    }

    @Override
    public String help() {
        return "Automatic invitation of new customers, sign-out of removed members, service-account tokens.";
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(AUTO_INVITE, REMOVAL_SIGN_OUT, SERVICE_ACCOUNT_AUDIENCE);
    }

    public static boolean autoInvite(RealmModel realm) {
        return realm != null && AUTO_INVITE.read(realm);
    }

    public static boolean removalSignOut(RealmModel realm) {
        return realm != null && REMOVAL_SIGN_OUT.read(realm);
    }

    @AutoService(FeatureSettingsFactory.class)
    public static final class Factory implements FeatureSettingsFactory {
        @Override
        public FeatureSettings settings() {
            return INSTANCE;
        }
    }
}
