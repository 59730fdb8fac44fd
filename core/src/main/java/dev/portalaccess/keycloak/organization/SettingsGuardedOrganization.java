package dev.portalaccess.keycloak.organization;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;

import dev.portalaccess.keycloak.settings.SettingScope;
import dev.portalaccess.keycloak.settings.SettingsCatalog;
import dev.portalaccess.keycloak.settings.SettingsViolations;

/**
 * An organization whose {@link #setAttributes(Map)} validates every setting of every feature among the attributes
 * ({@link SettingsCatalog}: 400 naming each bad attribute, nothing stored), stores them in canonical form and then
 * publishes an {@link OrganizationAttributesWrittenEvent} (whose listeners may refuse the write, e.g. the domain
 * restriction when a member who joined in the same transaction does not meet the new settings). Admin REST (create and update of an organization) and realm
 * import both store attributes through this method. Everything else is the delegate's.
 */
final class SettingsGuardedOrganization implements OrganizationModel {

    private final KeycloakSession session;
    private final OrganizationModel delegate;

    private SettingsGuardedOrganization(KeycloakSession session, OrganizationModel delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    static OrganizationModel wrap(KeycloakSession session, OrganizationModel organization) {
        if (organization == null || organization instanceof SettingsGuardedOrganization) {
            return organization;
        }
        return new SettingsGuardedOrganization(session, organization);
    }

    /** The model Keycloak's own provider returned, for calls back into it. */
    static OrganizationModel unwrap(OrganizationModel organization) {
        return organization instanceof SettingsGuardedOrganization guarded ? guarded.delegate : organization;
    }

    @Override
    public void setAttributes(Map<String, List<String>> attributes) {
        Map<String, List<String>> canonical;
        try {
            // every project key of every feature deployed, one parser per type; other attributes pass unchanged
            canonical = attributes == null ? null : SettingsCatalog.of(session.getKeycloakSessionFactory())
                    .canonicalAttributes(SettingScope.ORGANIZATION_ATTRIBUTE, attributes);
        } catch (SettingsViolations v) {
            throw InvalidSettingsRefusal.of(v.problems());
        }
        Map<String, List<String>> before = copy(delegate.getAttributes());
        delegate.setAttributes(canonical);
        session.getKeycloakSessionFactory().publish(new OrganizationAttributesWrittenEvent(session, this, before, copy(canonical)));
    }

    /** A snapshot (the adapters may hand out live or cached maps). */
    private static Map<String, List<String>> copy(Map<String, List<String>> attributes) {
        Map<String, List<String>> copy = new java.util.HashMap<>();
        if (attributes != null) {
            attributes.forEach((k, v) -> copy.put(k, v == null ? null : new java.util.ArrayList<>(v)));
        }
        return copy;
    }

    @Override
    public String getId() {
        return delegate.getId();
    }

    @Override
    public void setName(String name) {
        delegate.setName(name);
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public String getAlias() {
        return delegate.getAlias();
    }

    @Override
    public void setAlias(String alias) {
        delegate.setAlias(alias);
    }

    @Override
    public boolean isEnabled() {
        return delegate.isEnabled();
    }

    @Override
    public void setEnabled(boolean enabled) {
        delegate.setEnabled(enabled);
    }

    @Override
    public String getDescription() {
        return delegate.getDescription();
    }

    @Override
    public void setDescription(String description) {
        delegate.setDescription(description);
    }

    @Override
    public String getRedirectUrl() {
        return delegate.getRedirectUrl();
    }

    @Override
    public void setRedirectUrl(String redirectUrl) {
        delegate.setRedirectUrl(redirectUrl);
    }

    @Override
    public Map<String, List<String>> getAttributes() {
        return delegate.getAttributes();
    }

    @Override
    public Stream<OrganizationDomainModel> getDomains() {
        return delegate.getDomains();
    }

    @Override
    public void setDomains(Set<OrganizationDomainModel> domains) {
        delegate.setDomains(domains);
    }

    @Override
    public Stream<IdentityProviderModel> getIdentityProviders() {
        return delegate.getIdentityProviders();
    }

    @Override
    public boolean isManaged(UserModel user) {
        if (AccessOnlyMembership.applies(session)) {
            return ManagedMemberships.isManaged(session, this, user); // one query per request, not one per organization
        }
        return delegate.isManaged(user);
    }

    @Override
    public boolean isMember(UserModel user) {
        return delegate.isMember(user);
    }

    // Keycloak's adapters compare organizations by id; so do we, in both directions.
    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof OrganizationModel other && getId().equals(other.getId()));
    }

    @Override
    public int hashCode() {
        return getId().hashCode();
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
