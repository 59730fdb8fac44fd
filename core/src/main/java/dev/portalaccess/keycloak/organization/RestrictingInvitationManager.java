package dev.portalaccess.keycloak.organization;

import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationInvitationModel.Filter;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.InvitationManager;

/**
 * Keycloak's invitation manager, except that every creation is announced before it is written
 * ({@link InvitationCreatingEvent}: the domain restriction refuses an address the customer does not allow), and every removal is announced before it is written ({@link InvitationRemovingEvent}) and published after it
 * as an {@link InvitationRemovedEvent}, and every creation published after it as an {@link InvitationCreatedEvent}
 * (Keycloak fires none of these).
 */
final class RestrictingInvitationManager implements InvitationManager {

    private final KeycloakSession session;
    private final InvitationManager delegate;

    RestrictingInvitationManager(KeycloakSession session, InvitationManager delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    @Override
    public OrganizationInvitationModel create(OrganizationModel organization, String email, String firstName,
            String lastName) {
        if (organization != null) {
            session.getKeycloakSessionFactory().publish(new InvitationCreatingEvent(session, organization, email));
        }
        OrganizationModel unwrapped = SettingsGuardedOrganization.unwrap(organization);
        OrganizationInvitationModel created = delegate.create(unwrapped, email, firstName, lastName);
        session.getKeycloakSessionFactory().publish(new InvitationCreatedEvent(session, unwrapped, created));
        return created;
    }

    @Override
    public OrganizationInvitationModel getById(String id) {
        return delegate.getById(id);
    }

    @Override
    public OrganizationInvitationModel getByEmail(OrganizationModel organization, String email) {
        return delegate.getByEmail(SettingsGuardedOrganization.unwrap(organization), email);
    }

    @Override
    public Stream<OrganizationInvitationModel> getAllStream(OrganizationModel organization, Map<Filter, String> attributes,
            Integer first, Integer max) {
        return delegate.getAllStream(SettingsGuardedOrganization.unwrap(organization), attributes, first, max);
    }

    @Override
    public boolean remove(String id) {
        OrganizationInvitationModel invitation = id == null ? null : delegate.getById(id);
        if (invitation != null) {
            // refusals (the last way into a tenant) are decided before anything is written
            session.getKeycloakSessionFactory().publish(new InvitationRemovingEvent(session, invitation));
        }
        boolean removed = delegate.remove(id);
        if (removed && invitation != null) {
            session.getKeycloakSessionFactory().publish(new InvitationRemovedEvent(session, invitation));
        }
        return removed;
    }
}
