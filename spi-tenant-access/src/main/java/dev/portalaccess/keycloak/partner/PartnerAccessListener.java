package dev.portalaccess.keycloak.partner;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Sees every membership change on every path (admin REST of Keycloak and of this extension, account and
 * login flows, invitation links), in the changing transaction:
 * <ul>
 *   <li>a user joins the partner staff group: access to every auto-add tenant;</li>
 *   <li>a user leaves it: the tenants they had as a partner user are revoked;</li>
 *   <li>a member leaves a tenant: the tenant is locked and checked before commit ({@link TenantGuard}).</li>
 * </ul>
 * A refusal is a {@link PartnerAccessException} (a ModelValidationException), which rolls the whole
 * transaction back. Stateless: one instance serves the whole server.
 */
final class PartnerAccessListener implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof GroupModel.GroupMemberJoinEvent join) {
            PartnerAccess access = staffAccess(join.getKeycloakSession(), join.getRealm(), join.getGroup());
            if (access != null) {
                access.onStaffJoined(join.getUser());
            }
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent leave) {
            PartnerAccess access = staffAccess(leave.getKeycloakSession(), leave.getRealm(), leave.getGroup());
            if (access != null) {
                access.onStaffLeft(leave.getUser());
            }
        } else if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent leave) {
            KeycloakSession session = leave.getSession();
            RealmModel realm = session.getContext().getRealm();
            if (realm != null) {
                new PartnerAccess(session, realm).guardLeave(leave.getOrganization(), leave.getUser());
            }
        }
    }

    /** The realm's partner access if {@code group} is its staff group, else null. */
    private static PartnerAccess staffAccess(KeycloakSession session, RealmModel realm, GroupModel group) {
        if (realm == null || group == null || group.getType() != GroupModel.Type.REALM || group.getParentId() != null) {
            return null;
        }
        PartnerAccessConfig config = PartnerAccessConfig.of(realm);
        if (!config.enabled() || !config.staffGroupName().equals(group.getName())) {
            return null;
        }
        return new PartnerAccess(session, realm);
    }
}
