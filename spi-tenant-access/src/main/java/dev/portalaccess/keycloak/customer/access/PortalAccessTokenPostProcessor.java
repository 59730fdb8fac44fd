package dev.portalaccess.keycloak.customer.access;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.token.TokenInterceptorException;
import org.keycloak.protocol.oidc.token.TokenPostProcessor;
import org.keycloak.protocol.oidc.token.TokenPostProcessorContext;

/**
 * Enforces per-customer portal access wherever the token endpoint issues tokens: code exchange,
 * refresh (Keycloak does not re-run authenticators on refresh), password grant, client credentials of a
 * customer service account, token exchange. This is the point every token path passes; the authenticator
 * only adds the friendly page in the browser.
 */
final class PortalAccessTokenPostProcessor implements TokenPostProcessor {

    private static final Logger LOG = Logger.getLogger(PortalAccessTokenPostProcessor.class);

    private final KeycloakSession session;

    PortalAccessTokenPostProcessor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void process(TokenPostProcessorContext context) {
        if (context.clientSessionCtx() == null) {
            return;
        }
        AuthenticatedClientSessionModel clientSession = context.clientSessionCtx().getClientSession();
        if (clientSession == null || clientSession.getUserSession() == null) {
            return;
        }
        RealmModel realm = clientSession.getRealm();
        ClientModel client = clientSession.getClient();
        UserModel user = clientSession.getUserSession().getUser();
        String grantType = context.clientSessionCtx().getAttribute(Constants.GRANT_TYPE, String.class);

        Optional<String> refusal = PortalAccessCheck.serviceAccountRefusal(session, realm, client);
        if (refusal.isEmpty()) {
            refusal = PortalAccessCheck.blockingCustomer(session, realm, client, user)
                    .map(OrganizationModel::getAlias)
                    .map(alias -> "portal access is turned off for customer " + alias);
        }
        if (refusal.isEmpty()) {
            return;
        }
        LOG.debugf("Token for client %s, user %s refused (%s): %s", client.getClientId(),
                user == null ? null : user.getUsername(), grantType, refusal.get());
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                .event(errorEventType(grantType))
                .client(client)
                .session(clientSession.getUserSession())
                .detail(Details.GRANT_TYPE, grantType)
                .detail(Details.REASON, refusal.get());
        if (user != null) {
            event.user(user);
        }
        event.error(PortalAccessAuthenticator.ERROR);
        throw new TokenInterceptorException(OAuthErrorException.INVALID_GRANT, capitalized(refusal.get()));
    }

    private static EventType errorEventType(String grantType) {
        if (grantType == null) {
            return EventType.LOGIN_ERROR;
        }
        return switch (grantType) {
            case OAuth2Constants.REFRESH_TOKEN -> EventType.REFRESH_TOKEN_ERROR;
            case OAuth2Constants.AUTHORIZATION_CODE -> EventType.CODE_TO_TOKEN_ERROR;
            case OAuth2Constants.CLIENT_CREDENTIALS -> EventType.CLIENT_LOGIN_ERROR;
            case OAuth2Constants.TOKEN_EXCHANGE_GRANT_TYPE -> EventType.TOKEN_EXCHANGE_ERROR;
            default -> EventType.LOGIN_ERROR;
        };
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
