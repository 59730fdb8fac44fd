package dev.portalaccess.keycloak.denylist;

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
 * "Email denylist (first broker login)": put it in the first broker login flow after "Review Profile"
 * as REQUIRED to turn the check on for identity-provider sign-ups; DISABLED turns it off.
 */
@AutoService(AuthenticatorFactory.class)
public class DenylistBrokerAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "portal-access-denylist-broker";

    private static final Authenticator SINGLETON = new DenylistBrokerAuthenticator();

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};

    @Override
    public Authenticator create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public String getDisplayType() {
        return "Email denylist (first broker login)";
    }

    @Override
    public String getReferenceCategory() {
        return "denylist";
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
        return "Refuses sign-up through an identity provider when the email is on the realm's denylist (Portal Access). "
                + "Place after Review Profile in the first broker login flow.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
