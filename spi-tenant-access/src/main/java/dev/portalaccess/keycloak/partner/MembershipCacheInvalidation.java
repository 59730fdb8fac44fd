package dev.portalaccess.keycloak.partner;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.cache.CacheRealmProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.cache.infinispan.UserCacheSession;

/**
 * What Keycloak's own {@code OrganizationProvider.addMember/removeMember} invalidates, for the organization
 * memberships this extension writes with set-based statements ({@link PartnerAccessStore}).
 *
 * <p>Keycloak's member add, per (user, organization), registers (Keycloak 26.7,
 * {@code InfinispanOrganizationProvider.registerMemberInvalidation} and the cached user adapter's
 * {@code joinGroup}):
 * <ul>
 *   <li>user cache: the user's organization ids {@code <realm>.org.member.<user>.orgs} (token mapper,
 *       organization selection at sign-in, admin API), the membership
 *       {@code <realm>.org.<org>.member.<user>.membership}, the user's groups of that organization
 *       {@code <realm>.org.<org>.member.<user>.groups}, and the user's own entry (by id, username and
 *       email: the cached user holds its group ids);</li>
 *   <li>realm cache: the organization's member count {@code <realm>.org.<org>.members.count}.</li>
 * </ul>
 * Each key is registered on Keycloak's cache session of this request ({@code UserCacheSession} /
 * {@code CacheRealmProvider.registerInvalidation}): reads later in the same request go to the database,
 * and at commit (or rollback) the keys are dropped here and sent as invalidation events to every cluster
 * node. Nothing is evicted locally only, and nothing more than what changed.
 *
 * <p>The key formats are Keycloak's (private there); this class is the one place that knows them, and
 * {@code PartnerCacheConsistencyIT} proves them against the running server.
 */
final class MembershipCacheInvalidation {

    private final String realmId;
    /** Null when Keycloak runs without its user cache. */
    private final UserCacheSession users;
    /** Null when Keycloak runs without its realm cache. */
    private final CacheRealmProvider realms;

    private MembershipCacheInvalidation(String realmId, UserCacheSession users, CacheRealmProvider realms) {
        this.realmId = realmId;
        this.users = users;
        this.realms = realms;
    }

    static MembershipCacheInvalidation of(KeycloakSession session, RealmModel realm) {
        UserCache users = session.getProvider(UserCache.class);
        return new MembershipCacheInvalidation(realm.getId(), users instanceof UserCacheSession s ? s : null,
                session.getProvider(CacheRealmProvider.class));
    }

    /** One user joined (or left) one organization: exactly Keycloak's invalidations for that pair. */
    void membershipChanged(String organizationId, Member member) {
        if (users != null) {
            users.registerInvalidation(userOrganizationsKey(realmId, member.id()));
            users.registerInvalidation(membershipKey(realmId, organizationId, member.id()));
            users.registerInvalidation(organizationGroupsKey(realmId, organizationId, member.id()));
            users.registerInvalidation(member.id());
            users.registerInvalidation(usernameKey(realmId, member.username()));
            if (member.email() != null) {
                users.registerInvalidation(emailKey(realmId, member.email()));
            }
        }
    }

    /** The organization's member count changed (once per organization and write). */
    void memberCountChanged(String organizationId) {
        if (realms != null) {
            realms.registerInvalidation(memberCountKey(realmId, organizationId));
        }
    }

    static String userOrganizationsKey(String realmId, String userId) {
        return realmId + ".org.member." + userId + ".orgs";
    }

    static String membershipKey(String realmId, String organizationId, String userId) {
        return realmId + ".org." + organizationId + ".member." + userId + ".membership";
    }

    static String organizationGroupsKey(String realmId, String organizationId, String userId) {
        return realmId + ".org." + organizationId + ".member." + userId + ".groups";
    }

    static String memberCountKey(String realmId, String organizationId) {
        return realmId + ".org." + organizationId + ".members.count";
    }

    static String usernameKey(String realmId, String username) {
        return realmId + ".username." + username;
    }

    static String emailKey(String realmId, String email) {
        return realmId + ".email." + email;
    }

    /** A user as stored (Keycloak keeps username and email lower-case, so they are the cache keys as they are). */
    record Member(String id, String username, String email) {
    }
}
