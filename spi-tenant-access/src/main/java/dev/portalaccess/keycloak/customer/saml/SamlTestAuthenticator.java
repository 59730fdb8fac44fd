package dev.portalaccess.keycloak.customer.saml;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.endpoints.AuthorizationEndpoint;
import org.keycloak.services.ErrorPage;

/**
 * First step of the first broker login flow of customer-made SAML providers ({@link CustomerSaml#FLOW}). A test
 * sign-in (the login carries the nonce an Administrator just started, {@link CustomerSaml#TEST_PARAMETER}) is recorded
 * on the provider and ends here with a page naming the identity the customer's IdP returned: no account is created or
 * linked. While the provider is still {@code testing}, every other first sign-in through it is refused, so users
 * cannot use it before the Administrator turns it on. Once it is on, the step lets the flow go on (account creation,
 * just-in-time activation of invitations). Providers that are not customer-made are left alone.
 */
final class SamlTestAuthenticator extends AbstractIdpAuthenticator {

    static final String MSG_TEST_SUCCEEDED = "portalAccessSamlTestSucceeded";
    static final String MSG_NOT_ON = "portalAccessSamlNotOn";
    static final String MSG_TEST_EXPIRED = "portalAccessSamlTestExpired";

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        String alias = brokerContext.getIdpConfig().getAlias();
        // read again: the nonce was written after this login's provider model was loaded
        IdentityProviderModel provider = session.identityProviders().getByAlias(alias);
        String organizationId = provider == null ? null : provider.getConfig().get(CustomerSaml.ORGANIZATION);
        if (organizationId == null) {
            context.success();
            return;
        }
        OrganizationModel customer = session.getProvider(OrganizationProvider.class).getById(organizationId);
        String customerName = customer == null ? alias : customer.getName();
        String identity = brokerContext.getEmail() != null ? brokerContext.getEmail() : brokerContext.getUsername();
        String nonce = context.getAuthenticationSession()
                .getClientNote(AuthorizationEndpoint.LOGIN_SESSION_NOTE_ADDITIONAL_REQ_PARAMS_PREFIX + CustomerSaml.TEST_PARAMETER);
        if (nonce != null) {
            test(context, provider, nonce, identity, customerName);
            return;
        }
        if (!CustomerSaml.ON.equals(provider.getConfig().get(CustomerSaml.STATE))) {
            refuse(context, alias, identity, "customer_saml_not_on", MSG_NOT_ON, customerName);
            return;
        }
        context.success();
    }

    private void test(AuthenticationFlowContext context, IdentityProviderModel provider, String nonce, String identity,
            String customerName) {
        Map<String, String> config = provider.getConfig();
        String expected = config.get(CustomerSaml.TEST_NONCE);
        long expires = parse(config.get(CustomerSaml.TEST_EXPIRES));
        boolean valid = expected != null && Time.currentTime() <= expires && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), CustomerSaml.hash(nonce).getBytes(StandardCharsets.UTF_8));
        if (!valid) {
            refuse(context, provider.getAlias(), identity, "customer_saml_test_expired", MSG_TEST_EXPIRED, customerName);
            return;
        }
        IdentityProviderModel updated = new IdentityProviderModel(provider);
        Map<String, String> changed = new HashMap<>(config);
        changed.remove(CustomerSaml.TEST_NONCE);
        changed.remove(CustomerSaml.TEST_EXPIRES);
        changed.put(CustomerSaml.TESTED, "true");
        changed.put(CustomerSaml.TESTED_AS, identity == null ? "" : identity);
        changed.put(CustomerSaml.TESTED_AT, String.valueOf(Time.currentTime()));
        updated.setConfig(changed);
        context.getSession().identityProviders().update(updated);
        context.getEvent().clone().event(EventType.IDENTITY_PROVIDER_FIRST_LOGIN)
                .detail(Details.IDENTITY_PROVIDER, provider.getAlias())
                .detail(Details.EMAIL, identity)
                .detail("customer_saml_test", "success")
                .success();
        Response page = context.form().setInfo(MSG_TEST_SUCCEEDED, identity, customerName).createInfoPage();
        context.forceChallenge(page);
    }

    static void refuse(AuthenticationFlowContext context, String alias, String identity, String eventError,
            String message, String customerName) {
        context.getEvent().detail(Details.IDENTITY_PROVIDER, alias).detail(Details.EMAIL, identity).error(eventError);
        Response page = ErrorPage.error(context.getSession(), context.getAuthenticationSession(),
                Response.Status.FORBIDDEN, message, customerName);
        context.failure(AuthenticationFlowError.ACCESS_DENIED, page);
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
            BrokeredIdentityContext brokerContext) {
        // no form of its own
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
