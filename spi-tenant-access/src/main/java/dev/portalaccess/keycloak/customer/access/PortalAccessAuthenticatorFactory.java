package dev.portalaccess.keycloak.customer.access;

import java.util.List;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers {@link PortalAccessAuthenticator} ("Customer portal access") for authentication flows. */
@AutoService(AuthenticatorFactory.class)
public class PortalAccessAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "portal-access-customer-portal-access";

    private static final AuthenticationExecutionModel.Requirement[] REQUIREMENTS = {
            AuthenticationExecutionModel.Requirement.REQUIRED,
            AuthenticationExecutionModel.Requirement.DISABLED
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Customer portal access";
    }

    @Override
    public String getReferenceCategory() {
        return "portal-access";
    }

    @Override
    public String getHelpText() {
        return "Refuses sign-in to portal clients (client attribute portalaccess.portal=true, or the client 'portal') "
                + "for members of a customer whose organization attribute portalaccess.portalAccess.enabled is false. "
                + "Place it after the user is identified.";
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
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PortalAccessAuthenticator();
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
}
