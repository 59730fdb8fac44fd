package dev.portalaccess.keycloak.profile;

import java.util.Optional;

import dev.portalaccess.keycloak.email.EmailAddress;

/** How the user profile compares and stores chosen addresses. */
final class EmailChoice {

    private EmailChoice() {
    }

    /** Whether two written addresses are the same address for the rule engine (or the same text). */
    static boolean sameAddress(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        if (a.strip().equalsIgnoreCase(b.strip())) {
            return true;
        }
        Optional<EmailAddress> left = EmailAddress.tryParse(a);
        return left.isPresent() && left.equals(EmailAddress.tryParse(b));
    }

    /**
     * The form to store for {@code value}: the stored email when it is the same address (an unchanged email
     * is never rewritten), else the engine's normalised form, or the value itself when the engine cannot
     * parse it (the validator refuses it then).
     */
    static String storedForm(String value, String storedEmail) {
        if (value == null || value.isBlank()) {
            return value;
        }
        if (storedEmail != null && sameAddress(value, storedEmail)) {
            return storedEmail;
        }
        return EmailAddress.tryParse(value).map(EmailAddress::normalized).orElse(value);
    }
}
