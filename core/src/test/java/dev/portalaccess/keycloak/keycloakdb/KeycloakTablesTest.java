package dev.portalaccess.keycloak.keycloakdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The fence around Keycloak's tables: every statement's attributes and columns are in what the schema check
 * checks, the JPQL reader finds what a statement names, and no module runs a statement outside {@link KeycloakTables}.
 */
class KeycloakTablesTest {

    private static final Path TABLES = Path.of("src/main/java/dev/portalaccess/keycloak/keycloakdb/KeycloakTables.java");

    @Test
    void everyStatementsAttributesAndColumnsAreChecked() {
        List<KeycloakTables.Statement> statements = KeycloakSchema.statements();
        assertTrue(statements.size() >= 20, "the statements are found: " + statements.size());
        for (KeycloakTables.Statement statement : statements) {
            Set<String> uses = KeycloakSchema.uses(statement);
            assertTrue(!uses.isEmpty(), "a statement that names no attribute: " + statement);
            for (String use : uses) {
                String[] parts = use.split("\\.");
                Class<?> entity = entityNamed(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    KeycloakSchema.Relied relied = reliedOn(entity);
                    assertTrue(relied.attributes().contains(parts[i]), use + " is not checked: " + relied);
                    String column = KeycloakSchema.column(KeycloakSchema.field(entity, parts[i]));
                    assertTrue(column == null || relied.columns().contains(column), use + ": column " + column
                            + " is not checked: " + relied);
                    entity = KeycloakSchema.field(entity, parts[i]).getType();
                }
            }
        }
    }

    @Test
    void theJpqlReaderFindsAliasesPathsAndInsertedAttributes() {
        assertEquals(Set.of("UserGroupMembershipEntity.groupId", "UserGroupMembershipEntity.user.id", "OrganizationEntity.id",
                "OrganizationEntity.groupId"), KeycloakSchema.uses(KeycloakTables.IS_ORGANIZATION_MEMBER));
        Set<String> insert = KeycloakSchema.uses(KeycloakTables.ADD_USER_TO_ORGANIZATIONS_EXCLUDING);
        for (String expected : List.of("UserGroupMembershipEntity.user", "UserGroupMembershipEntity.groupId",
                "UserGroupMembershipEntity.membershipType", "UserEntity.id", "OrganizationEntity.groupId",
                "OrganizationEntity.realmId", "GroupAttributeEntity.group.id", "GroupAttributeEntity.name",
                "GroupAttributeEntity.value")) {
            assertTrue(insert.contains(expected), expected + " in " + insert);
        }
        assertTrue(KeycloakSchema.uses(KeycloakTables.ORGANIZATIONS_WITH_NOBODY_IN)
                .contains("UserGroupMembershipEntity.user.serviceAccountClientLink"));
        assertTrue(KeycloakSchema.uses(KeycloakTables.ORGANIZATIONS_WITH_NOBODY_IN).contains("GroupEntity.realm"));
    }

    @Test
    void aStatementNamingAMissingAttributeOrAmbiguousAliasFailsTheDerivation() {
        assertThrows(IllegalStateException.class, () -> KeycloakSchema.derive(List.of(KeycloakTables.Statement.jpql(
                "select o.nosuch from OrganizationEntity o"))));
        assertThrows(IllegalStateException.class, () -> KeycloakSchema.derive(List.of(KeycloakTables.Statement.jpql(
                "select o.id from OrganizationEntity o where exists (select 1 from GroupEntity o)"))));
        assertThrows(IllegalStateException.class, () -> KeycloakSchema.derive(List.of(KeycloakTables.Statement.uses(
                "NoSuchEntity.id"))));
    }

    @Test
    void everyQueryOfKeycloakTablesRunsAStatementConstant() throws IOException {
        String source = Files.readString(TABLES);
        // createQuery takes a Statement's JPQL or a Criteria query, never a literal
        Matcher call = Pattern.compile("create(Native)?Query\\(([^,)]*)").matcher(source);
        List<String> literal = new ArrayList<>();
        while (call.find()) {
            if (call.group(2).contains("\"") || call.group(1) != null) {
                literal.add(call.group());
            }
        }
        assertEquals(List.of(), literal);
        // the Criteria paths are declared by the statement that runs them
        Set<String> declared = new LinkedHashSet<>();
        KeycloakTables.SEARCH_ORGANIZATIONS.alsoUses().forEach(use -> declared.add(use.substring(use.indexOf('.') + 1)));
        Matcher get = Pattern.compile("\\.get\\(\"(\\w+)\"\\)").matcher(source);
        while (get.find()) {
            assertTrue(declared.contains(get.group(1)), get.group(1) + " is used by the Criteria search but not declared");
        }
    }

    /** No module runs a statement against Keycloak's tables outside the fence (the denylist's and the invitation roles' own tables aside). */
    @Test
    void noOtherClassOfTheProjectQueriesKeycloaksTables() throws IOException {
        Pattern statement = Pattern.compile("\\.(createQuery|createNativeQuery|createNamedQuery|getCriteriaBuilder)\\(|em\\.find\\(");
        List<String> outside = new ArrayList<>();
        try (Stream<Path> modules = Files.list(Path.of(".."))) {
            for (Path module : modules.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).toList()) {
                try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        String path = file.toString().replace('\\', '/');
                        if (path.endsWith("/keycloakdb/KeycloakTables.java") || path.contains("/denylist/") || path.contains("/invitation/")) {
                            continue;
                        }
                        List<String> lines = Files.readAllLines(file);
                        for (int i = 0; i < lines.size(); i++) {
                            if (statement.matcher(lines.get(i)).find()) {
                                outside.add(path + ":" + (i + 1) + ": " + lines.get(i).strip());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), outside);
    }

    private static Class<?> entityNamed(String simpleName) {
        try {
            return Class.forName("org.keycloak.models.jpa.entities." + simpleName);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(simpleName, e);
        }
    }

    private static KeycloakSchema.Relied reliedOn(Class<?> entity) {
        return KeycloakSchema.RELIED_ON.stream().filter(r -> r.entity() == entity).findFirst()
                .orElseThrow(() -> new AssertionError(entity.getSimpleName() + " is not checked at all"));
    }
}
