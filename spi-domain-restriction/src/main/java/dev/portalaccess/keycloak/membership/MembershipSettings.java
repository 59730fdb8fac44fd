package dev.portalaccess.keycloak.membership;

import java.util.List;
import java.util.Map;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.email.EmailRuleSet;
import dev.portalaccess.keycloak.email.InvalidEmailException;

/**
 * A customer's (organization's) membership settings ({@link DomainRestrictionSettings}), read from its organization
 * attributes through the settings' one parser each.
 *
 * <p>Reading is lenient on purpose: an entry that is not a valid rule (only possible if it bypassed the
 * validation of every write, e.g. a hand-edited database) is ignored and logged, which only narrows the allowed
 * set. A restriction that is on with no valid entry admits nobody.
 */
public final class MembershipSettings {

    /** Values of {@link DomainRestrictionSettings#JIT_WITHOUT_INVITATION}. */
    public enum WithoutInvitation {
        /** Refuse the sign-in with a message (the default). */
        REFUSE,
        /** Join the customer as a plain member, within the allowed domains. */
        JOIN;

        /** The canonical stored value. */
        public String value() {
            return DomainRestrictionSettings.JIT_WITHOUT_INVITATION.write(this);
        }
    }

    private final boolean restricted;
    private final List<EmailRule> entries;
    private final EmailRuleSet rules;
    private final WithoutInvitation withoutInvitation;

    private MembershipSettings(boolean restricted, List<EmailRule> entries, WithoutInvitation withoutInvitation) {
        this.restricted = restricted;
        this.entries = List.copyOf(entries);
        this.rules = EmailRuleSet.of(entries);
        this.withoutInvitation = withoutInvitation;
    }

    /** The settings carried by {@code attributes} (an organization's attribute map; may be null). */
    public static MembershipSettings of(Map<String, List<String>> attributes) {
        Map<String, List<String>> attrs = attributes == null ? Map.of() : attributes;
        return new MembershipSettings(
                DomainRestrictionSettings.ENABLED.read(attrs.get(DomainRestrictionSettings.ENABLED.key())),
                DomainRestrictionSettings.ENTRIES.readAll(attrs.get(DomainRestrictionSettings.ENTRIES.key())),
                DomainRestrictionSettings.JIT_WITHOUT_INVITATION.read(
                        attrs.get(DomainRestrictionSettings.JIT_WITHOUT_INVITATION.key())));
    }

    public boolean restricted() {
        return restricted;
    }

    /** The readable allowed entries, in stored order. */
    public List<EmailRule> entries() {
        return entries;
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
}
