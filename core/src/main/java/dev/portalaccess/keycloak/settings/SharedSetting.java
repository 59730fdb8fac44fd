package dev.portalaccess.keycloak.settings;

import java.util.Optional;

import org.keycloak.models.KeycloakSessionFactory;

/**
 * A meaning that more than one module needs but only one feature owns. The owning feature declares the setting in
 * its own settings class and names it here ({@link FeatureSettings#shared()}); every other module reads it through
 * {@link SettingsCatalog#shared}, so no module spells (or copies) another module's attribute name. When the owning
 * feature is not deployed the setting is absent and the meaning does not apply.
 */
public enum SharedSetting {

    /** Organization attribute (flag): joins are checked member by member (domain restriction, spi-domain-restriction). */
    MEMBERSHIP_RESTRICTED(SettingScope.ORGANIZATION_ATTRIBUTE, Boolean.class),

    /** Realm attribute (flag): a membership is access to a tenant, never ownership of the account (partner access). */
    ACCESS_ONLY_MEMBERSHIP(SettingScope.REALM_ATTRIBUTE, Boolean.class),

    /** Client attribute (text): the id of the organization whose service account the client is (customer access). */
    CUSTOMER_OF_CLIENT(SettingScope.CLIENT_ATTRIBUTE, String.class);

    private final SettingScope scope;
    private final Class<?> valueType;

    SharedSetting(SettingScope scope, Class<?> valueType) {
        this.scope = scope;
        this.valueType = valueType;
    }

    public SettingScope scope() {
        return scope;
    }

    /** The declaration on this server, typed ({@code type}: the value class this meaning has). */
    @SuppressWarnings("unchecked")
    public <T> Optional<Setting<T>> on(KeycloakSessionFactory factory, Class<T> type) {
        if (type != valueType) {
            throw new IllegalArgumentException(this + " holds " + valueType.getSimpleName() + ", not " + type.getSimpleName());
        }
        return SettingsCatalog.of(factory).shared(this).map(s -> (Setting<T>) s);
    }
}
