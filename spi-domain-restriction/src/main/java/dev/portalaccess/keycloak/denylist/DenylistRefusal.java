package dev.portalaccess.keycloak.denylist;

import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** What every refusal has in common: the message key shown to the person and the user event sent. */
final class DenylistRefusal {

    /** Message key (theme-resources/messages): says the address cannot be used, never which entry matched. */
    static final String MESSAGE = "portalaccessEmailDenylisted";

    /** Error of the user event. */
    static final String ERROR = "email_denylisted";

    /** Event details. */
    static final String DETAIL_REASON = "reason";
    static final String DETAIL_ENTRY = "denylist_entry";
    static final String DETAIL_PATH = "denylist_path";

    private DenylistRefusal() {
    }

    /**
     * Sends the user event once per request and address (user-profile validation may run more than
     * once for the same submission).
     */
    static void emit(KeycloakSession session, EventType type, String path, UserModel user, String email, String entry,
                     String error) {
        String once = DenylistRefusal.class.getName() + "." + path + "." + error + "." + email;
        if (session.getAttribute(once) != null) {
            return;
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
        event.detail("email", email)
                .detail(DETAIL_REASON, error)
                .detail(DETAIL_PATH, path);
        if (entry != null) {
            event.detail(DETAIL_ENTRY, entry);
        }
        event.error(error);
    }
}
