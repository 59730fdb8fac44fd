package dev.portalaccess.keycloak.membership;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.email.EmailRuleSet;
import dev.portalaccess.keycloak.email.InvalidEmailException;

/**
 * A customer's (organization's) membership settings, read from its organization attributes so that realm
 * export/import carries them and the admin console's organization Attributes tab edits them.
 *
 * <p>Reading is lenient on purpose: an entry that is not a valid rule (only possible if it bypassed the
 * admin REST validation, e.g. a hand-edited database) is ignored, which only narrows the allowed set. A
 * restriction that is on with no valid entry admits nobody.
 */
public final class MembershipSettings {

    /** {@code "true"} turns the domain restriction on; anything else (or absent) is off. */
    public static final String DOMAIN_RESTRICTION_ENABLED = "portalaccess.domainRestriction.enabled";
    /** Allowed email rules, one per value: {@code acme.com}, {@code *.acme.com} or {@code a@acme.com}. */
    public static final String DOMAIN_RESTRICTION_DOMAINS = "portalaccess.domainRestriction.domains";
    /** What a first sign-in through the customer's identity provider does without a pending invitation. */
    public static final String JIT_WITHOUT_INVITATION = "portalaccess.jit.withoutInvitation";

    /** Values of {@link #JIT_WITHOUT_INVITATION}. */
    public enum WithoutInvitation {
        /** Refuse the sign-in with a message (the default). */
        REFUSE,
        /** Join the customer as a plain member, within the allowed domains. */
        JOIN;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<WithoutInvitation> parse(String raw) {
            if (raw == null) {
                return Optional.empty();
            }
            for (WithoutInvitation v : values()) {
                if (v.value().equalsIgnoreCase(raw.trim())) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    private final boolean restricted;
    private final List<String> domainEntries;
    private final EmailRuleSet rules;
    private final WithoutInvitation withoutInvitation;

    private MembershipSettings(boolean restricted, List<String> domainEntries, WithoutInvitation withoutInvitation) {
        this.restricted = restricted;
        this.domainEntries = List.copyOf(domainEntries);
        this.rules = EmailRuleSet.parse(validEntries(domainEntries));
        this.withoutInvitation = withoutInvitation;
    }

    /** The settings carried by {@code attributes} (an organization's attribute map; may be null). */
    public static MembershipSettings of(Map<String, List<String>> attributes) {
        Map<String, List<String>> attrs = attributes == null ? Map.of() : attributes;
        boolean restricted = "true".equalsIgnoreCase(first(attrs.get(DOMAIN_RESTRICTION_ENABLED)).trim());
        List<String> domains = attrs.getOrDefault(DOMAIN_RESTRICTION_DOMAINS, List.of());
        WithoutInvitation jit = WithoutInvitation.parse(first(attrs.get(JIT_WITHOUT_INVITATION)))
                .orElse(WithoutInvitation.REFUSE);
        return new MembershipSettings(restricted, domains == null ? List.of() : domains, jit);
    }

    public boolean restricted() {
        return restricted;
    }

    public List<String> domainEntries() {
        return domainEntries;
    }

    public WithoutInvitation withoutInvitation() {
        return withoutInvitation;
    }

    /**
     * Whether {@code rawEmail} may become a member: always when the restriction is off; otherwise only a
     * valid address that matches one of the allowed rules.
     */
    public Verdict check(String rawEmail) {
        if (!restricted) {
            return Verdict.ALLOWED;
        }
        if (rawEmail == null || rawEmail.isBlank()) {
            return Verdict.EMAIL_MISSING;
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(rawEmail);
        } catch (InvalidEmailException e) {
            return Verdict.EMAIL_INVALID;
        }
        return rules.matches(address) ? Verdict.ALLOWED : Verdict.DOMAIN_NOT_ALLOWED;
    }

    /** The outcome of {@link #check(String)}; {@link #error()} is the code used in REST bodies. */
    public enum Verdict {
        ALLOWED(null, null),
        EMAIL_MISSING("emailMissing", "email_missing"),
        EMAIL_INVALID("emailInvalid", "invalid_email"),
        DOMAIN_NOT_ALLOWED("domainNotAllowed", "domain_not_allowed");

        private final String error;
        private final String eventError;

        Verdict(String error, String eventError) {
            this.error = error;
            this.eventError = eventError;
        }

        public boolean allowed() {
            return this == ALLOWED;
        }

        /** camelCase code of the JSON body's {@code error} field. */
        public String error() {
            return error;
        }

        /** snake_case code of the user event's error, in the style of Keycloak's own event errors. */
        public String eventError() {
            return eventError;
        }
    }

    private static List<String> validEntries(Collection<String> entries) {
        List<String> valid = new ArrayList<>();
        for (String entry : entries) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            try {
                EmailRule.parse(entry);
                valid.add(entry);
            } catch (InvalidEmailException e) {
                // lenient read: see the class comment
            }
        }
        return valid;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }
}
