package dev.portalaccess.keycloak.registration;

import java.util.Arrays;
import java.util.Optional;

/** The ways a person can register themselves; {@link #key()} is the value used in configuration. */
public enum RegistrationMethod {
    /** The portal's registration form ("Create an account"). */
    PORTAL("portal"),
    /** Sign-up with an identity provider such as Google (first broker login). */
    IDENTITY_PROVIDER("identityProvider"),
    /** Registration by the service desk's mail intake when someone writes in for the first time. */
    EMAIL("email"),
    /** First sign-in of a directory (LDAP / Active Directory) user; never offered per company. */
    DIRECTORY("directory");

    private final String key;

    RegistrationMethod(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    static Optional<RegistrationMethod> fromKey(String key) {
        String trimmed = key == null ? "" : key.trim();
        return Arrays.stream(values()).filter(m -> m.key.equalsIgnoreCase(trimmed)).findFirst();
    }
}
