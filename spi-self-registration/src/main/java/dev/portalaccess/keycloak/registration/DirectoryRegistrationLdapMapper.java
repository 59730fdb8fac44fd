package dev.portalaccess.keycloak.registration;

import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;

/**
 * Directory registration: when a directory user is imported (their first sign-in, or a sync), the policy
 * decides. Allowed: the realm's default services are granted, once, on the import that creates the local
 * user. Refused: the import is rolled back and the sign-in shows the reason.
 */
final class DirectoryRegistrationLdapMapper extends AbstractLDAPStorageMapper {

    private static final Logger LOG = Logger.getLogger(DirectoryRegistrationLdapMapper.class);

    DirectoryRegistrationLdapMapper(ComponentModel mapperModel, LDAPStorageProvider ldapProvider) {
        super(mapperModel, ldapProvider);
    }

    @Override
    public void onImportUserFromLDAP(LDAPObject ldapUser, UserModel user, RealmModel realm, boolean isCreate) {
        if (!isCreate) {
            return;
        }
        KeycloakSession session = getSession();
        RegistrationDecision decision = SelfRegistrationEvaluator.decide(session, realm, user.getEmail(), RegistrationMethod.DIRECTORY);
        if (!decision.allowed()) {
            LOG.infof("Realm %s: directory registration of %s refused (%s)", realm.getName(), user.getUsername(), decision.error());
            // nothing of this import may stay: the next sign-in must be judged again
            session.getTransactionManager().setRollbackOnly();
            throw new AuthenticationFlowException(AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR, decision.error(),
                    decision.messageKey());
        }
        List<String> granted = ServiceGrants.apply(session, realm, user, decision);
        LOG.debugf("Realm %s: directory user %s registered with services %s", realm.getName(), user.getUsername(), granted);
    }

    @Override
    public void onRegisterUserToLDAP(LDAPObject ldapUser, UserModel localUser, RealmModel realm) {
        // users created in Keycloak and written to the directory are not self-registrations
    }

    @Override
    public UserModel proxy(LDAPObject ldapUser, UserModel delegate, RealmModel realm) {
        return delegate;
    }

    @Override
    public void beforeLDAPQuery(LDAPQuery query) {
        // reads no directory attribute
    }
}
