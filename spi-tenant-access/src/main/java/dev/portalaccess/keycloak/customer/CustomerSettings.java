package dev.portalaccess.keycloak.customer;

import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * The settings of customers (Keycloak organizations) and of the realm that this module reads, by name.
 * State lives in organization, client and realm attributes so realm export/import carries it.
 */
public final class CustomerSettings {

    /** Organization attribute: "false" turns the customer's portal access off; absent or anything else = on. */
    public static final String PORTAL_ACCESS_ENABLED = "portalaccess.portalAccess.enabled";
    /** Organization attribute: the customer's contact email, invited on creation when auto-invite is on. */
    public static final String CONTACT_EMAIL = "portalaccess.contactEmail";
    /** Client attribute: "true" marks a client as a portal; a client named {@link #DEFAULT_PORTAL_CLIENT_ID} is one unless "false". */
    public static final String PORTAL_CLIENT = "portalaccess.portal";
    /** Client attribute: the id of the customer (organization) a service-account client belongs to. */
    public static final String CLIENT_CUSTOMER = "portalaccess.customer";
    /** Realm attribute: "true" sends an invitation to a new customer's contact email. Default off. */
    public static final String REALM_AUTO_INVITE = "portalaccess.autoInvite.enabled";
    /** Realm attribute: "true" ends a removed member's portal sessions. Default off. */
    public static final String REALM_REMOVAL_SIGN_OUT = "portalaccess.removal.signOut";
    /** Realm attribute: audience (client id) of customer service-account tokens; default the portal client. */
    public static final String REALM_SERVICE_ACCOUNT_AUDIENCE = "portalaccess.serviceAccounts.audience";

    public static final String DEFAULT_PORTAL_CLIENT_ID = "portal";

    private CustomerSettings() {
    }

    public static boolean isPortalAccessEnabled(OrganizationModel organization) {
        return !"false".equalsIgnoreCase(firstAttribute(organization, PORTAL_ACCESS_ENABLED));
    }

    public static String contactEmail(OrganizationModel organization) {
        String email = firstAttribute(organization, CONTACT_EMAIL);
        return email == null || email.isBlank() ? null : email.trim();
    }

    public static boolean isPortalClient(ClientModel client) {
        if (client == null) {
            return false;
        }
        String marker = client.getAttribute(PORTAL_CLIENT);
        if (marker != null && !marker.isBlank()) {
            return Boolean.parseBoolean(marker.trim());
        }
        return DEFAULT_PORTAL_CLIENT_ID.equals(client.getClientId());
    }

    /** The realm's portal client: the first one marked as portal, else the client {@code portal}. */
    public static ClientModel portalClient(RealmModel realm) {
        return realm.getClientsStream()
                .filter(c -> "true".equalsIgnoreCase(c.getAttribute(PORTAL_CLIENT)))
                .findFirst()
                .orElseGet(() -> {
                    ClientModel byName = realm.getClientByClientId(DEFAULT_PORTAL_CLIENT_ID);
                    return isPortalClient(byName) ? byName : null;
                });
    }

    public static boolean realmFlag(RealmModel realm, String name) {
        return realm != null && "true".equalsIgnoreCase(realm.getAttribute(name));
    }

    static String firstAttribute(OrganizationModel organization, String name) {
        Map<String, List<String>> attributes = organization.getAttributes();
        if (attributes == null) {
            return null;
        }
        List<String> values = attributes.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
