package dev.portalaccess.keycloak.organization;

import java.util.Optional;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderFactory;

/**
 * Marks the authenticator factory of the first-broker-login step that activates a pending organization invitation just
 * in time (the domain restriction's SAML JIT step). A module that builds a first broker login flow (the customer-made
 * SAML providers of tenant access) finds the step through this marker, so it neither spells another module's provider
 * id nor depends on that module: without the domain-restriction JAR there is no such step and none is added.
 */
public interface InvitationActivationStep {

    /** The provider id of the deployed step, if a module deploys one. */
    static Optional<String> providerId(KeycloakSessionFactory factory) {
        return factory.getProviderFactoriesStream(Authenticator.class)
                .filter(InvitationActivationStep.class::isInstance)
                .map(ProviderFactory::getId)
                .sorted()
                .findFirst();
    }
}
