package dev.portalaccess.keycloak.organization;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published before a user joins an organization through the realm's {@code OrganizationProvider} (every path:
 * Keycloak's admin REST and console, an invitation link, registration from an invitation, a first sign-in through
 * the organization's identity provider, realm import, this project's APIs), before anything is written. Listeners
 * (the domain restriction) refuse by throwing an {@code ErrorResponseException}, so a refused join writes nothing.
 * Also published for a user who is a member already (Keycloak then answers "already a member"); listeners
 * that refuse only newcomers ask the provider's {@code isMember}.
 *
 * @param session the session of the joining request
 * @param organization the organization (as the realm's provider handed it out)
 * @param user the user about to join
 */
public record MemberJoiningEvent(KeycloakSession session, OrganizationModel organization, UserModel user)
        implements ProviderEvent {

    public MemberJoiningEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(user, "user");
    }
}
