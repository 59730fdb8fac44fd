package dev.portalaccess.keycloak.customer.access;

import java.util.Optional;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Details;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.idm.OAuth2ErrorRepresentation;

/**
 * Refuses a portal sign-in to a member of a customer whose portal access is off, with a localized
 * message on the login page. Placed after the user is known (browser flow after the identification
 * sub-flow, post-broker-login flow, direct grant flow).
 */
final class PortalAccessAuthenticator implements Authenticator {

    private static final Logger LOG = Logger.getLogger(PortalAccessAuthenticator.class);

    static final String MESSAGE = "portalAccessCustomerDisabledMessage";
    static final String ERROR = "customer_portal_access_disabled";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        Optional<OrganizationModel> blocking = PortalAccessCheck.blockingCustomer(context.getSession(), context.getRealm(),
                context.getAuthenticationSession().getClient(), user);
        if (blocking.isEmpty()) {
            context.success();
            return;
        }
        OrganizationModel customer = blocking.get();
        LOG.debugf("Portal sign-in of %s refused: portal access of customer %s is off", user.getUsername(), customer.getAlias());
        // our own error event: a flow failure would be logged as invalid_user_credentials and feed brute-force detection
        context.getEvent().clone().user(user).detail("customer", customer.getAlias()).detail(Details.REASON, ERROR).error(ERROR);
        // a challenge keeps the flow at this step: every retry (or refresh of the page) is checked again
        context.challenge(refusal(context, customer));
    }

    private static Response refusal(AuthenticationFlowContext context, OrganizationModel customer) {
        if (isDirectGrant(context)) {
            // the direct grant flow answers the token endpoint: an OAuth error, not a page
            return Response.status(Response.Status.BAD_REQUEST)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new OAuth2ErrorRepresentation(OAuthErrorException.INVALID_GRANT,
                            "Portal access is turned off for customer " + customer.getAlias()))
                    .build();
        }
        return context.form()
                .setError(MESSAGE, customer.getName())
                .createErrorPage(Response.Status.FORBIDDEN);
    }

    private static boolean isDirectGrant(AuthenticationFlowContext context) {
        String directGrantFlow = context.getRealm().getDirectGrantFlow() == null ? null : context.getRealm().getDirectGrantFlow().getId();
        String clientOverride = context.getAuthenticationSession().getClient().getAuthenticationFlowBindingOverride("direct_grant");
        String top = context.getTopLevelFlow() == null ? null : context.getTopLevelFlow().getId();
        return top != null && (top.equals(directGrantFlow) || top.equals(clientOverride));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        authenticate(context);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
