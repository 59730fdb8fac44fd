package dev.portalaccess.keycloak.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * One setting of a feature, declared once in the feature's settings class: where it is stored ({@link #scope()},
 * {@link #key()}), its {@link SettingType}, default, whether it holds several values, and the English label and
 * help text (with their message keys) that the console shows. Every read and write of the setting goes through
 * here, so a value is parsed one way and stored only in canonical form.
 *
 * <p>A stored value the type cannot read (possible only around the validation, e.g. a realm attribute set by
 * {@code PUT /admin/realms} or a hand-edited database) reads as the default and is logged at WARN; the typed API
 * reports it ({@link #check}).
 *
 * @param feature      the feature's id, e.g. {@code domainRestriction}
 * @param name         the setting's name in the feature's JSON document, e.g. {@code enabled}
 * @param key          the attribute or config key, e.g. {@code portalaccess.domainRestriction.enabled}
 * @param defaultValue the value when none is stored (null: none; for a multi-valued setting the default is empty)
 */
public record Setting<T>(String feature, String name, String key, SettingScope scope, SettingType<T> type,
                         T defaultValue, boolean multiple, String label, String help) {

    private static final Logger LOG = Logger.getLogger(Setting.class);

    /** Starts the declaration of a single-valued setting. */
    public static <T> Setting<T> single(String feature, String name, String key, SettingScope scope, SettingType<T> type,
                                        T defaultValue, String label, String help) {
        return new Setting<>(feature, name, key, scope, type, defaultValue, false, label, help);
    }

    /** Starts the declaration of a multi-valued setting (its default is the empty list). */
    public static <T> Setting<T> multiple(String feature, String name, String key, SettingScope scope, SettingType<T> type,
                                          String label, String help) {
        return new Setting<>(feature, name, key, scope, type, null, true, label, help);
    }

    public String labelKey() {
        return "portalAccess.setting." + feature + "." + name + ".label";
    }

    public String helpKey() {
        return "portalAccess.setting." + feature + "." + name + ".help";
    }

    // ---- reading: stored values -> typed value -------------------------------------------------------------

    /** The value of a single-valued setting among stored values (absent, blank or unreadable: the default). */
    public T read(List<String> stored) {
        if (stored == null) {
            return defaultValue;
        }
        for (String raw : stored) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                return type.parse(raw);
            } catch (InvalidSettingValue e) {
                LOG.warnf("Portal Access setting %s has an unreadable stored value, using the default %s: %s",
                        key, defaultValue, e.reason());
                return defaultValue;
            }
        }
        return defaultValue;
    }

    /** Every readable value of a multi-valued setting (unreadable ones are left out and logged). */
    public List<T> readAll(List<String> stored) {
        List<T> out = new ArrayList<>();
        if (stored == null) {
            return out;
        }
        for (String raw : stored) {
            if (raw == null || raw.isBlank()) {
                continue;
            }
            try {
                out.add(type.parse(raw));
            } catch (InvalidSettingValue e) {
                LOG.warnf("Portal Access setting %s has an unreadable stored value, left out: %s", key, e.reason());
            }
        }
        return out;
    }

    public T read(OrganizationModel organization) {
        requireScope(SettingScope.ORGANIZATION_ATTRIBUTE);
        return read(organization.getAttributes().get(key));
    }

    public List<T> readAll(OrganizationModel organization) {
        requireScope(SettingScope.ORGANIZATION_ATTRIBUTE);
        return readAll(organization.getAttributes().get(key));
    }

    public T read(RealmModel realm) {
        requireScope(SettingScope.REALM_ATTRIBUTE);
        String v = realm.getAttribute(key);
        return read(v == null ? null : List.of(v));
    }

    public T read(ClientModel client) {
        requireScope(SettingScope.CLIENT_ATTRIBUTE);
        String v = client.getAttribute(key);
        return read(v == null ? null : List.of(v));
    }

    /** An authenticator's or form action's config ({@code AuthenticatorConfigModel.getConfig()}, may be null). */
    public T read(Map<String, String> config) {
        requireScope(SettingScope.AUTHENTICATOR_CONFIG);
        String v = config == null ? null : config.get(key);
        return read(v == null ? null : List.of(v));
    }

    // ---- checking and writing: submitted values -> canonical stored values -------------------------------------

    /**
     * The violation of submitted raw values, named by {@code field} (a JSON path of the typed API, or the key for
     * raw attribute writes); empty when they can be stored.
     */
    public Optional<Problem> check(List<String> submitted, String field) {
        try {
            canonical(submitted, field);
            return Optional.empty();
        } catch (SettingViolation v) {
            return Optional.of(v.problem());
        }
    }

    /** The canonical form of submitted raw values, or a {@link SettingViolation} naming {@code field}. */
    public List<String> canonical(List<String> submitted, String field) throws SettingViolation {
        List<String> values = submitted == null ? List.of() : submitted;
        if (!multiple && values.size() > 1) {
            throw new SettingViolation(Problem.of(SettingTypes.INVALID_VALUE, field, SettingTypes.INVALID_VALUE_KEY,
                    key + " takes a single value, not " + values.size() + ".", key));
        }
        List<String> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String raw = values.get(i);
            String entryField = multiple ? field + "[" + i + "]" : field;
            try {
                out.add(type.write(type.parse(raw)));
            } catch (InvalidSettingValue e) {
                throw new SettingViolation(Problem.of(e.error(), entryField, e.messageKey(), named(e.reason()),
                        raw == null ? "" : raw, key));
            }
        }
        return out;
    }

    /** A refusal's sentence names the setting as the console shows it (e.g. "Automatically add partner users: ..."). */
    private String named(String reason) {
        return label == null || label.isBlank() ? reason : label + ": " + reason;
    }

    /** The canonical stored form of a typed value. */
    public String write(T value) {
        return type.write(value);
    }

    private void requireScope(SettingScope expected) {
        if (scope != expected) {
            throw new IllegalStateException(key + " is a " + scope + " setting, not a " + expected + " one");
        }
    }
}
