package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import dev.portalaccess.keycloak.rest.PortalAccessRealmApi;
import dev.portalaccess.keycloak.rest.PortalAccessRealmApiFactory;

/**
 * {@code /realms/{realm}/portal-access/self-registration/email}: the email intake ({@link EmailSelfRegistrationResource})
 * under the project's realm root; {@code /realms/{realm}/self-registration/email} answers the same for one release.
 */
@AutoService(PortalAccessRealmApiFactory.class)
public final class SelfRegistrationRealmApiFactory implements PortalAccessRealmApiFactory {

    public static final String PROVIDER_ID = "self-registration";

    @Override
    public PortalAccessRealmApi create(KeycloakSession session) {
        return s -> new EmailSelfRegistrationResource(s);
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
