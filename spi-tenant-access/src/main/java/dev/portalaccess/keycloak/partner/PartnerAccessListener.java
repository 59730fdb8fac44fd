package dev.portalaccess.keycloak.partner;

import dev.portalaccess.keycloak.organization.InvitationRemovedEvent;
import dev.portalaccess.keycloak.organization.InvitationRemovingEvent;
import dev.portalaccess.keycloak.organization.MemberRemovingEvent;
import dev.portalaccess.keycloak.organization.OrganizationAttributesWrittenEvent;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Sees every membership change on every path (admin REST of Keycloak and of this extension, account and
 * login flows, invitation links), in the changing transaction:
 * <ul>
 *   <li>a user joins the partner staff group: access to every auto-add tenant;</li>
 *   <li>a user leaves it: the tenants they had as a partner user are revoked;</li>
 *   <li>a member or a pending invitation is about to be removed from a tenant ({@link MemberRemovingEvent},
 *       {@link InvitationRemovingEvent}): the tenant is locked and checked before anything is written, so a
 *       refusal has nothing to roll back;</li>
 *   <li>a member leaves a tenant, a user is deleted, or a pending invitation is removed (Keycloak's own
 *       invitation DELETE included): the tenant is locked and checked before commit ({@link TenantGuard});</li>
 *   <li>a tenant's attributes are written (admin REST and console, import): "Automatically Add Partner
 *       Users" switched on there adds the partner users as the switch does; a bad value is refused.</li>
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
        } else if (event instanceof MemberRemovingEvent removing) {
            // before Keycloak deletes the membership: a refusal here has nothing written to roll back
            RealmModel realm = removing.session().getContext().getRealm();
            if (realm != null) {
                new PartnerAccess(removing.session(), realm).checkRemoval(removing.organization(), removing.member());
            }
        } else if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent leave) {
            KeycloakSession session = leave.getSession();
            RealmModel realm = session.getContext().getRealm();
            if (realm != null) {
                new PartnerAccess(session, realm).guardLeave(leave.getOrganization(), leave.getUser());
            }
        } else if (event instanceof UserModel.UserPreRemovedEvent removed) {
            // deleting a user drops their memberships without a leave event: it is a revoke of every tenant
            if (removed.getRealm() != null) {
                new PartnerAccess(removed.getKeycloakSession(), removed.getRealm()).guardUserRemoval(removed.getUser());
            }
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            // a realm created or imported with partner access on gets the "join a tenant" required action
            // and the pending invitations its tenants seed
            if (PartnerAccessConfig.of(created.getCreatedRealm()).enabled()) {
                TenantInvitationAction.ensureRegistered(created.getCreatedRealm());
                new PartnerAccess(created.getKeycloakSession(), created.getCreatedRealm()).seedInvitations();
            }
        } else if (event instanceof OrganizationAttributesWrittenEvent written) {
            // the auto-add setting written on any path (admin REST and console, import, this API's switch)
            RealmModel realm = written.session().getContext().getRealm();
            if (realm != null) {
                new PartnerAccess(written.session(), realm).autoAddWritten(written.organization(), written.before(), written.after());
            }
        } else if (event instanceof InvitationRemovingEvent removing) {
            RealmModel realm = removing.session().getContext().getRealm();
            if (realm != null) {
                new PartnerAccess(removing.session(), realm).checkInvitationRemoval(removing.invitation());
            }
        } else if (event instanceof InvitationRemovedEvent removed) {
            // Keycloak's own invitation DELETE (and every other removal) goes through the invitation manager
            RealmModel realm = removed.session().getContext().getRealm();
            if (realm != null) {
                new PartnerAccess(removed.session(), realm).guardInvitationRemoval(removed.invitation());
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
