package dev.portalaccess.keycloak.registration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.portalaccess.keycloak.settings.InvalidSettingValue;
import dev.portalaccess.keycloak.settings.SettingType;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * The item types only self-registration has (a registration method, a service), on core's types: several items
 * in one stored value are {@link SettingTypes#commaSeparated}, the mode is a {@link SettingTypes#choice}.
 */
final class RegistrationSettingTypes {

    static final String INVALID_METHOD = "invalidMethod";
    static final String INVALID_SERVICE = "invalidService";

    private RegistrationSettingTypes() {
    }

    /** A registration method by its key ({@code portal}, {@code identityProvider}, {@code email}, {@code directory}). */
    private static final SettingType<RegistrationMethod> METHOD = new SettingType<>() {
        @Override
        public String name() {
            return "registrationMethod";
        }

        @Override
        public RegistrationMethod parse(String item) throws InvalidSettingValue {
            return RegistrationMethod.fromKey(item).orElseThrow(() -> new InvalidSettingValue(INVALID_METHOD,
                    "portalAccessSelfRegistrationInvalidMethod", "'" + item + "' is not a registration method: expected "
                    + String.join(", ", choices()) + "."));
        }

        @Override
        public String write(RegistrationMethod value) {
            return value.key();
        }

        @Override
        public List<String> choices() {
            return Arrays.stream(RegistrationMethod.values()).map(RegistrationMethod::key).toList();
        }
    };

    /**
     * A service: {@code role:<realm role>}, {@code group:<group path>} or a bare realm role name (whether the role or
     * group exists is the realm's question: the typed API checks it, {@link ServiceGrants} skips and logs an
     * unknown one).
     */
    private static final SettingType<String> SERVICE = new SettingType<>() {
        @Override
        public String name() {
            return "service";
        }

        @Override
        public String parse(String item) throws InvalidSettingValue {
            String lower = item.toLowerCase(Locale.ROOT);
            String name = lower.startsWith(ServiceGrants.ROLE_PREFIX) ? item.substring(ServiceGrants.ROLE_PREFIX.length()).trim()
                    : lower.startsWith(ServiceGrants.GROUP_PREFIX) ? item.substring(ServiceGrants.GROUP_PREFIX.length()).trim()
                    : item;
            if (name.isEmpty() || name.equals("/")) {
                throw new InvalidSettingValue(INVALID_SERVICE, "portalAccessSelfRegistrationInvalidService", "'" + item
                        + "' is not a service: expected role:<realm role>, group:<group path> or a realm role name.");
            }
            return lower.startsWith(ServiceGrants.GROUP_PREFIX) ? ServiceGrants.GROUP_PREFIX + name
                    : lower.startsWith(ServiceGrants.ROLE_PREFIX) ? ServiceGrants.ROLE_PREFIX + name : name;
        }

        @Override
        public String write(String value) {
            return value;
        }
    };

    static final SettingType<List<RegistrationMethod>> METHODS = SettingTypes.commaSeparated("registrationMethods", METHOD);

    static final SettingType<List<String>> SERVICES = SettingTypes.commaSeparated("services", SERVICE);

    /** The realm's mode, stored in upper case as the step's settings dialog offers it. */
    static final SettingType<SelfRegistrationMode> MODE = SettingTypes.choice(SelfRegistrationMode.class, Enum::name);
}
