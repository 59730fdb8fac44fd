package dev.portalaccess.keycloak.denylist;

import java.util.Optional;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;
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
 * Linking to an account that already has this email is not a new choice of email and passes.
 */
final class DenylistBrokerAuthenticator extends AbstractIdpAuthenticator {

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        String email = serializedCtx.getEmail();
        if (email == null || email.isBlank()) {
            context.success();
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (InvalidEmailException e) {
            context.success();
            return;
        }
        UserModel existing = session.users().getUserByEmail(realm, email);
        Optional<String> match = existing != null ? Optional.empty()
                : session.getProvider(DenylistProvider.class).findMatch(realm, address);
        if (match.isEmpty()) {
            context.success();
            return;
        }
        context.getEvent()
                .detail("email", address.normalized())
                .detail("identity_provider", brokerContext.getIdpConfig().getAlias())
                .detail(DenylistRefusal.DETAIL_REASON, DenylistRefusal.ERROR)
                .detail(DenylistRefusal.DETAIL_PATH, "first-broker-login")
                .detail(DenylistRefusal.DETAIL_ENTRY, match.get())
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
