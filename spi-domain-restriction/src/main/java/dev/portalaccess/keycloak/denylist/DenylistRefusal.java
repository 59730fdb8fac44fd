package dev.portalaccess.keycloak.denylist;

import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;

import dev.portalaccess.keycloak.problem.RefusalEvents;

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
        RefusalEvents.once(session, DenylistRefusal.class.getSimpleName() + "." + path + "." + error + "." + email, type, user)
                .ifPresent(event -> {
                    event.detail("email", email).detail(DETAIL_REASON, error).detail(DETAIL_PATH, path);
                    if (entry != null) {
                        event.detail(DETAIL_ENTRY, entry);
                    }
                    event.error(error);
                });
    }
}
