package dev.portalaccess.keycloak.customer;

import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * The checks every typed settings document of this module makes on its JSON (fields are JSON paths relative to
 * the document or section): an object with known properties, JSON booleans for flags, and values a
 * {@link Setting} can store.
 */
public final class DocumentChecks {

    public static final String UNKNOWN_PROPERTY = "unknownProperty";
    public static final String INVALID_DOCUMENT = "invalidDocument";

    private DocumentChecks() {
    }

    /** The node is an object whose properties are all in {@code known}; adds a violation per unknown one. */
    public static boolean object(JsonNode node, String field, Set<String> known, List<Problem> violations) {
        if (node == null || !node.isObject()) {
            violations.add(Problem.of(INVALID_DOCUMENT, field, "portalAccessInvalidDocument",
                    "Expected a JSON object" + (field == null || field.isEmpty() ? "" : " at " + field) + "."));
            return false;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                violations.add(Problem.of(UNKNOWN_PROPERTY, join(field, name), "portalAccessUnknownSetting",
                        "Unknown property '" + name + "' (known: " + String.join(", ", known.stream().sorted().toList()) + ").", name));
            }
        }
        return true;
    }

    /** A flag must be a JSON boolean; adds a violation otherwise. */
    public static void flag(JsonNode value, String field, List<Problem> violations) {
        if (value != null && !value.isMissingNode() && !value.isBoolean()) {
            violations.add(Problem.of(SettingTypes.INVALID_VALUE, field, SettingTypes.INVALID_VALUE_KEY,
                    "Expected true or false, not " + value + ".", value.toString()));
        }
    }

    /** A single text value (or null to remove) that {@code setting} can store; adds a violation otherwise. */
    public static void text(Setting<?> setting, JsonNode value, String field, List<Problem> violations) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            return;
        }
        if (!value.isTextual()) {
            violations.add(Problem.of(SettingTypes.INVALID_VALUE, field, SettingTypes.INVALID_VALUE_KEY,
                    "Expected a string or null, not " + value + ".", value.toString()));
            return;
        }
        setting.check(List.of(value.asText()), field).ifPresent(violations::add);
    }

    /** The read-only property of a document read that lists stored values no setting can read (they read as defaults). */
    public static final String INVALID = "invalid";

    /**
     * Adds {@value #INVALID} to a document read when a realm attribute holds a value its setting cannot read
     * (written around the typed API, e.g. by {@code PUT /admin/realms/{realm}}): the console shows them; a PUT of the
     * document may send the property back, it is ignored.
     */
    public static void reportInvalid(java.util.Map<String, Object> document, org.keycloak.models.RealmModel realm,
                                     java.util.Map<String, Setting<?>> settingsByField) {
        List<Problem> invalid = new java.util.ArrayList<>();
        settingsByField.forEach((field, setting) -> {
            String raw = realm.getAttribute(setting.key());
            if (raw != null && !raw.isBlank()) {
                setting.check(List.of(raw), field).ifPresent(invalid::add);
            }
        });
        if (!invalid.isEmpty()) {
            document.put(INVALID, invalid);
        }
    }

    public static boolean present(JsonNode document, String name) {
        return document != null && document.has(name);
    }

    public static String join(String field, String name) {
        return field == null || field.isEmpty() ? name : field + "." + name;
    }
}
