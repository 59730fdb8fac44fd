package dev.portalaccess.keycloak.invitation;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;

/** Adds {@link InvitationRoleEntity} and its Liquibase changelog to Keycloak's persistence unit. */
final class InvitationJpaEntityProvider implements JpaEntityProvider {

    @Override
    public List<Class<?>> getEntities() {
        return List.of(InvitationRoleEntity.class);
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/invitation/invitation-changelog.xml";
    }

    @Override
    public String getFactoryId() {
        return InvitationJpaEntityProviderFactory.PROVIDER_ID;
    }

    @Override
    public void close() {
    }
}
