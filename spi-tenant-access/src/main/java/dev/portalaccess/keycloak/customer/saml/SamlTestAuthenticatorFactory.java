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
 * {@value #PROVIDER_ID}: the first step of {@link CustomerSaml#FLOW}, put there by the self-service API when a customer
 * sets up its SAML identity provider ({@link SamlTestAuthenticator}). Does nothing for other providers.
 */
@AutoService(AuthenticatorFactory.class)
public final class SamlTestAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "portal-access-customer-saml-test";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new SamlTestAuthenticator();
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
        return "Portal Access: customer SAML test sign-in";
    }

    @Override
    public String getReferenceCategory() {
        return "organization";
    }

    @Override
    public String getHelpText() {
        return "First step of the first broker login flow of customer-made SAML providers: records a test sign-in "
                + "started from the team page (no account is made) and refuses other sign-ins until the customer turns "
                + "the provider on.";
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
