package dev.portalaccess.keycloak.customer.saml;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.broker.util.PostBrokerLoginConstants;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The step of {@link CustomerSaml#POST_FLOW}: after every sign-in through a customer-made provider, also of users
 * already linked to it (the first broker login flow, with {@link SamlTestAuthenticator}, runs on a user's first
 * sign-in only), it keeps everyone out while the provider is not turned on. Providers that are not customer-made
 * are left alone.
 */
final class SamlStateCheckAuthenticator implements Authenticator {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SerializedBrokeredIdentityContext brokered = SerializedBrokeredIdentityContext.readFromAuthenticationSession(
                context.getAuthenticationSession(), PostBrokerLoginConstants.PBL_BROKERED_IDENTITY_CONTEXT);
        if (brokered == null) {
            context.success();
            return;
        }
        KeycloakSession session = context.getSession();
        String alias = brokered.getIdentityProviderId();
        // read again: the provider may have been turned back to testing since this login started
        IdentityProviderModel provider = alias == null ? null : session.identityProviders().getByAlias(alias);
        String organizationId = provider == null ? null : provider.getConfig().get(CustomerSaml.ORGANIZATION);
        if (organizationId == null || CustomerSaml.ON.equals(provider.getConfig().get(CustomerSaml.STATE))) {
            context.success();
            return;
        }
        OrganizationModel customer = session.getProvider(OrganizationProvider.class).getById(organizationId);
        UserModel user = context.getUser();
        String identity = user != null && user.getEmail() != null ? user.getEmail() : brokered.getEmail();
        SamlTestAuthenticator.refuse(context, alias, identity, "customer_saml_not_on", SamlTestAuthenticator.MSG_NOT_ON,
                customer == null ? alias : customer.getName());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
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

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // none
    }

    @Override
    public void close() {
        // nothing held
    }
}
