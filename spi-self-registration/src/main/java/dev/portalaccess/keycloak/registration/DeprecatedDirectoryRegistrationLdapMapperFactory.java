package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.storage.ldap.mappers.LDAPStorageMapperFactory;

import dev.portalaccess.keycloak.renames.DeprecatedId;

/** The id {@value #OLD_ID} of the "Self-registration (directory)" LDAP mapper before the rename, for one release. */
@AutoService(LDAPStorageMapperFactory.class)
public final class DeprecatedDirectoryRegistrationLdapMapperFactory extends DirectoryRegistrationLdapMapperFactory {

    public static final String OLD_ID = "portalaccess-selfreg-directory";

    @Override
    public String getId() {
        return OLD_ID;
    }

    @Override
    public String getHelpText() {
        return DeprecatedId.help(PROVIDER_ID, super.getHelpText());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        DeprecatedId.warnAtStart(factory, "LDAP mapper", OLD_ID, PROVIDER_ID, DeprecatedId.component(OLD_ID));
    }
}
