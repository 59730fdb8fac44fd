package dev.portalaccess.keycloak.organization;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published (in the removing transaction) whenever an organization invitation is removed through the
 * realm's {@code OrganizationProvider}: Keycloak's admin REST invitation DELETE, acceptance of the link,
 * and this project's own cancel. Keycloak fires no event of its own for it; listeners (partner access's
 * "at least one user per tenant" rule) may refuse the removal by throwing a {@code ModelValidationException}.
 *
 * @param session the session of the removing request
 * @param invitation the invitation as it was just before removal
 */
public record InvitationRemovedEvent(KeycloakSession session, OrganizationInvitationModel invitation) implements ProviderEvent {

    public InvitationRemovedEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(invitation, "invitation");
    }
}
