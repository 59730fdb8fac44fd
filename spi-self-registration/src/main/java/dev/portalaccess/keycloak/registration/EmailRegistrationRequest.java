package dev.portalaccess.keycloak.registration;

/** Body of {@code POST /realms/{realm}/self-registration/email}: the sender of an email to the service desk. */
public final class EmailRegistrationRequest {

    /** The sender's address (required). */
    public String email;
    /** The sender's display name as in the From header, e.g. "Jane Doe" (optional). */
    public String name;
    /** Optional, instead of {@link #name}. */
    public String firstName;
    /** Optional, instead of {@link #name}. */
    public String lastName;
}
