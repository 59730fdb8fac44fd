package dev.portalaccess.keycloak.partner;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.cache.CacheRealmProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.cache.infinispan.UserCacheSession;

/**
 * Keycloak's cache invalidations for the organization memberships this extension writes with set-based
 * statements ({@link PartnerAccessStore}): afterwards every read, on every node, returns what it returns
 * after Keycloak's own {@code OrganizationProvider.addMember}.
 *
 * <p>Keycloak's member add (Keycloak 26.7: {@code InfinispanOrganizationProvider.registerMemberInvalidation}
 * and the cached user adapter's {@code joinGroup}) invalidates, per (user, organization): in the user cache
 * the user's organization ids {@code <realm>.org.member.<user>.orgs} (token mapper, organization selection
 * at sign-in, admin API), the membership {@code <realm>.org.<org>.member.<user>.membership}, the user's
 * groups of that organization {@code <realm>.org.<org>.member.<user>.groups} and the user's own entry (by
 * id, username and email); in the realm cache the organization's member count
 * {@code <realm>.org.<org>.members.count}. Of these, a join changes the content of the organization ids,
 * the membership, the user entry (it holds the user's group ids, the tenant's internal group included) and
 * the count; the user's groups of the organization stay none (joining adds no sub-group) and the username
 * and email lookups keep mapping to the same id. Only the changed ones are invalidated: every read returns
 * the same as after Keycloak's own add, at half the invalidations (10,000 users joining one tenant:
 * 30,000 keys, which is most of the switch's cost).
 *
 * <p>Each key is registered on Keycloak's cache session of this request ({@code UserCacheSession} /
 * {@code CacheRealmProvider.registerInvalidation}): reads later in the same request go to the database,
 * and at commit (or rollback) the keys are dropped here and sent as invalidation events to every cluster
 * node. Nothing is evicted locally only.
 *
 * <p>The key formats are Keycloak's (private there); this class is the one place that knows them,
 * {@code MembershipCacheInvalidationTest} compares them with Keycloak's own key builders and
 * {@code PartnerCacheConsistencyIT} proves the result against the running server.
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

    /** One user joined one organization through a bulk insert (see the class comment for the keys). */
    void memberJoined(String organizationId, String userId) {
        if (users != null) {
            users.registerInvalidation(userOrganizationsKey(realmId, userId));
            users.registerInvalidation(membershipKey(realmId, organizationId, userId));
            users.registerInvalidation(userId); // the cached user holds its group ids, the tenant's included
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

    static String memberCountKey(String realmId, String organizationId) {
        return realmId + ".org." + organizationId + ".members.count";
    }
}
