package dev.portalaccess.keycloak.registration;

import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * First-broker-login step, placed before the user is created: refuses sign-up through an identity provider
 * when the policy does not allow this registrant. Linking to an account that already exists (same email or
 * username) is not a registration and passes.
 */
final class IdpSelfRegistrationCheckAuthenticator extends AbstractIdpAuthenticator {

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String email = brokerContext.getEmail();
        if (existingAccount(session, realm, email, brokerContext.getModelUsername())) {
            context.success();
            return;
        }
        RegistrationDecision decision = SelfRegistrationEvaluator.decide(session, realm, email, RegistrationMethod.IDENTITY_PROVIDER);
        if (decision.allowed()) {
            context.success();
            return;
        }
        context.getEvent()
                .detail(SelfRegistrationFormAction.DETAIL_METHOD, RegistrationMethod.IDENTITY_PROVIDER.key())
                .detail("email", email);
        sendFailureChallenge(context, Response.Status.FORBIDDEN, decision.error(), decision.messageKey(),
                AuthenticationFlowError.ACCESS_DENIED);
    }

    private static boolean existingAccount(KeycloakSession session, RealmModel realm, String email, String username) {
        if (email != null && !realm.isDuplicateEmailsAllowed() && session.users().getUserByEmail(realm, email) != null) {
            return true;
        }
        return username != null && session.users().getUserByUsername(realm, username) != null;
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        // this step never shows a form of its own
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
