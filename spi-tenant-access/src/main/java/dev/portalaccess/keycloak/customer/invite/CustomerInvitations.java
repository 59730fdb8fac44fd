package dev.portalaccess.keycloak.customer.invite;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.invitation.InvitationRefusedException;
import dev.portalaccess.keycloak.invitation.InvitationRequest;
import dev.portalaccess.keycloak.invitation.InvitationService;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.util.ResolveRelative;

/**
 * Sends a customer invitation through core's {@link InvitationService} (Keycloak's persisted invitation, action-token
 * link, {@code org-invite.ftl} email, Keycloak's admin event and manage permission check, every
 * {@code OrganizationProvider} decoration such as domain restrictions), the link leading to the customer's portal.
 */
public final class CustomerInvitations {

    /** Template attribute of the invitation email: who invited. */
    public static final String INVITER_NAME = "inviterName";

    private CustomerInvitations() {
    }

    /**
     * Invites {@code email} to {@code customer} carrying {@code role} (null: none), the link leading to the customer's
     * redirect URL, else the portal client's URL. Throws what the service throws ({@link InvitationRefusedException},
     * a model refusal, or Keycloak's 403 when {@code auth} may not manage the customer).
     */
    public static OrganizationInvitationModel invite(KeycloakSession session, RealmModel realm, OrganizationModel customer,
                                                     String email, String firstName, String lastName, String inviterName,
                                                     String role, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        if (inviterName != null && !inviterName.isBlank()) {
            // the same provider instance (one per session) renders the mail below
            session.getProvider(EmailTemplateProvider.class).setAttribute(INVITER_NAME, inviterName);
        }
        String redirectUrl = customer.getRedirectUrl();
        // the customer's own redirect URL wins; else the portal (the customer itself stays unchanged)
        String landing = redirectUrl == null || redirectUrl.isBlank() ? portalUrl(session, realm) : null;
        InvitationRequest request = InvitationRequest.of(email, firstName, lastName).withRole(role).withRedirectUri(landing);
        return new InvitationService(session).invite(customer, request, auth, adminEvent);
    }

    /** The portal client's base URL, absolute; null when the realm has no portal client with one. */
    static String portalUrl(KeycloakSession session, RealmModel realm) {
        ClientModel portal = PortalAccessSettings.portalClient(realm);
        if (portal == null) {
            return null;
        }
        String base = portal.getBaseUrl();
        if ((base == null || base.isBlank()) && portal.getRootUrl() == null) {
            return null;
        }
        return ResolveRelative.resolveRelativeUri(session, portal.getRootUrl(), base == null || base.isBlank() ? "/" : base);
    }

    /** The name shown as inviter for invitations the realm sends by itself. */
    public static String realmInviterName(RealmModel realm) {
        String display = realm.getDisplayName();
        return display == null || display.isBlank() ? realm.getName() : display;
    }

    /** Whether an automatic invitation went out, and if not, why. */
    public record AutoInviteOutcome(boolean sent, String reason) {
    }

    /**
     * Marks {@code creating} (the session whose transaction creates a customer) as sending the automatic invitation
     * itself through {@link #autoInviteNow}, so the event listener does not send a second one.
     */
    public static void invitesItself(KeycloakSession creating) {
        creating.setAttribute(CustomerEventListener.INVITES_ITSELF, Boolean.TRUE);
    }

    /**
     * The automatic invitation of a customer whose creation has committed, as {@code admin} (their verified
     * token and permissions), in its own transaction, exactly as the event listener sends it; answers what
     * happened. A refusal is logged and recorded as an admin event, and never undoes the customer.
     */
    public static AutoInviteOutcome autoInviteNow(KeycloakSession session, RealmModel realm, String customerId,
                                                  org.keycloak.services.resources.admin.AdminAuth admin) {
        if (!CustomerInvitationSettings.autoInvite(realm)) {
            return new AutoInviteOutcome(false, "automatic invitation is off in realm " + realm.getName());
        }
        org.keycloak.events.admin.AuthDetails details = new org.keycloak.events.admin.AuthDetails();
        details.setRealmId(admin.getRealm().getId());
        details.setClientId(admin.getClient().getId());
        details.setUserId(admin.getUser().getId());
        AutoInvite.Outcome outcome = new AutoInvite(realm.getId(), customerId, details, admin.getToken(),
                session.getContext().getConnection()).run(session);
        return new AutoInviteOutcome(outcome.sent(), outcome.reason());
    }
}
