package dev.portalaccess.keycloak.registration;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * First-broker-login step, placed after "Create User If Unique": when this login created the user, grants the
 * services, once; a company's membership and services only for an address Keycloak took as verified, otherwise
 * after its verification ({@link CompanyGrants}). It re-checks the policy so a flow without the
 * check step still cannot create a refused user (the transaction is rolled back).
 */
final class IdpSelfRegistrationGrantAuthenticator implements Authenticator {

    static final String GRANTED_NOTE = "portalaccess.selfRegistration.granted";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        UserModel user = context.getUser();
        boolean newUser = Boolean.parseBoolean(authSession.getAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER));
        if (user == null || !newUser || authSession.getAuthNote(GRANTED_NOTE) != null) {
            context.success();
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        RegistrationDecision decision = SelfRegistrationEvaluator.decide(session, realm, user.getEmail(), RegistrationMethod.IDENTITY_PROVIDER);
        if (!decision.allowed()) {
            session.getTransactionManager().setRollbackOnly();
            context.getEvent().user(user).detail(SelfRegistrationFormAction.DETAIL_METHOD, RegistrationMethod.IDENTITY_PROVIDER.key())
                    .error(decision.error());
            Response challenge = context.form().setError(decision.messageKey()).createErrorPage(Response.Status.FORBIDDEN);
            context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, challenge);
            return;
        }
        // the provider's address counts as verified only where Keycloak trusts it (the provider's "Trust email",
        // or its verified-email claim), which is what Keycloak's user creation wrote to emailVerified
        CompanyGrants.Outcome outcome = CompanyGrants.grantOrDefer(session, realm, user, decision);
        authSession.setAuthNote(GRANTED_NOTE, "true");
        context.getEvent()
                .detail(SelfRegistrationFormAction.DETAIL_METHOD, RegistrationMethod.IDENTITY_PROVIDER.key())
                .detail("self_registration_services", String.join(",", outcome.granted()));
        if (outcome.pending()) {
            context.getEvent().detail(SelfRegistrationFormAction.DETAIL_PENDING, "true");
        }
        if (decision.company() != null) {
            context.getEvent().detail(SelfRegistrationFormAction.DETAIL_COMPANY, decision.company().getAlias());
        }
        context.success();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // no form
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // none
    }

    @Override
    public void close() {
        // stateless
    }
}
