package dev.portalaccess.keycloak.keycloakdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.Field;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

/** The relied-on list matches the entity classes this project is compiled against (names, tables, columns). */
class KeycloakSchemaTest {

    @Test
    void everyReliedOnAttributeIsAFieldOfItsEntityMappedToTheListedColumn() {
        for (KeycloakSchema.Relied relied : KeycloakSchema.RELIED_ON) {
            Table table = relied.entity().getAnnotation(Table.class);
            assertEquals(relied.table(), table.name().toUpperCase(Locale.ROOT), relied.entity().getSimpleName());
            Set<String> columns = new HashSet<>();
            for (String attribute : relied.attributes()) {
                Field field = field(relied.entity(), attribute);
                Column column = field.getAnnotation(Column.class);
                JoinColumn join = field.getAnnotation(JoinColumn.class);
                String name = column != null ? column.name() : join != null ? join.name() : field.getName();
                columns.add(name.toUpperCase(Locale.ROOT));
            }
            assertEquals(new HashSet<>(relied.columns()), columns, relied.entity().getSimpleName());
        }
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        fail(type.getSimpleName() + " has no field " + name);
        return null;
    }
}
