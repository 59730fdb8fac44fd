package dev.portalaccess.keycloak.settings;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.OrganizationModel;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * The typed API's JSON form of {@link Setting}s: a flag is a JSON boolean, every other single value a string, a
 * multi-valued setting an array. Submitted JSON is checked and canonicalised by the setting itself (one parser per
 * type), so a document and a raw attribute write accept and store exactly the same values.
 */
public final class SettingsJson {

    /** The {@code error} of a property no section or document declares. */
    public static final String UNKNOWN_PROPERTY = "unknownSetting";

    /** The property of a read document that lists stored values the settings' types cannot read. */
    public static final String INVALID = "invalid";

    private SettingsJson() {
    }

    /** The JSON value of a stored setting (default when absent or unreadable). */
    public static <T> Object value(Setting<T> setting, List<String> stored) {
        if (setting.multiple()) {
            return setting.readAll(stored).stream().map(setting::write).toList();
        }
        T value = setting.read(stored);
        if (value == null) {
            return null;
        }
        return value instanceof Boolean ? value : setting.write(value);
    }

    public static Object value(Setting<?> setting, OrganizationModel organization) {
        return value(setting, organization.getAttributes().get(setting.key()));
    }

    /**
     * The stored values of {@code settings} that their types cannot read (possible only around the validation, e.g. a
     * hand-edited database), each named by its JSON property; the typed GET lists them as {@code "invalid"} so the
     * console can show them. Empty when all are readable.
     */
    public static List<Problem> invalid(OrganizationModel organization, Map<String, Setting<?>> settingsByProperty) {
        List<Problem> out = new ArrayList<>();
        settingsByProperty.forEach((property, setting) -> {
            List<String> stored = organization.getAttributes().get(setting.key());
            if (stored != null && !stored.isEmpty()) {
                setting.check(stored, property).ifPresent(out::add);
            }
        });
        return out;
    }

    /**
     * Every violation of a submitted value ({@code field} = its JSON path; entries of a multi-valued setting as
     * {@code field[i]}); empty when {@link #canonical} can store it. A missing or null value is no violation.
     */
    public static <T> List<Problem> check(Setting<T> setting, JsonNode value, String field) {
        List<Problem> out = new ArrayList<>();
        if (value == null || value.isNull() || value.isMissingNode()) {
            return out;
        }
        if (setting.multiple()) {
            if (!value.isArray()) {
                out.add(shape(field, "Expected a list of values."));
                return out;
            }
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                if (!isScalar(item)) {
                    out.add(shape(field + "[" + i + "]", "Expected a single value."));
                    continue;
                }
                try {
                    setting.type().write(setting.type().parse(item.asText()));
                } catch (InvalidSettingValue e) {
                    out.add(Problem.of(e.error(), field + "[" + i + "]", e.messageKey(), e.reason(), item.asText(),
                            setting.key()));
                }
            }
            return out;
        }
        if (!isScalar(value)) {
            out.add(shape(field, "Expected a single value."));
            return out;
        }
        setting.check(List.of(value.asText()), field).ifPresent(out::add);
        return out;
    }

    /**
     * The canonical stored values of a submitted value that passed {@link #check}; empty when it was not submitted
     * (leave the stored value as it is); an empty list when it was null or {@code []} (remove the setting).
     */
    public static Optional<List<String>> canonical(Setting<?> setting, JsonNode parent, String property) {
        if (parent == null || !parent.has(property)) {
            return Optional.empty();
        }
        JsonNode value = parent.get(property);
        if (value == null || value.isNull()) {
            return Optional.of(List.of());
        }
        List<String> raw = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> raw.add(v.asText()));
        } else {
            raw.add(value.asText());
        }
        try {
            return Optional.of(setting.canonical(raw, property));
        } catch (SettingViolation v) {
            throw new IllegalStateException("not checked: " + v.getMessage(), v);
        }
    }

    /** A violation for every property of {@code object} outside {@code known}, and for a document that is no object. */
    public static List<Problem> unknownProperties(JsonNode object, Set<String> known, String prefix) {
        List<Problem> out = new ArrayList<>();
        if (object == null || !object.isObject()) {
            out.add(shape(prefix, "Expected a JSON object."));
            return out;
        }
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                String field = prefix == null || prefix.isEmpty() ? name : prefix + "." + name;
                out.add(Problem.of(UNKNOWN_PROPERTY, field, "portalAccessUnknownSetting",
                        "No setting '" + name + "' here.", name));
            }
        }
        return out;
    }

    /**
     * The attributes of {@code organization} with {@code changes} applied (a key mapped to an empty list is removed),
     * to be written with {@link OrganizationModel#setAttributes}, which validates them once more and runs the side
     * effects of every feature, exactly as a raw write does.
     */
    public static Map<String, List<String>> merged(OrganizationModel organization, Map<String, List<String>> changes) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        organization.getAttributes().forEach((k, v) -> out.put(k, v == null ? null : new ArrayList<>(v)));
        changes.forEach((k, v) -> {
            if (v == null || v.isEmpty()) {
                out.remove(k);
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    private static boolean isScalar(JsonNode node) {
        return node != null && (node.isTextual() || node.isBoolean() || node.isNumber());
    }

    private static Problem shape(String field, String message) {
        return Problem.of(SettingTypes.INVALID_VALUE, field, SettingTypes.INVALID_VALUE_KEY, message);
    }
}
