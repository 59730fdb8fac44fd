package dev.portalaccess.keycloak.partner;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionToken;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.ResolveRelative;
import org.keycloak.storage.adapter.InMemoryUserAdapter;

/**
 * Sends an invitation to a tenant as Keycloak's {@code OrganizationInvitationResource.inviteUser} does (persisted
 * invitation, the organization invite email, a join link for an account, a registration link otherwise), without
 * its admin-permission check: both partner APIs check their caller before ({@link PartnerCaller#requireInvite}), so
 * admin REST and the team page send the very same invitation.
 */
final class PartnerInvitationSender {

    private static final Logger LOG = Logger.getLogger(PartnerInvitationSender.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    PartnerInvitationSender(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** {@code email} is already normalised and checked by {@link PartnerAccess#checkInvitation}. */
    OrganizationInvitationModel send(OrganizationModel tenant, String email, String firstName, String lastName) {
        if (!tenant.isEnabled()) {
            throw PartnerAccessException.badRequest("tenantId", "tenantDisabled", "Tenant '" + tenant.getName() + "' is disabled.");
        }
        InvitationManager invitations = session.getProvider(OrganizationProvider.class).getInvitationManager();
        OrganizationInvitationModel existing = invitations.getByEmail(tenant, email);
        if (existing != null) {
            if (!existing.isExpired()) {
                throw PartnerAccessException.conflict("email", "alreadyInvited", "'" + email
                        + "' already has a pending invitation to tenant '" + tenant.getName() + "'.");
            }
            invitations.remove(existing.getId());
        }
        UserModel user = session.users().getUserByEmail(realm, email);
        if (user == null) {
            // only carries the address and names into the email template and the registration token
            user = new InMemoryUserAdapter(session, realm, null);
            user.setEmail(email);
            if (firstName != null && lastName != null) {
                user.setFirstName(firstName);
                user.setLastName(lastName);
            }
        }
        OrganizationInvitationModel invitation = invitations.create(tenant, user.getEmail(), user.getFirstName(), user.getLastName());
        String link = user.getId() == null ? registrationLink(tenant, user, invitation) : joinLink(tenant, user, invitation);
        invitation.setInviteLink(link);
        try {
            session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user)
                    .sendOrgInviteEmail(tenant, link, TimeUnit.SECONDS.toMinutes(realm.getActionTokenGeneratedByAdminLifespan()));
        } catch (EmailException e) {
            LOG.warnf(e, "Could not send the invitation of %s to tenant %s", email, tenant.getAlias());
            throw new PartnerAccessException(500, "email", "emailNotSent", "partnerAccess.emailNotSent",
                    "The invitation email to '" + email + "' could not be sent.");
        }
        return invitation;
    }

    private String joinLink(OrganizationModel tenant, UserModel user, OrganizationInvitationModel invitation) {
        return LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam("key", token(tenant, user, invitation))
                .build(realm.getName()).toString();
    }

    private String registrationLink(OrganizationModel tenant, UserModel user, OrganizationInvitationModel invitation) {
        return OIDCLoginProtocolService.registrationsUrl(session.getContext().getUri().getBaseUriBuilder())
                .queryParam(OAuth2Constants.RESPONSE_TYPE, OIDCResponseType.CODE)
                .queryParam(Constants.CLIENT_ID, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID)
                .queryParam(Constants.TOKEN, token(tenant, user, invitation))
                .buildFromMap(Map.of("realm", realm.getName(), "protocol", OIDCLoginProtocol.LOGIN_PROTOCOL)).toString();
    }

    private String token(OrganizationModel tenant, UserModel user, OrganizationInvitationModel invitation) {
        InviteOrgActionToken token = new InviteOrgActionToken(user.getId(), invitation.getExpiresAt(), user.getEmail(),
                Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        token.setOrgId(tenant.getId());
        token.id(invitation.getId());
        String redirect = tenant.getRedirectUrl();
        token.setRedirectUri(redirect == null || redirect.isBlank() ? accountBase() : redirect);
        return token.serialize(session, realm, session.getContext().getUri());
    }

    private String accountBase() {
        ClientModel account = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (account != null && account.getBaseUrl() != null && !account.getBaseUrl().isBlank()) {
            return ResolveRelative.resolveRelativeUri(session, account.getRootUrl(), account.getBaseUrl());
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).path("/").build(realm.getName()).toString();
    }
}
