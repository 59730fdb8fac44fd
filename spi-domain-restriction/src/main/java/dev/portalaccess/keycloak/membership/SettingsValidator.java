package dev.portalaccess.keycloak.membership;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.email.InvalidEmailException;

/**
 * Checks the membership settings in an organization's attribute map before they are stored: the first
 * bad value wins and is reported with the attribute name and the entry.
 */
final class SettingsValidator {

    static final String INVALID_VALUE = "invalidValue";
    static final String INVALID_DOMAIN_RULE = "invalidDomainRule";

    private SettingsValidator() {
    }

    /** A setting that cannot be stored. */
    record Violation(String attribute, String entry, String error, String description) {
    }

    static Optional<Violation> validate(Map<String, List<String>> attributes) {
        if (attributes == null) {
            return Optional.empty();
        }
        List<String> enabled = attributes.get(MembershipSettings.DOMAIN_RESTRICTION_ENABLED);
        if (enabled != null) {
            if (enabled.size() > 1) {
                return Optional.of(new Violation(MembershipSettings.DOMAIN_RESTRICTION_ENABLED, String.join(",", enabled),
                        INVALID_VALUE, "Expected a single value: true or false."));
            }
            for (String value : enabled) {
                if (value == null || !(value.trim().equalsIgnoreCase("true") || value.trim().equalsIgnoreCase("false"))) {
                    return Optional.of(new Violation(MembershipSettings.DOMAIN_RESTRICTION_ENABLED, value, INVALID_VALUE,
                            "Expected true or false."));
                }
            }
        }
        List<String> domains = attributes.get(MembershipSettings.DOMAIN_RESTRICTION_DOMAINS);
        if (domains != null) {
            for (String entry : domains) {
                if (entry == null || entry.isBlank()) {
                    return Optional.of(new Violation(MembershipSettings.DOMAIN_RESTRICTION_DOMAINS, entry,
                            INVALID_DOMAIN_RULE, "An allowed domain entry is empty."));
                }
                try {
                    EmailRule.parse(entry);
                } catch (InvalidEmailException e) {
                    return Optional.of(new Violation(MembershipSettings.DOMAIN_RESTRICTION_DOMAINS, entry,
                            INVALID_DOMAIN_RULE, "'" + entry + "' is not a domain (acme.com), a subdomain wildcard"
                                    + " (*.acme.com) or an address (a@acme.com): " + e.reason() + "."));
                }
            }
        }
        List<String> jit = attributes.get(MembershipSettings.JIT_WITHOUT_INVITATION);
        if (jit != null) {
            if (jit.size() > 1) {
                return Optional.of(new Violation(MembershipSettings.JIT_WITHOUT_INVITATION, String.join(",", jit),
                        INVALID_VALUE, "Expected a single value: refuse or join."));
            }
            for (String value : jit) {
                if (MembershipSettings.WithoutInvitation.parse(value).isEmpty()) {
                    return Optional.of(new Violation(MembershipSettings.JIT_WITHOUT_INVITATION, value, INVALID_VALUE,
                            "Expected refuse or join."));
                }
            }
        }
        return Optional.empty();
    }
}
