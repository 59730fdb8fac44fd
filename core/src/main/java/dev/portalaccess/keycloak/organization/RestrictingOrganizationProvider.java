package dev.portalaccess.keycloak.organization;

import static dev.portalaccess.keycloak.organization.SettingsGuardedOrganization.unwrap;

import java.util.Map;
import java.util.stream.Stream;

import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;

/**
 * The one point every membership path passes: Keycloak's own organization provider (its cache layer, which
 * delegates to JPA), decorated. It decides nothing about a customer itself; it announces, so that every feature
 * module hooks in through its own listener (a {@code RuleFactory}) and none calls another:
 * <ul>
 *   <li>{@link MemberJoiningEvent} before and {@link MemberJoinedEvent} after {@link #addMember} and
 *       {@link #addManagedMember} (admin REST, admin console, invitation link, registration from an invitation,
 *       identity-provider first login, realm import, this project's APIs);</li>
 *   <li>{@link MemberRemovingEvent} before a removal, {@link InvitationCreatingEvent} before an invitation,
 *       {@link InvitationRemovingEvent} / {@link InvitationRemovedEvent} around an invitation's removal
 *       ({@link RestrictingInvitationManager});</li>
 *   <li>{@link OrganizationAttributesWrittenEvent} after organizations handed out stored valid, canonical settings
 *       ({@link SettingsGuardedOrganization}).</li>
 * </ul>
 * Listeners refuse by throwing before anything is written. In realms whose memberships are access only
 * ({@link AccessOnlyMembership}) removing a member never deletes the account.
 */
final class RestrictingOrganizationProvider implements OrganizationProvider {

    /** Session attribute: the id of the organization being removed ({@value #ALL}: every one of the realm). */
    private static final String REMOVING_ORGANIZATION = RestrictingOrganizationProvider.class.getName() + ".removing";
    private static final String ALL = "*";

    private final KeycloakSession session;
    private final OrganizationProvider delegate;

