package dev.portalaccess.keycloak.denylist;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds {@link DenylistEntryEntity} and its Liquibase changelog to Keycloak's persistence unit. */
final class DenylistJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(DenylistEntryEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/denylist/denylist-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return DenylistJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
