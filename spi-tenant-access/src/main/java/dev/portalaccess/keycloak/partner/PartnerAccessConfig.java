package dev.portalaccess.keycloak.partner;

import java.util.List;
import java.util.Map;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

/**
 * Typed reader of the partner-access settings. They live in Keycloak's models (realm and organization
 * attributes), so realm export/import carries them and every cluster node reads the same values.
 */
final class PartnerAccessConfig {

    /** Realm attribute: {@code true} turns partner access on in the realm (off by default). */
    static final String ENABLED = "portalaccess.partner.enabled";
    /** Realm attribute: name of the top-level group whose members are the partner staff. */
    static final String STAFF_GROUP = "portalaccess.partner.staffGroup";
    static final String DEFAULT_STAFF_GROUP = "partner-staff";
    /**
     * Realm attribute: where an invited user with an account is sent to sign in before accepting (the
     * partner portal's URL). Default: the realm's account console.
     */
    static final String PORTAL_URL = "portalaccess.partner.portalUrl";
    /** Organization attribute: "Automatically Add Partner Users" ({@code true}/{@code false}). */
    static final String AUTO_ADD = "portalaccess.partner.autoAdd";
    /**
     * Organization attribute: email addresses that get a pending invitation to the tenant when the realm is
     * created or imported (no email is sent; Keycloak's "resend" sends it). A realm export cannot carry
     * invitations themselves (they are runtime records with an expiry), so this seeds them.
     */
    static final String SEED_INVITATIONS = "portalaccess.partner.seedInvitations";
    /** Organization attribute of the per-customer domain restriction (issue 6): such tenants take the per-user path. */
    static final String DOMAIN_RESTRICTION = "portalaccess.domainRestriction.enabled";

    private final boolean enabled;
    private final String staffGroupName;
    private final String portalUrl;

    private PartnerAccessConfig(boolean enabled, String staffGroupName, String portalUrl) {
        this.enabled = enabled;
        this.staffGroupName = staffGroupName;
        this.portalUrl = portalUrl;
    }

    static PartnerAccessConfig of(RealmModel realm) {
        if (realm == null) {
            return new PartnerAccessConfig(false, DEFAULT_STAFF_GROUP, null);
        }
        String group = realm.getAttribute(STAFF_GROUP);
        String portal = realm.getAttribute(PORTAL_URL);
        return new PartnerAccessConfig(Boolean.parseBoolean(realm.getAttribute(ENABLED)),
                group == null || group.isBlank() ? DEFAULT_STAFF_GROUP : group.trim(),
                portal == null || portal.isBlank() ? null : portal.trim());
    }

    /** The configured partner portal URL, or null for the realm's account console. */
    String portalUrl() {
        return portalUrl;
    }

    boolean enabled() {
        return enabled;
    }

    String staffGroupName() {
        return staffGroupName;
    }

    /** The staff group, or null when the realm has none of that name. */
    GroupModel staffGroup(KeycloakSession session, RealmModel realm) {
        return session.groups().getTopLevelGroupsStream(realm, staffGroupName, true, 0, 1)
                .filter(g -> staffGroupName.equals(g.getName()))
                .findFirst().orElse(null);
    }

    static boolean autoAdd(OrganizationModel organization) {
        return flag(organization.getAttributes(), AUTO_ADD);
    }

    static boolean domainRestricted(OrganizationModel organization) {
        return flag(organization.getAttributes(), DOMAIN_RESTRICTION);
    }

    static boolean flag(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes == null ? null : attributes.get(name);
        // exactly "true", as the set-based queries of PartnerAccessStore match it in SQL
        return values != null && !values.isEmpty() && "true".equals(values.get(0));
    }
}
