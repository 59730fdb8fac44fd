package dev.portalaccess.keycloak.partner;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;

import dev.portalaccess.keycloak.keycloakdb.KeycloakDb;
import dev.portalaccess.keycloak.keycloakdb.KeycloakDb.AttributeFilter;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * What partner access needs beyond Keycloak's model API, in partner terms, run by core's fence around Keycloak's
 * tables ({@link KeycloakDb}, same transaction as everything else in the request):
 * <ul>
 *   <li>a per-tenant database lock (the tenant's {@code ORG} row, {@code SELECT ... FOR UPDATE}), so the
 *       "at least one user" rule holds across concurrent requests and cluster nodes;</li>
 *   <li>index-backed point and count queries on {@code USER_GROUP_MEMBERSHIP} (an organization's members are
 *       the members of its internal group);</li>
 *   <li>set-based inserts for auto-add, which would otherwise be 10,000 or 2,000 single-row round trips;
 *       they write around Keycloak's model API, so every caller registers Keycloak's cache invalidations
 *       for each row ({@link MembershipCacheInvalidation}).</li>
 * </ul>
 */
final class PartnerAccessStore {

    /** The canonical stored "on": the only form a write stores (raw writes are canonicalised, see PartnerAccess#autoAddWritten). */
    private static final String ON = PartnerAccessSettings.AUTO_ADD.write(true);

    private final KeycloakDb db;
    /** The domain restriction's flag, declared by its feature and read through core (empty: not deployed). */
    private final Optional<Setting<Boolean>> restriction;

    PartnerAccessStore(KeycloakSession session) {
        this.db = KeycloakDb.of(session);
        this.restriction = SharedSetting.MEMBERSHIP_RESTRICTED.on(session.getKeycloakSessionFactory(), Boolean.class);
    }

    /** Serialises every access change of one tenant until the transaction ends (cluster-wide: it is a row lock). */
    void lockTenant(String organizationId) {
        db.lockOrganization(organizationId);
    }

    String organizationGroupId(String organizationId) {
        return db.organizationGroupId(organizationId);
    }

    /** One user's access to one tenant: a single indexed lookup (membership primary key joined to the ORG row). */
    boolean hasAccess(String organizationId, String userId) {
        return db.isOrganizationMember(organizationId, userId);
    }

    boolean isMember(String groupId, String userId) {
        return db.isGroupMember(groupId, userId);
    }

    long countMembers(String groupId) {
        return db.countGroupMembers(groupId);
    }

    /** Invitations of the tenant that can still be accepted (not expired). */
    long countPendingInvitations(String organizationId) {
        return db.countPendingInvitations(organizationId);
    }

    /** The invitations of the realm's tenants to this address that can still be accepted, oldest first. */
    List<OrganizationInvitationModel> pendingInvitationsFor(String realmId, String email) {
        return db.pendingInvitationsTo(realmId, email);
    }

    /**
     * Serialises the auto-add writes of the realm with the staff's joins and leaves (the staff group's
     * {@code KEYCLOAK_GROUP} row, {@code SELECT ... FOR UPDATE}, to the end of the transaction): who is staff
     * cannot change between reading the users an insert adds (for their cache invalidations) and the insert.
     * Always taken before any tenant lock (one lock order: no deadlock).
     */
    void lockStaff(String staffGroupId) {
        db.lockGroup(staffGroupId);
    }

    /** Ids of the staff members who are not members of the tenant's group yet (read under {@link #lockStaff}). */
    List<String> staffMissingFrom(String staffGroupId, String tenantGroupId) {
        return db.groupMembersNotIn(staffGroupId, tenantGroupId);
    }

    /** Makes every member of the staff group a member of the tenant's group (one statement); returns how many joined. */
    int addStaffToTenant(String staffGroupId, String tenantGroupId) {
        return db.addGroupMembersTo(staffGroupId, tenantGroupId);
    }

    /** Tenants with auto-add on and no domain restriction (those take the per-user path so the restriction applies). */
    private AttributeFilter autoAddUnrestricted() {
        AttributeFilter autoAdd = AttributeFilter.having(PartnerAccessSettings.AUTO_ADD.key(), ON);
        return restriction.map(r -> autoAdd.without(r.key(), r.write(true))).orElse(autoAdd);
    }

    /**
     * The realm's tenants with auto-add on that the user is not a member of, except those with a domain
     * restriction (they take the per-user path so the restriction applies).
     */
    List<String> autoAddTenantsMissing(String userId, String realmId) {
        return db.organizationsMissingUser(realmId, userId, autoAddUnrestricted());
    }

    /** Makes the user a member of every tenant {@link #autoAddTenantsMissing} lists (one statement); returns how many. */
    int addUserToAutoAddTenants(String userId, String realmId) {
        return db.addUserToOrganizations(realmId, userId, autoAddUnrestricted());
    }

    /** Auto-add tenants with a domain restriction: joined one by one through the OrganizationProvider. */
    List<String> restrictedAutoAddTenants(String realmId) {
        return restriction.map(r -> db.organizationsHavingBoth(realmId, PartnerAccessSettings.AUTO_ADD.key(), ON,
                r.key(), r.write(true))).orElse(List.of());
    }

    /** Ids of the tenants the user is a member of, in id order (a fixed lock order avoids deadlocks). */
    List<String> tenantIdsOf(String userId, String realmId) {
        return db.organizationIdsOf(realmId, userId);
    }
}
