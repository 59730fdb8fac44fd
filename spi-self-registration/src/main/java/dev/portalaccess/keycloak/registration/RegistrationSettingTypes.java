package dev.portalaccess.keycloak.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.portalaccess.keycloak.settings.InvalidSettingValue;
import dev.portalaccess.keycloak.settings.SettingType;

/**
 * The setting types only self-registration uses (one parser each). A stored value may list several items
 * separated by commas (the form realm exports and the admin console's Attributes tab have always accepted);
 * the canonical form trims them and joins them with {@code ,}.
 */
final class RegistrationSettingTypes {

    static final String INVALID_METHOD = "invalidMethod";
    static final String INVALID_SERVICE = "invalidService";

    private RegistrationSettingTypes() {
    }

    /** Registration methods by their keys ({@code portal}, {@code identityProvider}, {@code email}, {@code directory}). */
    static final SettingType<List<RegistrationMethod>> METHODS = new SettingType<>() {
        @Override
        public String name() {
            return "registrationMethods";
        }

        @Override
        public List<RegistrationMethod> parse(String raw) throws InvalidSettingValue {
            List<RegistrationMethod> out = new ArrayList<>();
            for (String item : items(raw)) {
                out.add(RegistrationMethod.fromKey(item).orElseThrow(() -> new InvalidSettingValue(INVALID_METHOD,
                        "portalAccessSelfRegistrationInvalidMethod", "'" + item + "' is not a registration method: expected "
                        + String.join(", ", choices()) + ".")));
            }
            return out;
        }

        @Override
        public String write(List<RegistrationMethod> value) {
            return String.join(",", value.stream().map(RegistrationMethod::key).toList());
        }

        @Override
        public List<String> choices() {
            return Arrays.stream(RegistrationMethod.values()).map(RegistrationMethod::key).toList();
        }
    };

    /**
     * Services: {@code role:<realm role>}, {@code group:<group path>} or a bare realm role name (whether the role or
     * group exists is the realm's question: the typed API checks it, {@link ServiceGrants} skips and logs an
     * unknown one).
     */
    static final SettingType<List<String>> SERVICES = new SettingType<>() {
        @Override
        public String name() {
            return "services";
        }

        @Override
        public List<String> parse(String raw) throws InvalidSettingValue {
            List<String> out = new ArrayList<>();
            for (String item : items(raw)) {
                String lower = item.toLowerCase(Locale.ROOT);
                String name = lower.startsWith(ServiceGrants.ROLE_PREFIX) ? item.substring(ServiceGrants.ROLE_PREFIX.length()).trim()
                        : lower.startsWith(ServiceGrants.GROUP_PREFIX) ? item.substring(ServiceGrants.GROUP_PREFIX.length()).trim()
                        : item;
                if (name.isEmpty() || name.equals("/")) {
                    throw new InvalidSettingValue(INVALID_SERVICE, "portalAccessSelfRegistrationInvalidService", "'" + item
                            + "' is not a service: expected role:<realm role>, group:<group path> or a realm role name.");
                }
                out.add(lower.startsWith(ServiceGrants.GROUP_PREFIX) ? ServiceGrants.GROUP_PREFIX + name
                        : lower.startsWith(ServiceGrants.ROLE_PREFIX) ? ServiceGrants.ROLE_PREFIX + name : name);
            }
            return out;
        }

        @Override
        public String write(List<String> value) {
            return String.join(",", value);
        }
    };

    /** The realm's mode, stored in upper case as the step's settings dialog offers it. */
    static final SettingType<SelfRegistrationMode> MODE = new SettingType<>() {
        @Override
        public String name() {
            return "choice";
        }

        @Override
        public SelfRegistrationMode parse(String raw) throws InvalidSettingValue {
            String v = raw == null ? "" : raw.trim();
            for (SelfRegistrationMode mode : SelfRegistrationMode.values()) {
                if (mode.name().equalsIgnoreCase(v)) {
                    return mode;
                }
            }
            throw InvalidSettingValue.invalid("Expected one of " + String.join(", ", choices()) + ", not '" + raw + "'.");
        }

        @Override
        public String write(SelfRegistrationMode value) {
            return value.name();
        }

        @Override
        public List<String> choices() {
            return Arrays.stream(SelfRegistrationMode.values()).map(Enum::name).toList();
        }
    };

    private static List<String> items(String raw) throws InvalidSettingValue {
        List<String> items = Arrays.stream((raw == null ? "" : raw).split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
        if (items.isEmpty()) {
            throw InvalidSettingValue.invalid("The value is empty.");
        }
        return items;
    }
}
