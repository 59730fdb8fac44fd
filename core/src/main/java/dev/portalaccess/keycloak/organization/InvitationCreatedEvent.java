package dev.portalaccess.keycloak.organization;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published after an organization invitation is created through the realm's {@code OrganizationProvider}, on every
 * path (Keycloak's admin REST invite and resend, this project's invitation service); Keycloak fires none. Tenant
 * access uses it to keep an invitation's role when Keycloak's own resend replaces the invitation.
 *
 * @param session the session of the creating request
 * @param organization the invitation's organization
 * @param invitation the new invitation (not yet flushed)
 */
public record InvitationCreatedEvent(KeycloakSession session, OrganizationModel organization,
                                     OrganizationInvitationModel invitation) implements ProviderEvent {

    public InvitationCreatedEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(invitation, "invitation");
    }
}
