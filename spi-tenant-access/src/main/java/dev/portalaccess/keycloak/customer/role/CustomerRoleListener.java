package dev.portalaccess.keycloak.customer.role;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.portalaccess.keycloak.invitation.InvitationService;
import dev.portalaccess.keycloak.organization.InvitationCreatedEvent;
import dev.portalaccess.keycloak.organization.InvitationRemovingEvent;
import dev.portalaccess.keycloak.organization.MemberRemovingEvent;
import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Enforces customer roles on every path, because Keycloak publishes these events whatever changed the
 * membership (invitation link, admin REST, identity-provider first login, this project's self-service API):
 * <ul>
 *   <li>a member joining a customer gets a role: Administrator when the customer has none (the first
 *       user), else the role of their pending invitation, else User;</li>
 *   <li>joining a role group leaves the member's other role groups (one role per member);</li>
 *   <li>leaving the Administrator group, leaving the customer, or deleting the user is refused while that
 *       user is the customer's last Administrator: leaving the customer before Keycloak writes
 *       ({@link MemberRemovingEvent}), leaving the group through Keycloak's organization-group API on its
 *       leave event (Keycloak's only hook there, after the row is deleted);</li>
 *   <li>role groups are created for every customer at startup and after a realm is created or imported, and the
 *       invitation-role attributes of earlier versions are removed (the roles live with the invitations now).</li>
 * </ul>
 */
public final class CustomerRoleListener implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(CustomerRoleListener.class);

    private final KeycloakSessionFactory factory;

    public CustomerRoleListener(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof OrganizationModel.OrganizationMemberJoinEvent join) {
            onMemberJoined(join.getSession(), join.getOrganization(), join.getUser());
        } else if (event instanceof GroupModel.GroupMemberJoinEvent join) {
            onGroupJoined(join.getKeycloakSession(), join.getGroup(), join.getUser());
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent leave) {
            onGroupLeft(leave.getKeycloakSession(), leave.getGroup(), leave.getUser());
        } else if (event instanceof MemberRemovingEvent removing) {
            onMemberRemoving(removing.session(), removing.organization(), removing.member());
        } else if (event instanceof UserModel.UserPreRemovedEvent removed) {
            onUserRemoving(removed.getKeycloakSession(), removed.getRealm(), removed.getUser());
        } else if (event instanceof RealmModel.RealmCreationEvent created) {
            created.getKeycloakSession().setAttribute(CustomerRoles.IMPORTING_SESSION_ATTRIBUTE, created.getCreatedRealm().getId());
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            KeycloakSession session = created.getKeycloakSession();
            session.removeAttribute(CustomerRoles.IMPORTING_SESSION_ATTRIBUTE);
            new CustomerRoles(session).removeLegacyInvitationRoles(created.getCreatedRealm());
            new CustomerRoles(session).provision(created.getCreatedRealm());
        } else if (event instanceof InvitationRemovingEvent removing) {
            onInvitationRemoving(removing.session(), removing.invitation());
        } else if (event instanceof InvitationCreatedEvent created) {
            onInvitationCreated(created.session(), created.organization(), created.invitation());
        } else if (event instanceof PostMigrationEvent) {
            removeLegacyInvitationRolesInAllRealms();
            provisionAllRealms();
        }
    }

    private void onMemberJoined(KeycloakSession session, OrganizationModel organization, UserModel user) {
        CustomerRoles roles = new CustomerRoles(session);
        RealmModel realm = session.getContext().getRealm();
        if (!roles.isActive(realm) || user.getServiceAccountClientLink() != null) {
            // service accounts of a customer are machines, not team members: no role, never its first Administrator
            return;
        }
        CustomerRole role = roles.initialRole(organization, user);
        // the invitation's role goes with the invitation: Keycloak removes it on acceptance, its table row cascades
        roles.setRole(organization, user, role);
        LOG.debugf("%s joined customer %s as %s", user.getUsername(), organization.getAlias(), role.groupName());
    }

    /**
     * Keycloak's own resend ({@code POST .../organizations/{id}/invitations/{invitationId}/resend}) removes the invitation,
     * whose role row goes with it, and creates a new one for the same address: the role is handed over to it within
     * the request (a session attribute, nothing static). The project's own resend carries the role itself.
     */
    private void onInvitationRemoving(KeycloakSession session, org.keycloak.models.OrganizationInvitationModel invitation) {
        if (!isKeycloakResend(session, invitation)) {
            return;
        }
        new InvitationService(session).role(invitation.getId()).ifPresent(role ->
                session.setAttribute(carriedRoleKey(invitation.getOrganizationId(), invitation.getEmail()), role));
    }

    private void onInvitationCreated(KeycloakSession session, OrganizationModel organization,
                                     org.keycloak.models.OrganizationInvitationModel invitation) {
        String key = carriedRoleKey(organization.getId(), invitation.getEmail());
        Object role = session.getAttribute(key);
        if (role instanceof String carried) {
            session.removeAttribute(key);
            new InvitationService(session).setRole(invitation.getId(), carried);
        }
    }

    private static String carriedRoleKey(String organizationId, String email) {
        return CustomerRoles.RESENT_ROLE_SESSION_ATTRIBUTE + "." + organizationId + "."
                + (email == null ? "" : email.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isKeycloakResend(KeycloakSession session, org.keycloak.models.OrganizationInvitationModel invitation) {
        try {
            var request = session.getContext().getHttpRequest();
            var uri = session.getContext().getUri();
            String path = uri == null ? null : uri.getPath();
            return request != null && "POST".equals(request.getHttpMethod()) && path != null
                    && path.matches(".*/admin/realms/[^/]+/organizations/" + java.util.regex.Pattern.quote(invitation.getOrganizationId())
                            + "/invitations/" + java.util.regex.Pattern.quote(invitation.getId()) + "/resend/?");
        } catch (RuntimeException notAnHttpRequest) {
            return false;
        }
    }

    private void onGroupJoined(KeycloakSession session, GroupModel group, UserModel user) {
        if (!isActiveRoleGroup(session, group)) {
            return;
        }
        CustomerRoles roles = new CustomerRoles(session);
        OrganizationModel organization = group.getOrganization();
        // one role per member: joining one role group leaves the others (leaving Administrator is guarded)
        for (Map.Entry<CustomerRole, GroupModel> other : roles.existingGroups(organization).entrySet()) {
            if (!other.getValue().getId().equals(group.getId()) && user.isMemberOf(other.getValue())) {
                user.leaveGroup(other.getValue());
            }
        }
    }

    private void onGroupLeft(KeycloakSession session, GroupModel group, UserModel user) {
        if (!isActiveRoleGroup(session, group) || !CustomerRole.ADMINISTRATOR.groupName().equals(group.getName())) {
            return;
        }
        new CustomerRoles(session).requireAnotherAdministrator(group.getOrganization(), user);
    }

    /** Before Keycloak deletes the memberships (its leave events come after the rows are flushed). */
    private void onMemberRemoving(KeycloakSession session, OrganizationModel organization, UserModel user) {
        CustomerRoles roles = new CustomerRoles(session);
        if (roles.isActive(session.getContext().getRealm())
                && roles.roleOf(organization, user).filter(CustomerRole.ADMINISTRATOR::equals).isPresent()) {
            roles.requireAnotherAdministrator(organization, user);
        }
    }

    private void onUserRemoving(KeycloakSession session, RealmModel realm, UserModel user) {
        CustomerRoles roles = new CustomerRoles(session);
        if (!roles.isActive(realm)) {
            return;
        }
        OrganizationProvider organizations = roles.organizations();
        List<OrganizationModel> memberOf = organizations.getByMember(user).collect(Collectors.toList());
        for (OrganizationModel organization : memberOf) {
            if (roles.roleOf(organization, user).filter(CustomerRole.ADMINISTRATOR::equals).isPresent()) {
                roles.requireAnotherAdministrator(organization, user);
            }
        }
    }

    private static boolean isActiveRoleGroup(KeycloakSession session, GroupModel group) {
        if (group == null || group.getType() != GroupModel.Type.ORGANIZATION || group.getParentId() == null) {
            return false;
        }
        RealmModel realm = session.getContext().getRealm();
        return realm != null && new CustomerRoles(session).isActive(realm) && CustomerRoles.isRoleGroup(group);
    }

    /** Every realm, roles enabled or not: the attributes of earlier versions grant nothing anywhere now. */
    private void removeLegacyInvitationRolesInAllRealms() {
        List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory, session ->
                session.realms().getRealmsStream().map(RealmModel::getId).collect(Collectors.toList()));
        for (String realmId : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    if (realm != null) {
                        new CustomerRoles(session).removeLegacyInvitationRoles(realm);
                    }
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not remove the invitation-role attributes of earlier versions in realm %s", realmId);
            }
        }
    }

    private void provisionAllRealms() {
        List<String> realmIds = KeycloakModelUtils.runJobInTransactionWithResult(factory, session ->
                session.realms().getRealmsStream().filter(CustomerRoles::isEnabled).map(RealmModel::getId).collect(Collectors.toList()));
        for (String realmId : realmIds) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, session -> {
                    RealmModel realm = session.realms().getRealm(realmId);
                    session.getContext().setRealm(realm);
                    new CustomerRoles(session).provision(realm);
                });
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not provision customer roles in realm %s", realmId);
            }
        }
    }
}
