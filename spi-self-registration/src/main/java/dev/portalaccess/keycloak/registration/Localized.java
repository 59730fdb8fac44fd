package dev.portalaccess.keycloak.registration;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.theme.Theme;

/** English text of a message key from the realm's login theme (which includes our theme-resources). */
final class Localized {

    private static final Logger LOG = Logger.getLogger(Localized.class);

    private Localized() {
    }

    static String message(KeycloakSession session, RealmModel realm, String key, Object... params) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme.getEnhancedMessages(realm, Locale.ENGLISH);
            String pattern = messages.getProperty(key);
            if (pattern == null) {
                return key;
            }
            return params == null || params.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(params);
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "No text for message key %s", key);
            return key;
        }
    }
}
