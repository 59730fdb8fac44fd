package dev.portalaccess.keycloak.partner;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.jpa.entities.OrganizationInvitationEntity;
import org.keycloak.representations.idm.MembershipType;

import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * The few queries partner access needs beyond Keycloak's model API, run on Keycloak's own tables through
 * its {@link EntityManager} (same transaction as everything else in the request):
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

    private static final String UNMANAGED = MembershipType.UNMANAGED.name();
    private static final String AUTO_ADD_KEY = PartnerAccessSettings.AUTO_ADD.key();
    /** The canonical stored "on": the only form a write stores (raw writes are canonicalised, see PartnerAccess#autoAddWritten). */
    private static final String ON = PartnerAccessSettings.AUTO_ADD.write(true);

    private final EntityManager em;
    /** The domain restriction's flag, declared by its feature and read through core (empty: not deployed). */
    private final Optional<Setting<Boolean>> restriction;

    PartnerAccessStore(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.restriction = SharedSetting.MEMBERSHIP_RESTRICTED.on(session.getKeycloakSessionFactory(), Boolean.class);
    }

    /** Serialises every access change of one tenant until the transaction ends (cluster-wide: it is a row lock). */
    void lockTenant(String organizationId) {
        em.createQuery("select o.id from OrganizationEntity o where o.id = :id", String.class)
                .setParameter("id", organizationId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    String organizationGroupId(String organizationId) {
        List<String> ids = em.createQuery("select o.groupId from OrganizationEntity o where o.id = :id", String.class)
                .setParameter("id", organizationId).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** One user's access to one tenant: a single indexed lookup (membership primary key joined to the ORG row). */
    boolean hasAccess(String organizationId, String userId) {
        return em.createQuery("select count(m) from UserGroupMembershipEntity m, OrganizationEntity o"
                        + " where o.id = :o and m.groupId = o.groupId and m.user.id = :u", Long.class)
                .setParameter("o", organizationId).setParameter("u", userId).getSingleResult() > 0;
    }

    boolean isMember(String groupId, String userId) {
        return em.createQuery("select count(m) from UserGroupMembershipEntity m where m.groupId = :g and m.user.id = :u", Long.class)
                .setParameter("g", groupId).setParameter("u", userId).getSingleResult() > 0;
    }

    long countMembers(String groupId) {
        return em.createQuery("select count(m) from UserGroupMembershipEntity m where m.groupId = :g", Long.class)
                .setParameter("g", groupId).getSingleResult();
    }

    /** Invitations of the tenant that can still be accepted (not expired). */
    long countPendingInvitations(String organizationId) {
        return em.createQuery("select count(i) from OrganizationInvitationEntity i where i.organizationId = :o"
                        + " and i.expiresAt >= :now", Long.class)
                .setParameter("o", organizationId).setParameter("now", Time.currentTime())
                .getSingleResult();
    }

    /** The invitations of the realm's tenants to this address that can still be accepted, oldest first. */
    List<OrganizationInvitationModel> pendingInvitationsFor(String realmId, String email) {
        return em.createQuery("select i from OrganizationInvitationEntity i, OrganizationEntity o"
                        + " where o.id = i.organizationId and o.realmId = :realm and lower(i.email) = :email"
                        + " and i.expiresAt >= :now order by i.createdAt, i.id", OrganizationInvitationEntity.class)
                .setParameter("realm", realmId).setParameter("email", email.trim().toLowerCase(java.util.Locale.ROOT))
                .setParameter("now", Time.currentTime())
                .getResultStream().map(OrganizationInvitationModel.class::cast).toList();
    }

    /**
     * Serialises the auto-add writes of the realm with the staff's joins and leaves (the staff group's
     * {@code KEYCLOAK_GROUP} row, {@code SELECT ... FOR UPDATE}, to the end of the transaction): who is staff
     * cannot change between reading the users an insert adds (for their cache invalidations) and the insert.
     * Always taken before any tenant lock (one lock order: no deadlock).
     */
    void lockStaff(String staffGroupId) {
        em.createQuery("select g.id from GroupEntity g where g.id = :id", String.class)
                .setParameter("id", staffGroupId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Ids of the staff members who are not members of the tenant's group yet (read under {@link #lockStaff}). */
    List<String> staffMissingFrom(String staffGroupId, String tenantGroupId) {
        return em.createQuery("select m.user.id from UserGroupMembershipEntity m"
                        + " where m.groupId = :staff and not exists (select 1 from UserGroupMembershipEntity x"
                        + " where x.groupId = :tenant and x.user = m.user)", String.class)
                .setParameter("staff", staffGroupId).setParameter("tenant", tenantGroupId)
                .getResultList();
    }

    /** Makes every member of the staff group a member of the tenant's group (one statement); returns how many joined. */
    int addStaffToTenant(String staffGroupId, String tenantGroupId) {
        return em.createQuery("insert into UserGroupMembershipEntity (user, groupId, membershipType)"
                        + " select m.user, cast(:tenant as String), cast(:type as String) from UserGroupMembershipEntity m"
                        + " where m.groupId = :staff and not exists (select 1 from UserGroupMembershipEntity x"
                        + " where x.groupId = :tenant and x.user = m.user)")
                .setParameter("tenant", tenantGroupId).setParameter("type", UNMANAGED).setParameter("staff", staffGroupId)
                .executeUpdate();
    }

    /**
     * The realm's tenants with auto-add on that the user is not a member of, except those with a domain
     * restriction (they take the per-user path so the restriction applies).
     */
    List<String> autoAddTenantsMissing(String userId, String realmId) {
        return unrestricted(em.createQuery("select o.id from OrganizationEntity o where o.realmId = :realm"
                        + autoAddUnrestricted()
                        + " and not exists (select 1 from UserGroupMembershipEntity x where x.groupId = o.groupId and x.user.id = :user)",
                        String.class)
                .setParameter("user", userId).setParameter("realm", realmId)
                .setParameter("auto", AUTO_ADD_KEY).setParameter("on", ON))
                .getResultList();
    }

    /** Makes the user a member of every tenant {@link #autoAddTenantsMissing} lists (one statement); returns how many. */
    int addUserToAutoAddTenants(String userId, String realmId) {
        return unrestricted(em.createQuery("insert into UserGroupMembershipEntity (user, groupId, membershipType)"
                        + " select u, o.groupId, cast(:type as String) from OrganizationEntity o, UserEntity u"
                        + " where u.id = :user and o.realmId = :realm"
                        + autoAddUnrestricted()
                        + " and not exists (select 1 from UserGroupMembershipEntity x where x.groupId = o.groupId and x.user = u)")
                .setParameter("type", UNMANAGED).setParameter("user", userId).setParameter("realm", realmId)
                .setParameter("auto", AUTO_ADD_KEY).setParameter("on", ON))
                .executeUpdate();
    }

    private static final String AUTO_ADD_ON =
            " and exists (select 1 from GroupAttributeEntity a where a.group.id = o.groupId and a.name = :auto and a.value = :on)";
    private static final String RESTRICTED =
            " exists (select 1 from GroupAttributeEntity d where d.group.id = o.groupId and d.name = :restricted and d.value = :restrictedOn)";

    /** Tenant {@code o} has auto-add on and no domain restriction (parameters {@code auto}, {@code on}, {@link #unrestricted}). */
    private String autoAddUnrestricted() {
        return AUTO_ADD_ON + (restriction.isPresent() ? " and not" + RESTRICTED : "");
    }

    /** Binds the restriction's key and canonical "on" where {@link #autoAddUnrestricted} names them. */
    private <Q extends jakarta.persistence.Query> Q unrestricted(Q query) {
        restriction.ifPresent(r -> query.setParameter("restricted", r.key()).setParameter("restrictedOn", r.write(true)));
        return query;
    }

    /** Auto-add tenants with a domain restriction: joined one by one through the OrganizationProvider. */
    List<String> restrictedAutoAddTenants(String realmId) {
        if (restriction.isEmpty()) {
            return List.of(); // the domain restriction is not deployed: no tenant is restricted
        }
        return unrestricted(em.createQuery("select o.id from OrganizationEntity o where o.realmId = :realm"
                        + AUTO_ADD_ON + " and" + RESTRICTED, String.class)
                .setParameter("realm", realmId).setParameter("auto", AUTO_ADD_KEY).setParameter("on", ON))
                .getResultList();
    }

    /** Ids of the tenants the user is a member of, in id order (a fixed lock order avoids deadlocks). */
    List<String> tenantIdsOf(String userId, String realmId) {
        return em.createQuery("select o.id from OrganizationEntity o, UserGroupMembershipEntity m"
                        + " where m.groupId = o.groupId and m.user.id = :u and o.realmId = :realm order by o.id", String.class)
                .setParameter("u", userId).setParameter("realm", realmId).getResultList();
    }
}
