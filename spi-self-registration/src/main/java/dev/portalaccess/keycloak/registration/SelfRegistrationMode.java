package dev.portalaccess.keycloak.registration;

/** Who may register themselves in a realm (seed 003: "No one", "Anyone", "Only certain companies"). */
public enum SelfRegistrationMode {
    /** Every self-registration path is closed; only admins and invitations add users. */
    NONE,
    /** Anyone may register through the methods switched on, and gets the realm's default services. */
    ANYONE,
    /** Only employees of permitted companies (organizations), matched by their accepted email domains. */
    COMPANIES
}
