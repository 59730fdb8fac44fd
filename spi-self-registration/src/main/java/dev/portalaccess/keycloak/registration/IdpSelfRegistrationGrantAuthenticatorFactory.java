package dev.portalaccess.keycloak.registration;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** First-broker-login step: Self-registration company and services (identity provider). Its policy is the realm's (registration flow step settings). */
@AutoService(AuthenticatorFactory.class)
public final class IdpSelfRegistrationGrantAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "portalaccess-selfreg-idp-grant";

    private static final IdpSelfRegistrationGrantAuthenticator SINGLETON = new IdpSelfRegistrationGrantAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getDisplayType() {
        return "Self-registration company and services (identity provider)";
    }

    @Override
    public String getReferenceCategory() {
        return "self-registration";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public String getHelpText() {
        return "After 'Create User If Unique': a user this login created joins their company and gets the services of the self-registration policy.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
        // the policy is per realm
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // nothing to wire
    }

    @Override
    public void close() {
        // stateless
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
