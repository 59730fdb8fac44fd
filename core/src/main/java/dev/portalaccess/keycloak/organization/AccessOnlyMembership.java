package dev.portalaccess.keycloak.organization;

import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

import dev.portalaccess.keycloak.keycloakdb.KeycloakDb;
import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * In realms with partner access (seed 002; the realm attribute partner access declares as
 * {@link SharedSetting#ACCESS_ONLY_MEMBERSHIP}) an
 * organization is a customer tenant and its membership is <em>access</em> to it, never ownership of the
 * account. Keycloak makes some members "managed" (registration through an invitation, a first sign-in
 * through the organization's identity provider, an import with {@code membershipType MANAGED}) and deletes
 * the account of a managed member when they leave the organization, which would take the person's other
 * tenants with it. In such realms:
 * <ul>
 *   <li>every member is added unmanaged ({@link RestrictingOrganizationProvider#addManagedMember});</li>
 *   <li>a managed membership made before (or elsewhere) is turned unmanaged just before it is removed, so
 *       Keycloak's removal (its member DELETE, this project's revoke, deleting the tenant) leaves the account
 *       and its other memberships.</li>
 * </ul>
 * The row is changed ({@link KeycloakDb#makeMembershipUnmanaged}) through Keycloak's {@code EntityManager} as a managed entity (so Keycloak's own removal
 * in the same transaction reads the new type); the cached membership (which holds "managed") is invalidated
 * by Keycloak's removal that follows, on every node. Keycloak's "is this a managed member?", asked for
 * every organization of a user on every user lookup, is answered with one query per request
 * ({@link ManagedMemberships}).
 */
final class AccessOnlyMembership {

    private static final Logger LOG = Logger.getLogger(AccessOnlyMembership.class);

    private AccessOnlyMembership() {
    }

    /** Whether memberships of the session's realm are access only. */
    static boolean applies(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        if (realm == null) {
            return false;
        }
        // declared by the feature that owns it (partner access); not deployed: memberships are Keycloak's own
        return SharedSetting.ACCESS_ONLY_MEMBERSHIP.on(session.getKeycloakSessionFactory(), Boolean.class)
                .map(setting -> Boolean.TRUE.equals(setting.read(realm)))
                .orElse(false);
    }

    /** Turns the user's managed membership of the organization (if any) into an unmanaged one. */
    static void keepAccountOnRemoval(KeycloakSession session, OrganizationProvider keycloak, OrganizationModel organization,
            UserModel user) {
        GroupModel group = keycloak.getOrganizationGroup(organization);
        // not a local member: Keycloak's removal answers for itself
        if (group != null && KeycloakDb.of(session).makeMembershipUnmanaged(user.getId(), group.getId())) {
            ManagedMemberships.forget(session);
            LOG.debugf("Managed member %s of tenant %s made unmanaged before removal: the account stays",
                    user.getUsername(), organization.getAlias());
        }
    }
}
