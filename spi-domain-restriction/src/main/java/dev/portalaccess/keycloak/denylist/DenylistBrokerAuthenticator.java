package dev.portalaccess.keycloak.denylist;

import dev.portalaccess.keycloak.profile.BrokerEmail;
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
 * First-broker-login step: refuses a new account whose email (as the identity provider sent it, or as
 * the person entered it on the review page) is on the denylist. It covers the path where no profile
 * form is shown (review profile off, or nothing missing), where user-profile validators do not run.
 * Linking to an account that already has this email is not a new choice of email and passes. An address the
 * rule engine cannot parse is refused as not a valid email address ({@link BrokerEmail}), never let through.
 */
final class DenylistBrokerAuthenticator extends AbstractIdpAuthenticator {

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        // an address the engine cannot parse is refused here, before any user exists (same decision as everywhere)
        if (!BrokerEmail.checkAndNormalize(context, serializedCtx, brokerContext)) {
            return;
        }
        String email = brokerContext.getEmail();
        if (email == null || email.isBlank()) {
            context.success();
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        UserModel existing = session.users().getUserByEmail(realm, email);
        DenylistVerdict verdict = existing != null ? null : DenylistVerdict.of(session, realm, email);
        if (verdict == null || !verdict.refused()) {
            context.success();
            return;
        }
        context.getEvent()
                .detail("email", email)
                .detail("identity_provider", brokerContext.getIdpConfig().getAlias())
                .detail(DenylistRefusal.DETAIL_REASON, DenylistRefusal.ERROR)
                .detail(DenylistRefusal.DETAIL_PATH, BrokerEmail.PATH)
                .detail(DenylistRefusal.DETAIL_ENTRY, verdict.entry())
                .error(DenylistRefusal.ERROR);
        Response page = context.form().setError(DenylistRefusal.MESSAGE).createErrorPage(Response.Status.FORBIDDEN);
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        authenticateImpl(context, serializedCtx, brokerContext);
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
