package dev.portalaccess.keycloak.organization;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published before an organization invitation is created through the realm's {@code OrganizationProvider}
 * (Keycloak's admin REST invite, this project's invitation APIs), before anything is written. Listeners (the domain
 * restriction) refuse by throwing an {@code ErrorResponseException}.
 *
 * @param session the session of the inviting request
 * @param organization the organization inviting
 * @param email the address invited, as submitted
 */
public record InvitationCreatingEvent(KeycloakSession session, OrganizationModel organization, String email)
        implements ProviderEvent {

    public InvitationCreatingEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(organization, "organization");
    }
}
