package dev.portalaccess.keycloak.membership;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.organization.utils.Organizations;

/**
 * Just-in-time activation of invitations on the first sign-in through a customer's own identity provider.
 *
 * <p>Runs in the first broker login flow after "User creation or linking" (so the account exists) and
 * before Keycloak's "Conditional Organization" sub-flow. When the identity provider is linked to an
 * organization and the user is not a member yet:
 * <ul>
 *   <li>a pending invitation of that organization for the user's email: the user joins as a managed member
 *       (the join event sees the invitation, so whatever it carries applies), and the invitation is
 *       removed, as Keycloak's own invitation handler does after {@code addMember};</li>
 *   <li>none: the organization's {@code portalaccess.jit.withoutInvitation} decides: {@code refuse}
 *       (default) answers with a localized page and an {@code IDENTITY_PROVIDER_FIRST_LOGIN_ERROR} event,
 *       {@code join} adds a plain managed member.</li>
 * </ul>
 * Membership goes through the organization provider, so the domain restriction holds here as everywhere.
 * A refusal rolls the whole request back: the account created by this first login is not kept.
 * Keycloak's own {@code idp-add-organization-member} that follows finds the member and does nothing more.
 */
final class InvitationJitAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(InvitationJitAuthenticator.class);

    static final String DETAIL_INVITATION_ID = "invitation_id";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        UserModel user = context.getUser();
        String organizationId = brokerContext.getIdpConfig().getOrganizationId();
        if (organizationId == null || user == null || !Organizations.isEnabled(session)) {
            context.success(); // not a customer's identity provider: nothing to activate
            return;
        }
        OrganizationProvider provider = session.getProvider(OrganizationProvider.class);
        OrganizationModel organization = provider.getById(organizationId);
        if (organization == null || !organization.isEnabled() || provider.isMember(organization, user)) {
            context.success();
            return;
        }

        String email = user.getEmail() != null ? user.getEmail() : brokerContext.getEmail();
        InvitationManager invitations = provider.getInvitationManager();
        OrganizationInvitationModel invitation = email == null ? null : invitations.getByEmail(organization, email);

        if (invitation != null && !invitation.isExpired()) {
            provider.addManagedMember(organization, user);
            invitations.remove(invitation.getId());
            context.getEvent().clone().event(EventType.INVITE_ORG)
                    .user(user)
                    .detail(Details.USERNAME, user.getUsername())
                    .detail(Details.EMAIL, email)
                    .detail(Details.ORG_ID, organization.getId())
                    .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                    .detail(DETAIL_INVITATION_ID, invitation.getId())
                    .success();
            LOG.debugf("Invitation %s of organization %s accepted just in time by %s", invitation.getId(),
                    organization.getAlias(), user.getUsername());
            context.success();
            return;
        }

        MembershipSettings settings = MembershipSettings.of(organization.getAttributes());
        if (settings.withoutInvitation() == MembershipSettings.WithoutInvitation.JOIN) {
            provider.addManagedMember(organization, user);
            LOG.debugf("%s joined organization %s without an invitation", user.getUsername(), organization.getAlias());
            context.success();
            return;
        }
        throw Refusals.invitationRequired(session, organization, email);
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        // no form of its own
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
