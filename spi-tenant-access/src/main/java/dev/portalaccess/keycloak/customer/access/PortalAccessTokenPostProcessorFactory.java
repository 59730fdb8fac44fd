package dev.portalaccess.keycloak.customer.access;

import com.google.auto.service.AutoService;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.token.TokenPostProcessor;
import org.keycloak.protocol.oidc.token.TokenPostProcessorFactory;

/** Registers {@link PortalAccessTokenPostProcessor}; it applies to every realm, no configuration. */
@AutoService(TokenPostProcessorFactory.class)
public final class PortalAccessTokenPostProcessorFactory implements TokenPostProcessorFactory {

    public static final String PROVIDER_ID = "portal-access-customer-portal-access";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public TokenPostProcessor create(KeycloakSession session) {
        return new PortalAccessTokenPostProcessor(session);
    }
}
