package dev.portalaccess.keycloak.profile;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import jakarta.ws.rs.core.Response;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;

/**
 * The address an identity provider sent, in the first broker login: the rule engine parses it before any
 * user exists. An address it cannot parse (several {@code @}, an invisible character, ...) ends the sign-in
 * with a localized error page and a user event; a valid one is put into its normalised form in the brokered
 * identity, so the duplicate check and the user created both see the address's one spelling.
 */
public final class BrokerEmail {

    /** Event detail value of {@link EmailChoiceEvents#DETAIL_PATH} for this step. */
    public static final String PATH = "first-broker-login";

    private BrokerEmail() {
    }

    /**
     * Checks and normalises the brokered email.
     *
     * @return true when the flow may go on; false when a refusal page has been sent
     */
    public static boolean checkAndNormalize(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                            BrokeredIdentityContext brokerContext) {
        String email = brokerContext.getEmail();
        if (email == null || email.isBlank()) {
            return true;
        }
        EmailAddress address;
        try {
            address = EmailAddress.parse(email);
        } catch (InvalidEmailException e) {
            refuse(context, brokerContext, email, e.reason());
            return false;
        }
        if (!address.normalized().equals(email)) {
            brokerContext.setEmail(address.normalized());
            serializedCtx.setEmail(address.normalized());
            serializedCtx.saveToAuthenticationSession(context.getAuthenticationSession(),
                    AbstractIdpAuthenticator.BROKERED_CONTEXT_NOTE);
        }
        return true;
    }

    private static void refuse(AuthenticationFlowContext context, BrokeredIdentityContext brokerContext, String email,
                               String reason) {
        context.getEvent()
                .event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN)
                .detail(Details.EMAIL, email)
                .detail(Details.IDENTITY_PROVIDER, brokerContext.getIdpConfig().getAlias())
                .detail(Details.IDENTITY_PROVIDER_USERNAME, brokerContext.getUsername())
                .detail(Details.REASON, Errors.INVALID_EMAIL)
                .detail(EmailChoiceEvents.DETAIL_INVALID_REASON, reason)
                .detail(EmailChoiceEvents.DETAIL_PATH, PATH)
                .error(Errors.INVALID_EMAIL);
        Response page = context.form().setError(PortalAccessEmailValidator.MSG_INVALID)
                .createErrorPage(Response.Status.BAD_REQUEST);
        context.failureChallenge(AuthenticationFlowError.INVALID_USER, page);
    }
}
