package dev.portalaccess.keycloak.partner;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationProcessor;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.ActionTokenHandlerFactory;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionToken;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionTokenHandler;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's organization invitation link for users who already have an account, with one change in
 * realms with partner access on: the link alone neither signs anyone in, nor accepts, nor verifies an
 * address. It proves that whoever holds this browser read mail at the invited address, and only for this
 * browser's authentication session ({@link MailboxProof}); the account holder then signs in in that same
 * session (the sign-in form of the realm's browser flow follows at once: the password of the invited
 * account, or Keycloak's "Forgot password?", whose mail goes to the same mailbox; an SSO session of the
 * same account in this browser counts), and {@link TenantInvitationAction} accepts there.
 *
 * <p>So someone who registered the invitee's address before the invitation (an unverified "squatter")
 * gains nothing when the real invitee clicks the link: the proof stays in the invitee's browser, and the
 * squatter's own sign-in carries none. Everywhere else, and for every invalid, expired or cancelled link,
 * Keycloak's own handling answers unchanged (Keycloak also refuses the link while another account is
 * signed in in this browser).
 *
 * <p>Replaces Keycloak's handler of the same token type (a custom factory wins over a built-in one of
 * the same id), so Keycloak's own invite endpoints are covered as well as this extension's.
 */
@AutoService(ActionTokenHandlerFactory.class)
public final class PartnerInvitationLinkHandler extends InviteOrgActionTokenHandler {

    @Override
    public Response handleToken(InviteOrgActionToken token, ActionTokenContext<InviteOrgActionToken> tokenContext) {
        KeycloakSession session = tokenContext.getSession();
        RealmModel realm = tokenContext.getRealm();
        PartnerAccessConfig config = PartnerAccessConfig.of(realm);
        if (!config.enabled() || !realm.isOrganizationsEnabled()) {
            return super.handleToken(token, tokenContext);
        }
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        UserModel user = authSession.getAuthenticatedUser(); // the token's account (its address is the invited one)
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel tenant = organizations.getById(token.getOrgId());
        OrganizationInvitationModel invitation = organizations.getInvitationManager().getById(token.getId());
        if (user == null || tenant == null || !tenant.isEnabled() || tenant.isMember(user)
                || invitation == null || invitation.isExpired()) {
            return super.handleToken(token, tokenContext); // Keycloak's own answer for each of these
        }
        MailboxProof.record(authSession, user, token.getEmail());
        TenantInvitationAction.ensureRegistered(realm);
        // after accepting, the "back to the application" link leads to the partner portal
        authSession.setAuthNote(AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS, "true");
        authSession.setRedirectUri(portalUrl(session, realm, config, token));
        // sign in as the invited account in this very authentication session
        authSession.setAuthNote(AuthenticationProcessor.CURRENT_FLOW_PATH, LoginActionsService.AUTHENTICATE_PATH);
        AuthenticationProcessor processor = new AuthenticationProcessor().setAuthenticationSession(authSession);
        processor.setForwardedInfoMessage(new FormMessage(null, "portalAccessPartnerSignInToAccept", tenant.getName()));
        return tokenContext.processFlow(false, LoginActionsService.AUTHENTICATE_PATH, realm.getBrowserFlow(), null, processor);
    }

    /** The partner portal if configured, else where the invitation was to lead, else the account console. */
    private static String portalUrl(KeycloakSession session, RealmModel realm, PartnerAccessConfig config, InviteOrgActionToken token) {
        if (config.portalUrl() != null) {
            return config.portalUrl();
        }
        if (token.getRedirectUri() != null && !token.getRedirectUri().isBlank()) {
            return token.getRedirectUri();
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName()).toString();
    }
}
