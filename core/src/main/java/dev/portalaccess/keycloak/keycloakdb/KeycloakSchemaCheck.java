package dev.portalaccess.keycloak.keycloakdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.EntityType;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.JpaConnectionProviderFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Compares {@link KeycloakSchema#RELIED_ON} with the running server: the JPA metamodel (what JPQL sees) and the
 * database's columns (what the rows hold). Read only.
 */
public final class KeycloakSchemaCheck {

    private KeycloakSchemaCheck() {
    }

    /** What is missing, one line each ("ORG.GROUP_ID: no such column"); empty when every relied-on part exists. */
    public static List<String> problems(KeycloakSession session) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        List<String> problems = new ArrayList<>();
        for (KeycloakSchema.Relied relied : KeycloakSchema.RELIED_ON) {
            problems.addAll(attributeProblems(em, relied));
        }
        JpaConnectionProviderFactory jpa = (JpaConnectionProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(JpaConnectionProvider.class);
        try (Connection connection = jpa.getConnection()) {
            String schema = jpa.getSchema();
            for (KeycloakSchema.Relied relied : KeycloakSchema.RELIED_ON) {
                problems.addAll(columnProblems(connection, schema, relied));
            }
        } catch (SQLException e) {
            problems.add("the database cannot be read: " + e.getMessage());
        }
        return problems;
    }

    /** The number of tables, attributes and columns checked (for the server info). */
    public static String scope() {
        int attributes = KeycloakSchema.RELIED_ON.stream().mapToInt(r -> r.attributes().size()).sum();
        int columns = KeycloakSchema.RELIED_ON.stream().mapToInt(r -> r.columns().size()).sum();
        return KeycloakSchema.RELIED_ON.size() + " tables, " + attributes + " entity attributes, " + columns + " columns";
    }

    private static List<String> attributeProblems(EntityManager em, KeycloakSchema.Relied relied) {
        List<String> problems = new ArrayList<>();
        EntityType<?> type;
        try {
            type = em.getMetamodel().entity(relied.entity());
        } catch (IllegalArgumentException e) {
            return List.of(relied.entity().getSimpleName() + ": not a JPA entity of this server");
        }
        for (String attribute : relied.attributes()) {
            try {
                type.getAttribute(attribute);
            } catch (IllegalArgumentException e) {
                problems.add(relied.entity().getSimpleName() + "." + attribute + ": no such entity attribute");
            }
        }
        return problems;
    }

    private static List<String> columnProblems(Connection connection, String schema, KeycloakSchema.Relied relied) {
        Set<String> present = new HashSet<>();
        // table names are this class's constants, never input
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT * FROM " + (schema == null || schema.isBlank() ? "" : schema + ".")
                     + relied.table() + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rows.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                present.add(meta.getColumnName(i).toUpperCase(Locale.ROOT));
            }
        } catch (SQLException e) {
            return List.of(relied.table() + ": cannot be read (" + e.getMessage() + ")");
        }
        List<String> problems = new ArrayList<>();
        for (String column : relied.columns()) {
            if (!present.contains(column)) {
                problems.add(relied.table() + "." + column + ": no such column");
            }
        }
        return problems;
    }
}
