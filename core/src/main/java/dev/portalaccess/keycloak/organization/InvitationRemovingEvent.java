package dev.portalaccess.keycloak.organization;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published before an organization invitation is removed through the realm's {@code OrganizationProvider}
 * (Keycloak's admin REST invitation DELETE, acceptance, this project's cancel), before anything is written;
 * {@link InvitationRemovedEvent} follows the removal. Listeners refuse here by throwing, so a refused removal
 * has no write to roll back.
 *
 * @param session the session of the removing request
 * @param invitation the invitation to be removed
 */
public record InvitationRemovingEvent(KeycloakSession session, OrganizationInvitationModel invitation) implements ProviderEvent {

    public InvitationRemovingEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(invitation, "invitation");
    }
}
