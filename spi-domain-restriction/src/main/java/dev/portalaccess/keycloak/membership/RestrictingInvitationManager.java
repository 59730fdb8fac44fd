package dev.portalaccess.keycloak.membership;

import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationInvitationModel.Filter;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.InvitationManager;

/**
 * Keycloak's invitation manager, except that no invitation goes to an address the customer does not allow,
 * and every removal is announced before it is written ({@link InvitationRemovingEvent}) and published after it
 * as an {@link InvitationRemovedEvent}, every creation published as an {@link InvitationCreatedEvent} (Keycloak fires
 * neither).
 */
final class RestrictingInvitationManager implements InvitationManager {

    private final KeycloakSession session;
    private final InvitationManager delegate;
    private final MembershipRule rule;

    RestrictingInvitationManager(KeycloakSession session, InvitationManager delegate, MembershipRule rule) {
        this.session = session;
        this.delegate = delegate;
        this.rule = rule;
    }

    @Override
    public OrganizationInvitationModel create(OrganizationModel organization, String email, String firstName,
            String lastName) {
        MembershipSettings.Verdict verdict = rule.settingsToCommit(organization).check(email);
        if (!verdict.allowed()) {
            throw Refusals.membership(session, organization, email, verdict);
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
