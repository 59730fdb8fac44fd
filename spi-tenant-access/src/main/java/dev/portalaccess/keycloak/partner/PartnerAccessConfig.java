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
    /** Organization attribute: "Automatically Add Partner Users" ({@code true}/{@code false}). */
    static final String AUTO_ADD = "portalaccess.partner.autoAdd";
    /** Organization attribute of the per-customer domain restriction (issue 6): such tenants take the per-user path. */
    static final String DOMAIN_RESTRICTION = "portalaccess.domainRestriction.enabled";

    private final boolean enabled;
    private final String staffGroupName;

    private PartnerAccessConfig(boolean enabled, String staffGroupName) {
        this.enabled = enabled;
        this.staffGroupName = staffGroupName;
    }

    static PartnerAccessConfig of(RealmModel realm) {
        if (realm == null) {
            return new PartnerAccessConfig(false, DEFAULT_STAFF_GROUP);
        }
        String group = realm.getAttribute(STAFF_GROUP);
        return new PartnerAccessConfig(Boolean.parseBoolean(realm.getAttribute(ENABLED)),
                group == null || group.isBlank() ? DEFAULT_STAFF_GROUP : group.trim());
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

    private static boolean flag(Map<String, List<String>> attributes, String name) {
        List<String> values = attributes == null ? null : attributes.get(name);
        // exactly "true", as the set-based queries of PartnerAccessStore match it in SQL
        return values != null && !values.isEmpty() && "true".equals(values.get(0));
    }
}
