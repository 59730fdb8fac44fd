package dev.portalaccess.keycloak.partner;

import com.google.auto.service.AutoService;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.ActionTokenHandlerFactory;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionToken;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionTokenHandler;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.Urls;

/**
 * Keycloak's organization invitation link for users who already have an account, with one change in
 * realms with partner access on: the link does not sign the user in and make them a member by itself.
 * It proves that they read mail at the invited address (so the address is marked verified) and sends
 * them to sign in; once signed in they accept in {@link TenantInvitationAction}. Everywhere else, and
 * for every invalid, expired or cancelled link, Keycloak's own handling answers unchanged.
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
        UserModel user = tokenContext.getAuthenticationSession().getAuthenticatedUser();
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        OrganizationModel tenant = organizations.getById(token.getOrgId());
        OrganizationInvitationModel invitation = organizations.getInvitationManager().getById(token.getId());
        if (user == null || tenant == null || !tenant.isEnabled() || tenant.isMember(user)
                || invitation == null || invitation.isExpired()) {
            return super.handleToken(token, tokenContext); // Keycloak's own answer for each of these
        }
        if (!user.isEmailVerified()) {
            // the token's address equals the account's (checked by the verifier) and it came to that mailbox
            user.setEmailVerified(true);
        }
        TenantInvitationAction.ensureRegistered(realm);
        return session.getProvider(LoginFormsProvider.class)
                .setAuthenticationSession(tokenContext.getAuthenticationSession())
                .setAttribute("messageHeader", "partnerAccess.signInToAcceptTitle")
                .setAttribute("actionUri", signInUrl(session, realm, config, token))
                .setInfo("partnerAccess.signInToAccept", tenant.getName())
                .createInfoPage();
    }

    /** The partner portal if configured, else where the invitation was to lead, else the account console. */
    private static String signInUrl(KeycloakSession session, RealmModel realm, PartnerAccessConfig config, InviteOrgActionToken token) {
        if (config.portalUrl() != null) {
            return config.portalUrl();
        }
        if (token.getRedirectUri() != null && !token.getRedirectUri().isBlank()) {
            return token.getRedirectUri();
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).build(realm.getName()).toString();
    }
}
