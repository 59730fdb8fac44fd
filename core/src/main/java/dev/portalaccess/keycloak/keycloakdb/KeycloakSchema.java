package dev.portalaccess.keycloak.keycloakdb;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

/**
 * Every entity attribute (JPQL) and table column (database) of Keycloak's own schema that the project's statements
 * read or write, derived from the statements themselves ({@link KeycloakTables}: every {@code Statement} constant,
 * found by reflection), so no statement can escape the check. Keycloak may change these in any release;
 * {@link KeycloakSchemaCheck} compares them with the running server so that an upgrade fails loudly at start and
 * in {@code KeycloakSchemaIT} instead of writing wrong rows.
 */
final class KeycloakSchema {

    private static final String ENTITY_PACKAGE = "org.keycloak.models.jpa.entities.";
    /** {@code from OrganizationEntity o, UserEntity u}: an entity and its alias. */
    private static final Pattern DECLARATION = Pattern.compile("\\b([A-Z]\\w*Entity)\\s+([a-z]\\w*)\\b");
    /** {@code insert into UserGroupMembershipEntity (user, groupId)}: the attributes an insert names. */
    private static final Pattern INSERT = Pattern.compile("insert\\s+into\\s+([A-Z]\\w*Entity)\\s*\\(([^)]*)\\)");
    /** {@code m.user.id}: an alias and an attribute path. */
    private static final Pattern PATH = Pattern.compile("\\b([a-z]\\w*)((?:\\.[a-zA-Z]\\w*)+)");
    private static final Set<String> KEYWORDS = Set.of("where", "and", "or", "order", "group", "join", "on", "set");

    private KeycloakSchema() {
    }

    record Relied(Class<?> entity, String table, List<String> attributes, List<String> columns) {
    }

    /** What the statements rely on, one entry per entity (in first-use order). */
    static final List<Relied> RELIED_ON = derive(statements());

    /** Every {@code Statement} constant of {@link KeycloakTables}. */
    static List<KeycloakTables.Statement> statements() {
        List<KeycloakTables.Statement> statements = new ArrayList<>();
        for (Field field : KeycloakTables.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == KeycloakTables.Statement.class) {
                try {
                    field.setAccessible(true);
                    statements.add((KeycloakTables.Statement) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return statements;
    }

    /** The attribute paths one statement uses, as {@code Entity.attribute[.attribute]}. */
    static Set<String> uses(KeycloakTables.Statement statement) {
        Set<String> uses = new LinkedHashSet<>(statement.alsoUses());
        String jpql = statement.jpql();
        if (jpql == null) {
            return uses;
        }
        Map<String, String> aliases = new HashMap<>();
        Matcher declaration = DECLARATION.matcher(jpql);
        while (declaration.find()) {
            String alias = declaration.group(2);
            if (KEYWORDS.contains(alias)) {
                continue; // "from XEntity where": no alias
            }
            String previous = aliases.put(alias, declaration.group(1));
            if (previous != null && !previous.equals(declaration.group(1))) {
                throw new IllegalStateException("alias " + alias + " names both " + previous + " and "
                        + declaration.group(1) + " in: " + jpql);
            }
        }
        Matcher insert = INSERT.matcher(jpql);
        while (insert.find()) {
            for (String attribute : insert.group(2).split(",")) {
                uses.add(insert.group(1) + "." + attribute.trim());
            }
        }
        Matcher path = PATH.matcher(jpql);
        while (path.find()) {
            String entity = aliases.get(path.group(1));
            if (entity != null) {
                uses.add(entity + path.group(2));
            }
        }
        return uses;
    }

    static List<Relied> derive(List<KeycloakTables.Statement> statements) {
        Map<Class<?>, Set<String>> attributes = new LinkedHashMap<>();
        for (KeycloakTables.Statement statement : statements) {
            for (String use : uses(statement)) {
                String[] parts = use.split("\\.");
                Class<?> entity = entity(parts[0]);
                for (int i = 1; i < parts.length; i++) {
                    Field field = field(entity, parts[i]);
                    attributes.computeIfAbsent(entity, e -> new LinkedHashSet<>()).add(parts[i]);
                    if (i + 1 < parts.length) {
                        entity = field.getType();
                        if (entity.getAnnotation(Entity.class) == null) {
                            throw new IllegalStateException(use + ": " + parts[i] + " is no entity");
                        }
                    }
                }
            }
        }
        List<Relied> relied = new ArrayList<>();
        attributes.forEach((entity, names) -> {
            List<String> columns = new ArrayList<>();
            for (String name : names) {
                String column = column(field(entity, name));
                if (column != null && !columns.contains(column)) {
                    columns.add(column);
                }
            }
            relied.add(new Relied(entity, table(entity), List.copyOf(names), List.copyOf(columns)));
        });
        return List.copyOf(relied);
    }

    private static Class<?> entity(String simpleName) {
        try {
            Class<?> type = Class.forName(ENTITY_PACKAGE + simpleName, false, KeycloakSchema.class.getClassLoader());
            if (type.getAnnotation(Entity.class) == null) {
                throw new IllegalStateException(simpleName + " is no JPA entity");
            }
            return type;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(simpleName + ": no Keycloak entity of that name", e);
        }
    }

    static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " has no attribute " + name);
    }

    /** The column an attribute is stored in; null for a collection (stored in the other entity's table). */
    static String column(Field field) {
        if (field.getAnnotation(OneToMany.class) != null || field.getAnnotation(ManyToMany.class) != null
                || Collection.class.isAssignableFrom(field.getType()) || Map.class.isAssignableFrom(field.getType())) {
            return null;
        }
        Column column = field.getAnnotation(Column.class);
        JoinColumn join = field.getAnnotation(JoinColumn.class);
        String name = column != null && !column.name().isEmpty() ? column.name()
                : join != null && !join.name().isEmpty() ? join.name() : field.getName();
        return name.toUpperCase(Locale.ROOT);
    }

    private static String table(Class<?> entity) {
        Table table = entity.getAnnotation(Table.class);
        return (table == null || table.name().isEmpty() ? entity.getSimpleName() : table.name()).toUpperCase(Locale.ROOT);
    }
}
