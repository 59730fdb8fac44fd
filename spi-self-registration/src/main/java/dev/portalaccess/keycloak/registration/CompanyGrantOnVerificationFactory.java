package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Global event listener behind {@link CompanyGrantOnVerification}; nothing to enable per realm. */
@AutoService(EventListenerProviderFactory.class)
public final class CompanyGrantOnVerificationFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "portal-access-self-registration-verified-grant";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new CompanyGrantOnVerification(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
        // per-realm policy only
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
