package dev.portalaccess.keycloak.problem;

import java.util.Optional;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The user event of a refusal, sent once per request and cause (user-profile validation may run more than once). */
public final class RefusalEvents {

    private RefusalEvents() {
    }

    /**
     * An event of {@code type} for the session's realm and client (and {@code user}, when there is one), or empty when
     * this request already sent one for {@code key}; the caller adds its details and ends it with {@code error(...)}.
     */
    public static Optional<EventBuilder> once(KeycloakSession session, String key, EventType type, UserModel user) {
        String once = RefusalEvents.class.getName() + "." + key;
        if (session.getAttribute(once) != null) {
            return Optional.empty();
        }
        session.setAttribute(once, Boolean.TRUE);
        RealmModel realm = session.getContext().getRealm();
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
        ClientModel client = session.getContext().getClient();
        if (client != null) {
            event.client(client);
        }
        if (user != null) {
            event.user(user);
        }
        return Optional.of(event);
    }
}
