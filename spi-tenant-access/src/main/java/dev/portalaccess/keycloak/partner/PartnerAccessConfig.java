package dev.portalaccess.keycloak.partner;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.settings.Setting;

/**
 * Typed reader of the partner-access settings ({@link PartnerAccessSettings}: every key and its type is declared
 * there). They live in Keycloak's models (realm and organization attributes), so realm export/import carries them
 * and every cluster node reads the same values.
 */
final class PartnerAccessConfig {

    private final boolean enabled;
    private final String staffGroupName;
    private final String adminGroupName;
    private final String portalUrl;

    private PartnerAccessConfig(boolean enabled, String staffGroupName, String adminGroupName, String portalUrl) {
        this.enabled = enabled;
        this.staffGroupName = staffGroupName;
        this.adminGroupName = adminGroupName;
        this.portalUrl = portalUrl;
    }

    static PartnerAccessConfig of(RealmModel realm) {
        if (realm == null) {
            return new PartnerAccessConfig(false, PartnerAccessSettings.DEFAULT_STAFF_GROUP, PartnerAccessSettings.DEFAULT_ADMIN_GROUP, null);
        }
        return new PartnerAccessConfig(PartnerAccessSettings.ENABLED.read(realm),
                PartnerAccessSettings.STAFF_GROUP.read(realm), PartnerAccessSettings.ADMIN_GROUP.read(realm),
                PartnerAccessSettings.PORTAL_URL.read(realm));
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

    String adminGroupName() {
        return adminGroupName;
    }

    /** The staff group, or null when the realm has none of that name. */
    GroupModel staffGroup(KeycloakSession session, RealmModel realm) {
        return topLevelGroup(session, realm, staffGroupName);
    }

    /** The partner administrators' group, or null when the realm has none of that name. */
    GroupModel adminGroup(KeycloakSession session, RealmModel realm) {
        return topLevelGroup(session, realm, adminGroupName);
    }

    private static GroupModel topLevelGroup(KeycloakSession session, RealmModel realm, String name) {
        return session.groups().getTopLevelGroupsStream(realm, name, true, 0, 1)
                .filter(g -> name.equals(g.getName()))
                .findFirst().orElse(null);
    }

    static boolean autoAdd(OrganizationModel organization) {
        return autoAdd(organization.getAttributes());
    }

    static boolean autoAdd(Map<String, List<String>> attributes) {
        return PartnerAccessSettings.AUTO_ADD.read(attributes == null ? null : attributes.get(PartnerAccessSettings.AUTO_ADD.key()));
    }

    /**
     * The tenant's domain restriction is on (such tenants take the per-user path, so the restriction applies);
     * {@code restriction}: its flag as the domain restriction declares it, read through core (empty: not deployed).
     */
    static boolean domainRestricted(Optional<Setting<Boolean>> restriction, OrganizationModel organization) {
        return restriction.map(flag -> Boolean.TRUE.equals(flag.read(organization))).orElse(false);
    }
}
