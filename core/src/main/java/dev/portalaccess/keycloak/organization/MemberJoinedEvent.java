package dev.portalaccess.keycloak.organization;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published in the joining transaction right after a user became a member through the realm's
 * {@code OrganizationProvider} (not for a user who was a member already). Listeners may still refuse by throwing,
 * which rolls the whole transaction back; the domain restriction notes the join here, so a settings write later in
 * the same transaction re-checks it.
 *
 * @param session the session of the joining request
 * @param organization the organization joined
 * @param user the new member
 */
public record MemberJoinedEvent(KeycloakSession session, OrganizationModel organization, UserModel user)
        implements ProviderEvent {

    public MemberJoinedEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(user, "user");
    }
}
