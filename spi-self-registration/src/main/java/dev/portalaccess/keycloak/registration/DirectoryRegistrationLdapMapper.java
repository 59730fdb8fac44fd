package dev.portalaccess.keycloak.registration;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.AuthenticationFlowException;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.storage.ldap.LDAPStorageProvider;
import org.keycloak.storage.ldap.idm.model.LDAPObject;
import org.keycloak.storage.ldap.idm.query.internal.LDAPQuery;
import org.keycloak.storage.ldap.mappers.AbstractLDAPStorageMapper;

/**
 * Directory registration: when a directory user is imported (their first sign-in, or a sync), the policy
 * decides. Allowed: the realm's default services are granted, once, on the import that creates the local
 * user. Refused: nothing of the import stays; a sign-in is answered with the reason (the login page shows
 * it, a password grant answers {@code 400 invalid_grant} with it), while a search or a sync that merely came
 * across the user skips them, logged once at INFO.
 */
final class DirectoryRegistrationLdapMapper extends AbstractLDAPStorageMapper {

    private static final Logger LOG = Logger.getLogger(DirectoryRegistrationLdapMapper.class);

    /** Session attribute prefix: a refusal is logged once per request or job, however often Keycloak looks the user up. */
    private static final String LOGGED_PREFIX = "portalaccess.directoryRefusalLogged.";

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
        if (decision.allowed()) {
            List<String> granted = ServiceGrants.apply(session, realm, user, decision);
            LOG.debugf("Realm %s: directory user %s registered with services %s", realm.getName(), user.getUsername(), granted);
            return;
        }
        refuse(session, realm, user.getUsername(), decision);
    }

    private static void refuse(KeycloakSession session, RealmModel realm, String username, RegistrationDecision decision) {
        DirectoryImportContext context = DirectoryImportContext.of(session);
        String logged = LOGGED_PREFIX + realm.getId() + "." + username;
        if (session.getAttribute(logged) == null) {
            session.setAttribute(logged, Boolean.TRUE);
            LOG.infof("Realm %s: directory user %s not registered, the self-registration policy refuses it (%s; %s)",
                    realm.getName(), username, decision.error(), context.name().toLowerCase(Locale.ROOT));
        }
        switch (context) {
            case BROWSER_LOGIN:
                // nothing of this import may stay: the next sign-in must be judged again
                session.getTransactionManager().setRollbackOnly();
                throw new AuthenticationFlowException(AuthenticationFlowError.GENERIC_AUTHENTICATION_ERROR, decision.error(),
                        decision.messageKey());
            case TOKEN_ENDPOINT:
                session.getTransactionManager().setRollbackOnly();
                throw new ErrorResponseException(OAuthErrorException.INVALID_GRANT,
                        Localized.message(session, realm, session.getContext().resolveLocale(null), decision.messageKey()),
                        Response.Status.BAD_REQUEST);
            case BACKGROUND_JOB:
                // a sync imports each user in a transaction of its own: rolling it back drops exactly this import
                session.getTransactionManager().setRollbackOnly();
                return;
            case OTHER_REQUEST:
            default:
                // Keycloak 26.7 gives a mapper no veto over an import: this exception is the one it turns into
                // "skip this user" for a search (it drops the half-made local copy and logs one WARN line
                // naming the reason); a lookup by name sees a conflict instead of a new user
                throw new RefusedDirectoryImport(realm.getName(), username, decision.error());
        }
    }

    /** A refusal seen by Keycloak's LDAP provider as a user it must not import; without a stack trace (it is no fault). */
    static final class RefusedDirectoryImport extends ModelDuplicateException {

        private static final long serialVersionUID = 1L;

        RefusedDirectoryImport(String realm, String username, String reason) {
            super("Realm " + realm + ": directory user " + username + " skipped, the self-registration policy refuses directory "
                    + "registration (" + reason + ")");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
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
