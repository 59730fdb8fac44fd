package dev.portalaccess.keycloak.registration;

import com.google.auto.service.AutoService;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.PostMigrationEvent;

/**
 * Global admin-event listener behind {@link RegistrationLinkSync}; nothing to enable per realm. It also applies
 * the policy where no admin event is sent: when a realm is created or imported (admin REST, {@code --import-realm},
 * {@code kc.sh import}) and, once, at server start for every realm (e.g. realms imported before this provider).
 */
@AutoService(EventListenerProviderFactory.class)
public final class RegistrationLinkSyncFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "portal-access-self-registration-link-sync";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RegistrationLinkSync(session);
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
        factory.register(event -> {
            if (event instanceof RealmModel.RealmPostCreateEvent created) {
                // fired at the end of the import, in its transaction, with the realm as the session's context realm
                RegistrationLinkSync.syncIfPolicy(created.getKeycloakSession(), created.getCreatedRealm());
            } else if (event instanceof PostMigrationEvent started) {
                RegistrationLinkSync.syncAllRealms(started.getFactory());
            }
        });
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
