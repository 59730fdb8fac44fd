package dev.portalaccess.keycloak.registration;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;

/** Serves {@link EmailSelfRegistrationResource} under {@code /realms/{realm}/self-registration}. */
final class SelfRegistrationResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;

    SelfRegistrationResourceProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public Object getResource() {
        return new EmailSelfRegistrationResource(session);
    }

    @Override
    public void close() {
        // nothing held
    }
}
