package dev.portalaccess.keycloak.registration;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.authentication.FormAction;
import org.keycloak.authentication.FormActionFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** The "Self-registration policy" step of the registration form; its settings are the realm's policy. */
@AutoService(FormActionFactory.class)
public class SelfRegistrationFormActionFactory implements FormActionFactory {

    public static final String PROVIDER_ID = "portal-access-self-registration-form";

    private static final List<ProviderConfigProperty> PROPERTIES = SelfRegistrationPolicySettings.configProperties();

    private static final SelfRegistrationFormAction SINGLETON = new SelfRegistrationFormAction();
    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getDisplayType() {
        return "Self-registration policy";
    }

    @Override
    public String getReferenceCategory() {
        return "self-registration";
    }

    @Override
    public boolean isConfigurable() {
        return true;
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
        return "The realm's self-registration policy (who may register, by which methods, with which services). "
                + "Refuses registrants the policy does not allow and grants company membership and services. "
                + "Place it after the user-creation step.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public FormAction create(KeycloakSession session) {
        return SINGLETON;
    }

    @Override
    public void init(Config.Scope config) {
        // no server-level settings: the policy is per realm
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
