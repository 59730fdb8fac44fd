package dev.portalaccess.keycloak.membership;

import java.util.List;

import com.google.auto.service.AutoService;
import dev.portalaccess.keycloak.organization.InvitationActivationStep;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.common.Profile;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.EnvironmentDependentProviderFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * {@value #PROVIDER_ID}: place it in the realm's (or the customer identity provider's) first broker login
 * flow, REQUIRED, after "User creation or linking" and before "First Broker Login - Conditional
 * Organization". Per-customer behaviour is the organization attribute
 * {@code portalaccess.jit.withoutInvitation} ({@link DomainRestrictionSettings#JIT_WITHOUT_INVITATION}); the authenticator itself has no configuration.
 */
@AutoService(AuthenticatorFactory.class)
public final class InvitationJitAuthenticatorFactory implements AuthenticatorFactory, EnvironmentDependentProviderFactory,
        InvitationActivationStep {

    public static final String PROVIDER_ID = "portal-access-invitation-jit";

    @Override
    public Authenticator create(KeycloakSession session) {
        return new InvitationJitAuthenticator();
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
        return "Portal Access: activate invitation just in time";
    }

    @Override
    public String getReferenceCategory() {
        return "organization";
    }

    @Override
    public String getHelpText() {
        return "On a first sign-in through a customer's identity provider, activates the account as a member when its "
                + "email has a pending invitation of that customer; otherwise refuses or joins per the organization "
                + "attribute portalaccess.jit.withoutInvitation (refuse|join). Place after 'User creation or linking'.";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        // a fresh array each time: no shared mutable static state
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

    @Override
    public boolean isSupported(Config.Scope config) {
        return Profile.isFeatureEnabled(Profile.Feature.ORGANIZATION);
    }
}
