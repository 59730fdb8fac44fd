package dev.portalaccess.keycloak.customer.removal;

import java.util.List;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.customer.invite.CustomerInvitationSettings;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * When a member leaves a customer (admin console, admin REST, any path that calls
 * {@code OrganizationProvider.removeMember}) and the realm attribute {@code portalaccess.removal.signOut}
 * is "true", ends the user's sessions that reached a portal client, online and offline, in the same
 * transaction as the removal. Their refresh tokens stop working at once.
 */
public final class RemovalSignOut {

    private static final Logger LOG = Logger.getLogger(RemovalSignOut.class);

    private RemovalSignOut() {
    }

    public static void onProviderEvent(ProviderEvent event) {
        if (event instanceof OrganizationModel.OrganizationMemberLeaveEvent leave) {
            signOut(leave.getSession(), leave.getOrganization(), leave.getUser());
        }
    }

    static void signOut(KeycloakSession session, OrganizationModel customer, UserModel user) {
        RealmModel realm = session.getContext().getRealm();
        if (user == null || !CustomerInvitationSettings.removalSignOut(realm)) {
            return;
        }
        List<UserSessionModel> online = session.sessions().getUserSessionsStream(realm, user)
                .filter(RemovalSignOut::reachedPortal).toList();
        for (UserSessionModel userSession : online) {
            AuthenticationManager.backchannelLogout(session, userSession, true);
        }
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user)
                .filter(RemovalSignOut::reachedPortal).toList();
        for (UserSessionModel userSession : offline) {
            session.sessions().removeOfflineUserSession(realm, userSession);
        }
        LOG.debugf("Removed from customer %s: %s signed out of %d portal session(s), %d offline", customer.getAlias(),
                user.getUsername(), online.size(), offline.size());
    }

    private static boolean reachedPortal(UserSessionModel userSession) {
        return userSession.getAuthenticatedClientSessions().values().stream()
                .anyMatch(cs -> PortalAccessSettings.isPortalClient(cs.getClient()));
    }
}
