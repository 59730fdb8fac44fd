package dev.portalaccess.keycloak.organization;

import java.util.Objects;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;

/**
 * Published whenever a member is about to be removed from an organization through the realm's
 * {@code OrganizationProvider} (Keycloak's admin REST member DELETE, this project's self-service and partner
 * APIs, a partner user leaving the staff), before Keycloak writes anything. Keycloak's own
 * {@code OrganizationMemberLeaveEvent} comes after the membership rows are deleted and flushed; a refusal
 * there rolls back a transaction that has written, which Hibernate reports with {@code HHH90010101}.
 * Listeners (the last Administrator of a customer, the last user of a tenant) refuse here instead, by
 * throwing, so nothing is written. Not published for the members of an organization that is itself being
 * removed through the provider (Keycloak removes them one by one first): they go with it.
 *
 * @param session the session of the removing request
 * @param organization the organization (as Keycloak's provider handed it out)
 * @param member the member to be removed
 */
public record MemberRemovingEvent(KeycloakSession session, OrganizationModel organization, UserModel member)
        implements ProviderEvent {

    public MemberRemovingEvent {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(member, "member");
    }
}
