package dev.portalaccess.keycloak.invitation;

import java.util.Map;

import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionToken;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.OIDCLoginProtocolService;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.services.Urls;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.util.ResolveRelative;

/**
 * The project's only copy of Keycloak's invitation link and token logic. It follows
 * {@code org.keycloak.organization.admin.resource.OrganizationInvitationResource} of Keycloak 26.7.3
 * ({@code createInvitationLink}, {@code createRegistrationLink}, {@code createToken},
 * {@code resolveAccountClientBaseUrl}) so that the links this project mails are accepted by Keycloak's own
 * {@code InviteOrgActionTokenHandler} and registration form exactly like Keycloak's. Compare with that class on
 * every Keycloak upgrade. The one addition: a caller may name the page the invitee lands on after accepting
 * (the portal URL) instead of the organization's redirect URL.
 */
final class InvitationLinks {

    private final KeycloakSession session;
    private final RealmModel realm;

    InvitationLinks(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** A user without an id (not registered yet) gets the registration link, an existing user the action-token link. */
    String link(OrganizationModel organization, UserModel user, OrganizationInvitationModel invitation, String redirectUri) {
        return user.getId() == null
                ? registrationLink(organization, user, invitation, redirectUri)
                : invitationLink(organization, user, invitation, redirectUri);
    }

    private String invitationLink(OrganizationModel organization, UserModel user, OrganizationInvitationModel invitation,
                                  String redirectUri) {
        return LoginActionsService.actionTokenProcessor(session.getContext().getUri())
                .queryParam("key", token(organization, user, invitation, redirectUri))
                .build(realm.getName()).toString();
    }

    private String registrationLink(OrganizationModel organization, UserModel user, OrganizationInvitationModel invitation,
                                    String redirectUri) {
        return OIDCLoginProtocolService.registrationsUrl(session.getContext().getUri().getBaseUriBuilder())
                .queryParam(OAuth2Constants.RESPONSE_TYPE, OIDCResponseType.CODE)
                .queryParam(Constants.CLIENT_ID, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID)
                .queryParam(Constants.TOKEN, token(organization, user, invitation, redirectUri))
                .buildFromMap(Map.of("realm", realm.getName(), "protocol", OIDCLoginProtocol.LOGIN_PROTOCOL)).toString();
    }

    private String token(OrganizationModel organization, UserModel user, OrganizationInvitationModel invitation,
                         String redirectUri) {
        InviteOrgActionToken token = new InviteOrgActionToken(user.getId(), invitation.getExpiresAt(), user.getEmail(),
                Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        token.setOrgId(organization.getId());
        token.id(invitation.getId());
        token.setRedirectUri(redirectTarget(organization, redirectUri));
        return token.serialize(session, realm, session.getContext().getUri());
    }

    /** The caller's target, else the organization's redirect URL, else the account console (Keycloak's order). */
    String redirectTarget(OrganizationModel organization, String redirectUri) {
        if (!isBlank(redirectUri)) {
            return redirectUri;
        }
        if (!isBlank(organization.getRedirectUrl())) {
            return organization.getRedirectUrl();
        }
        ClientModel accountClient = realm.getClientByClientId(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        if (accountClient != null && !isBlank(accountClient.getBaseUrl())) {
            return ResolveRelative.resolveRelativeUri(session, accountClient.getRootUrl(), accountClient.getBaseUrl());
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri()).path("/").build(realm.getName()).toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
