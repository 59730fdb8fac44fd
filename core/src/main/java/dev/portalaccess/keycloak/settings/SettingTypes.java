package dev.portalaccess.keycloak.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.email.InvalidEmailException;

/** The built-in {@link SettingType}s: one parser each, used by every module. */
public final class SettingTypes {

    /** The {@code error} of a value that is not of its setting's type. */
    public static final String INVALID_VALUE = "invalidValue";
    public static final String INVALID_VALUE_KEY = "portalAccessInvalidSetting";

    private SettingTypes() {
    }

    /** {@code true} / {@code false}, trimmed and in any case; stored as {@code true} / {@code false}. */
    public static final SettingType<Boolean> FLAG = new SettingType<>() {
        @Override
        public String name() {
            return "flag";
        }

        @Override
        public Boolean parse(String raw) throws InvalidSettingValue {
            String v = raw == null ? "" : raw.trim();
            if (v.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (v.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
            throw InvalidSettingValue.invalid("Expected true or false, not '" + raw + "'.");
        }

        @Override
        public String write(Boolean value) {
            return Boolean.TRUE.equals(value) ? "true" : "false";
        }
    };

    /** Free text, trimmed; blank is not a value (leave the setting out instead). */
    public static final SettingType<String> TEXT = new SettingType<>() {
        @Override
        public String name() {
            return "text";
        }

        @Override
        public String parse(String raw) throws InvalidSettingValue {
            String v = raw == null ? "" : raw.trim();
            if (v.isEmpty()) {
                throw InvalidSettingValue.invalid("The value is empty.");
            }
            return v;
        }

        @Override
        public String write(String value) {
            return value.trim();
        }
    };

    /** An absolute {@code http} or {@code https} URL with a host. */
    public static final SettingType<String> URL = new SettingType<>() {
        @Override
        public String name() {
            return "url";
        }

        @Override
        public String parse(String raw) throws InvalidSettingValue {
            String v = raw == null ? "" : raw.trim();
            try {
                URI uri = new URI(v);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                    return uri.toString();
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            throw InvalidSettingValue.invalid("Expected an absolute http(s) URL, not '" + raw + "'.");
        }

        @Override
        public String write(String value) {
            return value;
        }
    };

    /** An email address, read and normalised by the email rule engine; stored in its normal form. */
    public static final SettingType<String> EMAIL = new SettingType<>() {
        @Override
        public String name() {
            return "email";
        }

        @Override
        public String parse(String raw) throws InvalidSettingValue {
            try {
                return EmailAddress.parse(raw == null ? "" : raw).toString();
            } catch (InvalidEmailException e) {
                throw new InvalidSettingValue("invalidEmail", "portalAccessInvalidEmail",
                        "'" + raw + "' is not a valid email address: " + e.reason() + ".");
            }
        }

        @Override
        public String write(String value) {
            return value;
        }
    };

    /** The {@code error} of an entry that is not an email rule ({@link #EMAIL_RULE}). */
    public static final String INVALID_EMAIL_RULE = "invalidDomainRule";
    public static final String INVALID_EMAIL_RULE_KEY = "portalAccessInvalidDomainRule";

    /**
     * One entry of an email rule list, read by the email rule engine ({@link EmailRule}): a domain
     * ({@code acme.com}, with its subdomains), a subdomain wildcard ({@code *.acme.com}) or an address
     * ({@code a@acme.com}); stored in the engine's normal form (lower case, punycode), so {@code Bücher.DE.} and
     * {@code xn--bcher-kva.de} are one entry.
     */
    public static final SettingType<EmailRule> EMAIL_RULE = new SettingType<>() {
        @Override
        public String name() {
            return "emailRule";
        }

        @Override
        public EmailRule parse(String raw) throws InvalidSettingValue {
            if (raw == null || raw.isBlank()) {
                throw new InvalidSettingValue(INVALID_EMAIL_RULE, INVALID_EMAIL_RULE_KEY, "An allowed domain entry is empty.");
            }
            try {
                return EmailRule.parse(raw);
            } catch (InvalidEmailException e) {
                throw new InvalidSettingValue(INVALID_EMAIL_RULE, INVALID_EMAIL_RULE_KEY, "'" + raw
                        + "' is not a domain (acme.com), a subdomain wildcard (*.acme.com) or an address (a@acme.com): "
                        + e.reason() + ".");
            }
        }

        @Override
        public String write(EmailRule value) {
            return value.value();
        }
    };

    /**
     * One of an enum's constants, matched ignoring case and white space; stored as the constant's name in lower
     * case (the form realm exports use).
     */
    public static <E extends Enum<E>> SettingType<E> choice(Class<E> constants) {
        return choice(constants, constant -> constant.name().toLowerCase(Locale.ROOT));
    }

    /**
     * One of an enum's constants, stored as {@code storedAs} writes it (e.g. upper case, as a settings dialog offers
     * it); read ignoring case and white space, by its stored form or its name.
     */
    public static <E extends Enum<E>> SettingType<E> choice(Class<E> constants, Function<E, String> storedAs) {
        return new SettingType<>() {
            @Override
            public String name() {
                return "choice";
            }

            @Override
            public E parse(String raw) throws InvalidSettingValue {
                String v = raw == null ? "" : raw.trim();
                for (E constant : constants.getEnumConstants()) {
                    if (storedAs.apply(constant).equalsIgnoreCase(v) || constant.name().equalsIgnoreCase(v)) {
                        return constant;
                    }
                }
                throw InvalidSettingValue.invalid("Expected one of " + String.join(", ", choices()) + ", not '" + raw + "'.");
            }

            @Override
            public String write(E value) {
                return storedAs.apply(value);
            }

            @Override
            public List<String> choices() {
                return Arrays.stream(constants.getEnumConstants()).map(this::write).toList();
            }
        };
    }

    /**
     * Several items in one stored value, separated by commas (the form realm exports and the admin console's
     * Attributes tab accept): each read by {@code item}, none empty; the canonical form trims them and joins them
     * with {@code ,}.
     */
    public static <T> SettingType<List<T>> commaSeparated(String name, SettingType<T> item) {
        return new SettingType<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<T> parse(String raw) throws InvalidSettingValue {
                List<String> items = Arrays.stream((raw == null ? "" : raw).split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                if (items.isEmpty()) {
                    throw InvalidSettingValue.invalid("The value is empty.");
                }
                List<T> out = new java.util.ArrayList<>();
                for (String one : items) {
                    out.add(item.parse(one));
                }
                return out;
            }

            @Override
            public String write(List<T> value) {
                return String.join(",", value.stream().map(item::write).toList());
            }

            @Override
            public List<String> choices() {
                return item.choices();
            }
        };
    }
}
