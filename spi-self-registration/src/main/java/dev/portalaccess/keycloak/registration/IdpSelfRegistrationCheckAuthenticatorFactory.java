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

/** First-broker-login step: Self-registration policy check (identity provider). Its policy is the realm's (registration flow step settings). */
@AutoService(AuthenticatorFactory.class)
public final class IdpSelfRegistrationCheckAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "portalaccess-selfreg-idp-check";

    private static final IdpSelfRegistrationCheckAuthenticator SINGLETON = new IdpSelfRegistrationCheckAuthenticator();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getDisplayType() {
        return "Self-registration policy check (identity provider)";
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
        return "Before the user is created: refuses sign-up through an identity provider that the realm's self-registration policy does not allow. Place it before 'Create User If Unique'.";
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
