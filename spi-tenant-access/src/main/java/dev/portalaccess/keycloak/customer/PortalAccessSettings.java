package dev.portalaccess.keycloak.customer;

import java.util.List;
import java.util.Map;

import com.google.auto.service.AutoService;
import org.keycloak.models.ClientModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.FeatureSettingsFactory;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingType;
import dev.portalaccess.keycloak.settings.SettingTypes;
import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * Customer portal access: every key it reads, in one place. A customer's portal access and contact email are
 * organization attributes, which clients are portals a client attribute; the customer's portal URL is Keycloak's
 * own organization field {@code redirectUrl} (validated with {@link #PORTAL_URL_TYPE}). Every read of these keys
 * goes through the {@link Setting}s below, so a value is parsed one way only.
 */
public final class PortalAccessSettings implements FeatureSettings {

    public static final String FEATURE = "portalAccess";

    /** Organization attribute: the customer's portal access (absent: on). */
    public static final Setting<Boolean> ENABLED = Setting.single(FEATURE, "enabled", "portalaccess.portalAccess.enabled",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.FLAG, true, "Portal access",
            "Off: the customer's members cannot sign in to the portal clients and its service accounts get no tokens. "
                    + "Memberships, roles and invitations are kept.");

    /** Organization attribute: the customer's contact, invited on creation when automatic invitation is on. */
    public static final Setting<String> CONTACT_EMAIL = Setting.single(FEATURE, "contactEmail", "portalaccess.contactEmail",
            SettingScope.ORGANIZATION_ATTRIBUTE, SettingTypes.EMAIL, null, "Contact email",
            "The customer's contact. When automatic invitation is on, a new customer's contact is invited.");

    /** Client attribute: marks a client as a portal (absent: only the client {@value #DEFAULT_PORTAL_CLIENT_ID} is one). */
    public static final Setting<Boolean> PORTAL_CLIENT = Setting.single(FEATURE, "portalClient", "portalaccess.portal",
            SettingScope.CLIENT_ATTRIBUTE, SettingTypes.FLAG, null, "Portal client",
            "Marks a client as a portal: customer portal access applies to it and the customer self-service API accepts "
                    + "its tokens. Without the attribute only the client 'portal' is one.");

    /** Client attribute: the customer (organization id) a customer service-account client belongs to. */
    public static final Setting<String> SERVICE_ACCOUNT_CUSTOMER = Setting.single(FEATURE, "serviceAccountCustomer",
            "portalaccess.customer", SettingScope.CLIENT_ATTRIBUTE, SettingTypes.TEXT, null, "Customer of a service account",
            "Set by the service-account API on a customer's service-account client: the customer's id.");

    /** The type of the customer's portal URL (Keycloak's organization redirect URL): invitation links lead there. */
    public static final SettingType<String> PORTAL_URL_TYPE = SettingTypes.URL;

    public static final String DEFAULT_PORTAL_CLIENT_ID = "portal";

    private static final PortalAccessSettings INSTANCE = new PortalAccessSettings();

    private PortalAccessSettings() {
    }

    public static PortalAccessSettings get() {
        return INSTANCE;
    }

    @Override
    public String id() {
        return FEATURE;
    }

    @Override
    public String label() {
        return "Customer portal access";
    }

    @Override
    public String help() {
        return "Per-customer portal access, the customer's contact and which clients are portals.";
    }

    /** Core's organization decorator and the domain restriction read this through core ({@link SharedSetting}). */
    @Override
    public Map<SharedSetting, Setting<?>> shared() {
        return Map.of(SharedSetting.CUSTOMER_OF_CLIENT, SERVICE_ACCOUNT_CUSTOMER);
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(ENABLED, CONTACT_EMAIL, PORTAL_CLIENT, SERVICE_ACCOUNT_CUSTOMER);
    }

    // ---- typed readers -----------------------------------------------------------------------------------

    public static boolean isPortalAccessEnabled(OrganizationModel organization) {
        return ENABLED.read(organization);
    }

    public static String contactEmail(OrganizationModel organization) {
        return CONTACT_EMAIL.read(organization);
    }

    /** A client marked as portal, or the client {@value #DEFAULT_PORTAL_CLIENT_ID} unless it is marked otherwise. */
    public static boolean isPortalClient(ClientModel client) {
        if (client == null) {
            return false;
        }
        Boolean marked = PORTAL_CLIENT.read(client);
        return marked != null ? marked : DEFAULT_PORTAL_CLIENT_ID.equals(client.getClientId());
    }

    /** The realm's portal clients, in client-id order. */
    public static List<ClientModel> portalClients(RealmModel realm) {
        return realm.getClientsStream().filter(PortalAccessSettings::isPortalClient)
                .sorted(java.util.Comparator.comparing(ClientModel::getClientId)).toList();
    }

    /** The realm's portal client: the first one marked as portal, else the client {@code portal}. */
    public static ClientModel portalClient(RealmModel realm) {
        return realm.getClientsStream()
                .filter(c -> Boolean.TRUE.equals(PORTAL_CLIENT.read(c)))
                .findFirst()
                .orElseGet(() -> {
                    ClientModel byName = realm.getClientByClientId(DEFAULT_PORTAL_CLIENT_ID);
                    return isPortalClient(byName) ? byName : null;
                });
    }

    /** The customer a service-account client belongs to (organization id), or null. */
    public static String serviceAccountCustomer(ClientModel client) {
        return client == null ? null : SERVICE_ACCOUNT_CUSTOMER.read(client);
    }

    /** Makes the settings known to core (schema endpoint, raw attribute validation). */
    @AutoService(FeatureSettingsFactory.class)
    public static final class Factory implements FeatureSettingsFactory {
        @Override
        public FeatureSettings settings() {
            return INSTANCE;
        }
    }
}
