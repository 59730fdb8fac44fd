package dev.portalaccess.keycloak.registration;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/** Text of a message key from the realm's login theme (which includes our theme-resources), English unless told. */
final class Localized {

    private static final Logger LOG = Logger.getLogger(Localized.class);

    private Localized() {
    }

    static String message(KeycloakSession session, RealmModel realm, String key, Object... params) {
        return message(session, realm, Locale.ENGLISH, key, params);
    }

    /** The text in {@code locale} (the login theme falls back to English for keys it lacks). */
    static String message(KeycloakSession session, RealmModel realm, Locale locale, String key, Object... params) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme.getEnhancedMessages(realm, locale == null ? Locale.ENGLISH : locale);
            String pattern = messages.getProperty(key);
            if (pattern == null) {
                return key;
            }
            return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, locale == null ? Locale.ENGLISH : locale).format(params);
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "No text for message key %s", key);
            return key;
        }
    }
}
