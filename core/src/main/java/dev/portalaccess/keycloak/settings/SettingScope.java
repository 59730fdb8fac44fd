package dev.portalaccess.keycloak.settings;

/** Where Keycloak stores a setting, so realm export and import carry it. */
public enum SettingScope {
    /** {@code RealmModel} attribute. */
    REALM_ATTRIBUTE,
    /** {@code OrganizationModel} attribute (one customer, partner tenant or company). */
    ORGANIZATION_ATTRIBUTE,
    /** {@code ClientModel} attribute. */
    CLIENT_ATTRIBUTE,
    /** A key of an authenticator's or form action's configuration in an authentication flow. */
    AUTHENTICATOR_CONFIG
}
