package dev.portalaccess.keycloak.organization;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

import dev.portalaccess.keycloak.keycloakdb.KeycloakDb;

/**
 * "Is this user a managed member of this organization?" for users in many organizations, in realms whose
 * memberships are access only ({@link AccessOnlyMembership}).
 *
 * <p>Keycloak asks it for every organization of a user on every user lookup
 * ({@code Organizations.isReadOnlyOrganizationMember} in {@code UserCacheSession.validateCache}), and answers
 * each with its own database lookup unless that membership happens to be cached: a partner user in 2,000
 * tenants cost 2,000 lookups per request (minutes on a busy machine). Here the user's managed
 * memberships of the realm are read once per request (one indexed query; in such realms there are only
 * those made before {@link AccessOnlyMembership} or while partner access was off) and every membership
 * write through the decorating provider in the request forgets them, so the answer is the database's.
 * Request-scoped: a session attribute, nothing shared.
 */
final class ManagedMemberships {

    private static final String ATTRIBUTE = ManagedMemberships.class.getName();

    private ManagedMemberships() {
    }

    static boolean isManaged(KeycloakSession session, OrganizationModel organization, UserModel user) {
        if (organization == null || user == null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        Map<String, Set<String>> byUser = session.getAttribute(ATTRIBUTE, Map.class);
        if (byUser == null) {
            byUser = new HashMap<>();
            session.setAttribute(ATTRIBUTE, byUser);
        }
        return byUser.computeIfAbsent(user.getId(), id -> managedOrganizations(session, id)).contains(organization.getId());
    }

    /** A membership changed in this request: read again on the next question. */
    static void forget(KeycloakSession session) {
        session.removeAttribute(ATTRIBUTE);
    }

    private static Set<String> managedOrganizations(KeycloakSession session, String userId) {
        return KeycloakDb.of(session).managedOrganizationIdsOf(session.getContext().getRealm().getId(), userId);
    }
}
