package dev.portalaccess.keycloak.profile;

import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.userprofile.UserProfileContext;

import dev.portalaccess.keycloak.problem.RefusalEvents;

/** The user event of a refused email choice, once per request, address and error. */
public final class EmailChoiceEvents {

    private static final Logger LOG = Logger.getLogger(EmailChoiceEvents.class);

    /** Event detail: where the refusal happened, {@code user-profile:<CONTEXT>} or {@code first-broker-login}. */
    public static final String DETAIL_PATH = "email_path";
    /** Event detail: the rule engine's reason code for an address it cannot parse. */
    public static final String DETAIL_INVALID_REASON = "email_invalid_reason";

    private EmailChoiceEvents() {
    }

    /** The user-event type of a refusal in this profile context; null for admin contexts (they get a 400, not a user event). */
    public static EventType eventType(UserProfileContext context) {
        return switch (context) {
            case REGISTRATION -> EventType.REGISTER_ERROR;
            case IDP_REVIEW -> EventType.IDENTITY_PROVIDER_FIRST_LOGIN_ERROR;
            case UPDATE_PROFILE -> EventType.UPDATE_PROFILE_ERROR;
            case ACCOUNT, UPDATE_EMAIL -> EventType.UPDATE_EMAIL_ERROR;
            default -> null;
        };
    }

    /**
     * Sends the user event of a refusal in a user-profile context (the profile may be validated several times
     * per request; one event is sent). Admin contexts are logged instead.
     */
    static void profileRefusal(KeycloakSession session, UserProfileContext context, UserModel user, String email,
                               String error, Map<String, String> details) {
        EventType type = eventType(context);
        if (type == null) {
            LOG.infof("Refused email %s in %s (%s) for user %s: %s %s", visible(email), context, realmName(session),
                    user == null ? "(new)" : user.getUsername(), error, details);
            return;
        }
        RefusalEvents.once(session, EmailChoiceEvents.class.getSimpleName() + "." + context + "." + error + "." + email,
                type, user).ifPresent(event -> {
                    event.detail(Details.EMAIL, email).detail(Details.REASON, error)
                            .detail(DETAIL_PATH, "user-profile:" + context.name());
                    details.forEach(event::detail);
                    event.error(error);
                });
    }

    /** The address with every non-ASCII character written as {@code \\uXXXX}, so invisible ones show in a log. */
    static String visible(String email) {
        StringBuilder out = new StringBuilder(email.length());
        email.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp < 0x7F) {
                out.append((char) cp);
            } else {
                out.append(String.format("\\u%04X", cp));
            }
        });
        return out.toString();
    }

    private static String realmName(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        return realm == null ? "?" : realm.getName();
    }
}
