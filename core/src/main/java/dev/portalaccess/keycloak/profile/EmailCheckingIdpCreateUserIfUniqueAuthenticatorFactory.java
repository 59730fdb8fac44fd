package dev.portalaccess.keycloak.profile;

import com.google.auto.service.AutoService;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticator;
import org.keycloak.authentication.authenticators.broker.IdpCreateUserIfUniqueAuthenticatorFactory;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's "Create User If Unique" (id {@value IdpCreateUserIfUniqueAuthenticatorFactory#PROVIDER_ID}), with
 * the brokered email checked by the rule engine first ({@link BrokerEmail}).
 *
 * <p>This step creates the user of every identity-provider first login that is not a link to an existing
 * account, in Keycloak's built-in first broker login flow and in every copy of it, and it never runs the
 * user profile: with "Review Profile" off, an address with several {@code @} or an invisible character would
 * otherwise be stored as it came. Same provider id, higher {@link #order()}: Keycloak uses this factory for
 * every flow execution that names the id, in every realm, without any flow change.
 */
@AutoService(AuthenticatorFactory.class)
public final class EmailCheckingIdpCreateUserIfUniqueAuthenticatorFactory extends IdpCreateUserIfUniqueAuthenticatorFactory {

    /** Keycloak's own id, on purpose: see the class comment. */
    public static final String PROVIDER_ID = IdpCreateUserIfUniqueAuthenticatorFactory.PROVIDER_ID;

    /** Above Keycloak's factory of the same id (order 0). */
    public static final int ORDER = 100;

    private static final Authenticator SINGLETON = new EmailCheckingIdpCreateUserIfUniqueAuthenticator();

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public int order() {
        return ORDER;
    }

    @Override
    public String getHelpText() {
        return super.getHelpText() + " Portal Access: an email the rule engine cannot parse is refused first, a valid one "
                + "is normalised.";
    }

    /** Keycloak's step, after the email check. */
    static final class EmailCheckingIdpCreateUserIfUniqueAuthenticator extends IdpCreateUserIfUniqueAuthenticator {

        @Override
        protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                        BrokeredIdentityContext brokerContext) {
            if (context.getAuthenticationSession().getAuthNote(EXISTING_USER_INFO) == null
                    && !BrokerEmail.checkAndNormalize(context, serializedCtx, brokerContext)) {
                return;
            }
            super.authenticateImpl(context, serializedCtx, brokerContext);
        }
    }
}
