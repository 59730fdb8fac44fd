package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** {@code /realms/{realm}/self-registration/email}: the email intake; deprecated alias of {@code /realms/{realm}/portal-access/self-registration/email} ({@link SelfRegistrationRealmApiFactory}), kept for one release. */
@AutoService(RealmResourceProviderFactory.class)
public final class SelfRegistrationResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "self-registration";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new SelfRegistrationResourceProvider(session);
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