    RestrictingOrganizationProvider(KeycloakSession session, OrganizationProvider delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    @Override
    public boolean addManagedMember(OrganizationModel organization, UserModel user) {
        checkMayJoin(organization, user);
        ManagedMemberships.forget(session);
        if (AccessOnlyMembership.applies(session)) {
            // access, not ownership of the account
            return joined(organization, user, delegate.addMember(unwrap(organization), user));
        }
        return joined(organization, user, delegate.addManagedMember(unwrap(organization), user));
    }

    @Override
    public boolean addMember(OrganizationModel organization, UserModel user) {
        checkMayJoin(organization, user);
        ManagedMemberships.forget(session);
        return joined(organization, user, delegate.addMember(unwrap(organization), user));
    }

    private void checkMayJoin(OrganizationModel organization, UserModel user) {
        if (organization == null || user == null) {
            return; // Keycloak's provider reports these itself
        }
        session.getKeycloakSessionFactory().publish(new MemberJoiningEvent(session, organization, user));
    }

    private boolean joined(OrganizationModel organization, UserModel user, boolean added) {
        if (added && organization != null && user != null) {
            session.getKeycloakSessionFactory().publish(new MemberJoinedEvent(session, organization, user));
        }
        return added;
    }

    @Override
    public InvitationManager getInvitationManager() {
        return new RestrictingInvitationManager(session, delegate.getInvitationManager());
    }

    // Everything below is the delegate's; organizations handed out validate their settings on write.

    @Override
    public OrganizationModel create(String name, String alias) {
        return wrapped(delegate.create(name, alias));
    }

    @Override
    public OrganizationModel create(String id, String name, String alias) {
        return wrapped(delegate.create(id, name, alias));
    }

    @Override
    public OrganizationModel getById(String id) {
        return wrapped(delegate.getById(id));
    }

    @Override
    public OrganizationModel getByDomainName(String domainName) {
        return wrapped(delegate.getByDomainName(domainName));
    }

    @Override
    public OrganizationModel getByAlias(String alias) {
        return wrapped(delegate.getByAlias(alias));
    }

    @Override
    public Stream<OrganizationModel> getAllStream() {
        return delegate.getAllStream().map(this::wrapped);
    }

    @Override
    public Stream<OrganizationModel> getAllStream(String search, Boolean exact, Integer first, Integer max) {
        return delegate.getAllStream(search, exact, first, max).map(this::wrapped);
    }

    @Override
    public Stream<OrganizationModel> getAllStream(Map<String, String> attributes, Integer first, Integer max) {
        return delegate.getAllStream(attributes, first, max).map(this::wrapped);
    }

    @Override
    public long count(String search, Boolean exact) {
        return delegate.count(search, exact);
    }

    @Override
    public long count(Map<String, String> attributes) {
        return delegate.count(attributes);
    }

    @Override
    public long count() {
        return delegate.count();
    }

    @Override
    public boolean hasOrganizations() {
        return delegate.hasOrganizations();
    }

    @Override
    public boolean remove(OrganizationModel organization) {
        // Keycloak removes the members one by one (through this provider) before the organization itself
        Object previous = session.getAttribute(REMOVING_ORGANIZATION);
        session.setAttribute(REMOVING_ORGANIZATION, organization == null ? ALL : organization.getId());
        try {
            return delegate.remove(unwrap(organization));
        } finally {
            restore(previous);
        }
    }

    @Override
    public void removeAll() {
        Object previous = session.getAttribute(REMOVING_ORGANIZATION);
        session.setAttribute(REMOVING_ORGANIZATION, ALL);
        try {
            delegate.removeAll();
        } finally {
            restore(previous);
        }
    }

    private void restore(Object previous) {
        if (previous == null) {
            session.removeAttribute(REMOVING_ORGANIZATION);
        } else {
            session.setAttribute(REMOVING_ORGANIZATION, previous);
        }
    }

    /** Whether the organization itself is being removed (its members go with it: no rule to apply). */
    private boolean isBeingRemoved(OrganizationModel organization) {
        Object removing = session.getAttribute(REMOVING_ORGANIZATION);
        return ALL.equals(removing) || organization.getId().equals(removing);
    }

    @Override
    @SuppressWarnings("removal")
    public Stream<UserModel> getMembersStream(OrganizationModel organization, String search, Boolean exact, Integer first,
            Integer max) {
        return delegate.getMembersStream(unwrap(organization), search, exact, first, max);
    }

    @Override
    public Stream<UserModel> getMembersStream(OrganizationModel organization, Map<String, String> filters, Boolean exact,
            Integer first, Integer max) {
        return delegate.getMembersStream(unwrap(organization), filters, exact, first, max);
    }

    @Override
    public long getMembersCount(OrganizationModel organization) {
        return delegate.getMembersCount(unwrap(organization));
    }

    @Override
    public UserModel getMemberById(OrganizationModel organization, String id) {
        return delegate.getMemberById(unwrap(organization), id);
    }

    @Override
    public Stream<OrganizationModel> getByMember(UserModel member) {
        return delegate.getByMember(member).map(this::wrapped);
    }

    @Override
    public GroupModel createGroup(OrganizationModel organization, String name, GroupModel toParent) {
        return delegate.createGroup(unwrap(organization), name, toParent);
    }

    @Override
    public GroupModel createGroup(OrganizationModel organization, String id, String name, GroupModel toParent) {
        return delegate.createGroup(unwrap(organization), id, name, toParent);
    }

    @Override
    public Stream<GroupModel> getTopLevelGroups(OrganizationModel organization, Integer firstResult, Integer maxResults) {
        return delegate.getTopLevelGroups(unwrap(organization), firstResult, maxResults);
    }

    @Override
    public Stream<GroupModel> searchGroupsByName(OrganizationModel organization, String search, Boolean exact,
            Integer firstResult, Integer maxResults) {
        return delegate.searchGroupsByName(unwrap(organization), search, exact, firstResult, maxResults);
    }

    @Override
    public Stream<GroupModel> searchGroupsByAttributes(OrganizationModel organization, Map<String, String> attributes,
            Integer firstResult, Integer maxResults) {
        return delegate.searchGroupsByAttributes(unwrap(organization), attributes, firstResult, maxResults);
    }

    @Override
    public Stream<GroupModel> getOrganizationGroupsByMember(OrganizationModel organization, UserModel member) {
        return delegate.getOrganizationGroupsByMember(unwrap(organization), member);
    }

    @Override
    public Stream<GroupModel> getOrganizationGroupsByMember(OrganizationModel organization, UserModel member, String search,
            Integer first, Integer max) {
        return delegate.getOrganizationGroupsByMember(unwrap(organization), member, search, first, max);
    }

    @Override
    public GroupModel getOrganizationGroup(OrganizationModel organization) {
        return delegate.getOrganizationGroup(unwrap(organization));
    }

    @Override
    public boolean addIdentityProvider(OrganizationModel organization, IdentityProviderModel identityProvider) {
        return delegate.addIdentityProvider(unwrap(organization), identityProvider);
    }

    @Override
    public Stream<IdentityProviderModel> getIdentityProviders(OrganizationModel organization) {
        return delegate.getIdentityProviders(unwrap(organization));
    }

    @Override
    public boolean removeIdentityProvider(OrganizationModel organization, IdentityProviderModel identityProvider) {
        return delegate.removeIdentityProvider(unwrap(organization), identityProvider);
    }

    @Override
    public boolean isEnabled() {
        return delegate.isEnabled();
    }

    @Override
    public boolean isManagedMember(OrganizationModel organization, UserModel member) {
        return delegate.isManagedMember(unwrap(organization), member);
    }

    @Override
    public boolean isMember(OrganizationModel organization, UserModel user) {
        return delegate.isMember(unwrap(organization), user);
    }

    @Override
    public boolean removeMember(OrganizationModel organization, UserModel member) {
        if (organization != null && member != null && !isBeingRemoved(organization)) {
            // refusals (last Administrator, last user of a tenant) are decided before anything is written
            session.getKeycloakSessionFactory().publish(new MemberRemovingEvent(session, unwrap(organization), member));
        }
        if (organization != null && member != null && AccessOnlyMembership.applies(session)) {
            // Keycloak deletes the account of a managed member it removes; here a tenant is access only
            AccessOnlyMembership.keepAccountOnRemoval(session, delegate, unwrap(organization), member);
        }
        ManagedMemberships.forget(session);
        return delegate.removeMember(unwrap(organization), member);
    }

    private OrganizationModel wrapped(OrganizationModel organization) {
        return SettingsGuardedOrganization.wrap(session, organization);
    }

    @Override
    public void close() {
        // the delegate is a session provider of its own and closed by the session
    }
}
