package dev.portalaccess.keycloak.keycloakdb;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.RealmModel;

/**
 * The project's only way to Keycloak's own tables beyond its model API: row locks, counts, set-based membership
 * inserts and the few searches the model API has no call for. Every statement lives in one package-private class
 * ({@link KeycloakTables}); the schema check ({@link KeycloakSchemaCheck}) derives the tables and columns it checks
 * from those statements, so a Keycloak upgrade that changes them fails the check instead of writing wrong rows.
 * Runs in the session's transaction, through Keycloak's {@code EntityManager}. Set-based inserts write around
 * Keycloak's caches: their callers register the cache invalidations for every row they add.
 */
public interface KeycloakDb {

    static KeycloakDb of(KeycloakSession session) {
        return new KeycloakTables(session, session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    // ---- locks (SELECT ... FOR UPDATE until the transaction ends: cluster-wide, the database's) ------------

    /** Serialises decisions about one organization (its {@code ORG} row). */
    void lockOrganization(String organizationId);

    /** Serialises decisions about one group's members (its {@code KEYCLOAK_GROUP} row). */
    void lockGroup(String groupId);

    // ---- organizations and their members ---------------------------------------------------------------

    /** The organization's internal group (which holds its members and attributes), null when there is none. */
    String organizationGroupId(String organizationId);

    /** One indexed lookup: is the user a member of the organization. */
    boolean isOrganizationMember(String organizationId, String userId);

    boolean isGroupMember(String groupId, String userId);

    long countGroupMembers(String groupId);

    /** Members of the group other than {@code userId} (null: all). */
    long countGroupMembersOtherThan(String groupId, String userId);

    /** Ids of the realm's organizations the user is a member of, in id order (a fixed lock order). */
    List<String> organizationIdsOf(String realmId, String userId);

    /** Ids of the realm's organizations the user is a managed member of (one query for all of them). */
    Set<String> managedOrganizationIdsOf(String realmId, String userId);

    /**
     * Turns the user's managed membership of the group into an unmanaged one, as a managed entity (so Keycloak's own
     * removal later in the transaction reads the new type); whether a row changed.
     */
    boolean makeMembershipUnmanaged(String userId, String groupId);

    /** Ids of the members of {@code groupId} who are not members of {@code otherGroupId}. */
    List<String> groupMembersNotIn(String groupId, String otherGroupId);

    /** Makes every member of {@code fromGroupId} an unmanaged member of {@code toGroupId} (one statement); how many. */
    int addGroupMembersTo(String fromGroupId, String toGroupId);

    // ---- organizations selected by their attributes ----------------------------------------------------

    /**
     * Organizations whose attribute {@code name} holds {@code value}, and, when {@code excludedName} is not null,
     * whose attribute {@code excludedName} does not hold {@code excludedValue}.
     */
    record AttributeFilter(String name, String value, String excludedName, String excludedValue) {

        public static AttributeFilter having(String name, String value) {
            return new AttributeFilter(name, value, null, null);
        }

        public AttributeFilter without(String name, String value) {
            return new AttributeFilter(this.name, this.value, name, value);
        }
    }

    /** Ids of the realm's organizations the filter selects that the user is not a member of. */
    List<String> organizationsMissingUser(String realmId, String userId, AttributeFilter filter);

    /** Makes the user an unmanaged member of every organization {@link #organizationsMissingUser} lists; how many. */
    int addUserToOrganizations(String realmId, String userId, AttributeFilter filter);

    /** Ids of the realm's organizations whose attributes {@code name} and {@code otherName} hold the values given. */
    List<String> organizationsHavingBoth(String realmId, String name, String value, String otherName, String otherValue);

    /**
     * Ids of the realm's organizations that lack one of the child groups named {@code childGroupNames}, or have a
     * member (no service account) in none of them, in id order.
     */
    List<String> organizationsWithMembersOutside(String realmId, List<String> childGroupNames);

    /** Aliases of (at most {@code max}) organizations with members (no service accounts) and nobody in the named child group. */
    List<String> organizationsWithNobodyIn(String realmId, String childGroupName, int max);

    // ---- the organizations list ------------------------------------------------------------------------

    /**
     * One page of organization ids matching {@code search} in name, alias or a domain (null or blank: all), ordered by
     * name, filtered by fine-grained admin permissions exactly as Keycloak's own organization search is.
     */
    List<String> searchOrganizations(RealmModel realm, String search, int first, int max);

    long countOrganizations(RealmModel realm, String search);

    // ---- invitations -------------------------------------------------------------------------------------

    /** Invitations of the organization that can still be accepted (not expired). */
    long countPendingInvitations(String organizationId);

    /** Pending invitations per organization id, for the given organizations (absent: none). */
    Map<String, Long> countPendingInvitations(List<String> organizationIds);

    /** Invitations of the realm's organizations to this address (any case) that can still be accepted, oldest first. */
    List<OrganizationInvitationModel> pendingInvitationsTo(String realmId, String email);

    /**
     * Organization attributes of the realm whose name starts with {@code prefix}, as {@code [organizationId, name]},
     * in organization order (read only: callers change attributes through Keycloak's model).
     */
    List<String[]> organizationAttributesNamed(String realmId, String prefix);
}
