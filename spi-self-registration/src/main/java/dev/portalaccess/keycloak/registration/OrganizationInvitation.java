package dev.portalaccess.keycloak.registration;

import java.util.Optional;

import dev.portalaccess.keycloak.invitation.InvitationService;

import org.jboss.logging.Logger;
import org.keycloak.authentication.actiontoken.inviteorg.InviteOrgActionToken;
import org.keycloak.common.VerificationException;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.organization.utils.Organizations;

/**
 * The organization invitation a registration request carries, if it is one: Keycloak's invitation token (the
 * {@code token} query parameter of the invitation email's link) verified as Keycloak verifies it (signature with
 * the realm's keys, issuer, not expired, invitation action), and the invitation it names still open in the
 * database for the same organization and address. Anything less (no token, a forged, expired, used or revoked
 * invitation) is no invitation, so the policy decides as for anyone else.
 */
record OrganizationInvitation(String invitationId, String organizationId, String email) {

    private static final Logger LOG = Logger.getLogger(OrganizationInvitation.class);

    /** Per-request note (session attribute) that the validated registration came from this invitation. */
    private static final String VALIDATED = OrganizationInvitation.class.getName() + ".validated";

    static Optional<OrganizationInvitation> of(KeycloakSession session, HttpRequest request) {
        if (request == null || !Organizations.isEnabled(session)) {
            return Optional.empty();
        }
        InviteOrgActionToken token;
        try {
            token = Organizations.parseInvitationToken(session, request);
        } catch (VerificationException e) {
            LOG.debugf("Realm %s: registration with an invalid invitation token: %s", session.getContext().getRealm().getName(), e.getMessage());
            return Optional.empty();
        }
        if (token == null || token.isExpired() || !InviteOrgActionToken.TOKEN_TYPE.equals(token.getActionId())
                || token.getId() == null || token.getOrgId() == null || token.getEmail() == null) {
            return Optional.empty();
        }
        OrganizationProvider orgs = session.getProvider(OrganizationProvider.class);
        OrganizationModel organization = orgs.getById(token.getOrgId());
        if (organization == null || !organization.isEnabled()) {
            return Optional.empty();
        }
        // core's invitation service: the invitation only if it belongs to the token's organization
        OrganizationInvitationModel invitation = new InvitationService(session).find(organization, token.getId());
        if (invitation == null || invitation.isExpired()
                || invitation.getEmail() == null || !invitation.getEmail().equalsIgnoreCase(token.getEmail())) {
            return Optional.empty();
        }
        return Optional.of(new OrganizationInvitation(invitation.getId(), organization.getId(), token.getEmail()));
    }

    /** Whether {@code email} is the invited address (Keycloak lets the invitee register with that one only). */
    boolean invites(String email) {
        return email != null && this.email.equalsIgnoreCase(email.strip());
    }

    /**
     * Notes for the success phase of the same request that validation accepted this invitation: by then
     * Keycloak's user-creation step has used it up (deleted it), so it can no longer be read from the database.
     */
    void markValidated(KeycloakSession session) {
        session.setAttribute(VALIDATED, this);
    }

    static Optional<OrganizationInvitation> validated(KeycloakSession session) {
        return Optional.ofNullable(session.getAttribute(VALIDATED, OrganizationInvitation.class));
    }
}
