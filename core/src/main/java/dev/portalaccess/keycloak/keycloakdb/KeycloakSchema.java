package dev.portalaccess.keycloak.keycloakdb;

import java.util.List;

import org.keycloak.models.jpa.entities.GroupAttributeEntity;
import org.keycloak.models.jpa.entities.GroupEntity;
import org.keycloak.models.jpa.entities.OrganizationEntity;
import org.keycloak.models.jpa.entities.OrganizationInvitationEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.jpa.entities.UserGroupMembershipEntity;

/**
 * Every entity attribute (JPQL) and table column (database) of Keycloak's own schema that the project's queries
 * read or write (row locks on organizations, member and invitation counts, bulk membership inserts, the start-up
 * provisioning query). Keycloak may change these in any release; {@link KeycloakSchemaCheck} compares this list
 * with the running server so that an upgrade fails loudly at start and in {@code KeycloakSchemaIT} instead of
 * writing wrong rows. Add a line here with every new query against Keycloak's tables.
 */
final class KeycloakSchema {

    private KeycloakSchema() {
    }

    record Relied(Class<?> entity, String table, List<String> attributes, List<String> columns) {
    }

    static final List<Relied> RELIED_ON = List.of(
            new Relied(OrganizationEntity.class, "ORG",
                    List.of("id", "realmId", "groupId", "alias"),
                    List.of("ID", "REALM_ID", "GROUP_ID", "ALIAS")),
            new Relied(UserGroupMembershipEntity.class, "USER_GROUP_MEMBERSHIP",
                    List.of("user", "groupId", "membershipType"),
                    List.of("USER_ID", "GROUP_ID", "MEMBERSHIP_TYPE")),
            new Relied(GroupEntity.class, "KEYCLOAK_GROUP",
                    List.of("id", "name", "parentId"),
                    List.of("ID", "NAME", "PARENT_GROUP")),
            new Relied(GroupAttributeEntity.class, "GROUP_ATTRIBUTE",
                    List.of("group", "name", "value"),
                    List.of("GROUP_ID", "NAME", "VALUE")),
            new Relied(OrganizationInvitationEntity.class, "ORG_INVITATION",
                    List.of("id", "organizationId", "email", "createdAt", "expiresAt"),
                    List.of("ID", "ORGANIZATION_ID", "EMAIL", "CREATED_AT", "EXPIRES_AT")),
            new Relied(UserEntity.class, "USER_ENTITY",
                    List.of("id", "serviceAccountClientLink"),
                    List.of("ID", "SERVICE_ACCOUNT_CLIENT_LINK")));
}
