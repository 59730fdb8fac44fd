package dev.portalaccess.keycloak.customer.saml;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@value #PROVIDER_ID}: the step of {@link CustomerSaml#POST_FLOW}, the post broker login flow the self-service API
 * gives every customer-made SAML provider ({@link SamlStateCheckAuthenticator}). Does nothing for other providers.
 */
@AutoService(AuthenticatorFactory.class)
public final class SamlStateCheckAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "portal-access-customer-saml-state";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new SamlStateCheckAuthenticator();
    }

    @Override
    public void init(Config.Scope config) {
        // stateless
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // nothing held
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Portal Access: customer SAML turned on";
    }

    @Override
    public String getReferenceCategory() {
        return "organization";
    }

    @Override
    public String getHelpText() {
        return "Post broker login step of customer-made SAML providers: refuses every sign-in through the provider "
                + "(also of users already linked to it) while the customer has not turned it on.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
