package dev.portalaccess.keycloak.registration;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.component.ComponentModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapperFactory;
import org.keycloak.storage.ldap.mappers.LDAPStorageMapperFactory;

/** LDAP mapper "Self-registration (directory)": applies the self-registration policy to directory users. */
@AutoService(LDAPStorageMapperFactory.class)
public class DirectoryRegistrationLdapMapperFactory extends AbstractLDAPStorageMapperFactory {

    public static final String PROVIDER_ID = "portal-access-selfreg-directory";

    @Override
    protected AbstractLDAPStorageMapper createMapper(ComponentModel mapperModel, LDAPStorageProvider federationProvider) {
        return new DirectoryRegistrationLdapMapper(mapperModel, federationProvider);
    }

    @Override
    public String getHelpText() {
        return "Directory (AD) registration: a directory user's first import (sign-in or sync) registers them only when the "
                + "realm's self-registration policy allows directory registration (ANYONE mode), and grants the default services "
                + "once. Refused users are not imported: a sign-in shows the reason, searches and syncs skip them.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
