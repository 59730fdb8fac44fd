package dev.portalaccess.keycloak.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Encode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;
import org.keycloak.theme.Theme;
import org.keycloak.urls.UrlType;

import dev.portalaccess.keycloak.rest.PortalAccessRealmApi;

/**
 * What the team page needs besides the console's configuration: the realm's display name, the self-service and
 * partner API bases, and the realm's login theme so the page looks like the portal's sign-in: the theme's own
 * stylesheets (its {@code styles}, resolved through its parents as Keycloak's login pages load them: PatternFly
 * variables such as the primary colour carry the brand) and its logo ({@code img/logo.svg} or {@code img/logo.png}
 * when the theme has one). Keycloak's built-in themes give the neutral PatternFly look.
 */
final class TeamTheme {

    private static final Logger LOG = Logger.getLogger(TeamTheme.class);

    /** {@code PartnerTeamApiFactory.PROVIDER_ID} of spi-tenant-access. */
    static final String PARTNER_SEGMENT = "partner";

    private static final List<String> LOGOS = List.of("img/logo.svg", "img/logo.png");

    private TeamTheme() {
    }

    static void addTo(KeycloakSession session, Map<String, Object> config) {
        RealmModel realm = session.getContext().getRealm();
        String realmBase = withoutTrailingSlash(session.getContext().getUri(UrlType.FRONTEND).getBaseUri().toString())
                + "/realms/" + Encode.encodePathAsIs(realm.getName());
        config.put("displayName", realm.getDisplayName() == null || realm.getDisplayName().isBlank()
                ? realm.getName() : realm.getDisplayName());
        config.put("selfServiceUrl", realmBase + "/customer-admin");
        // the partner API (spi-tenant-access, no shared code: its segment is spelled here); its "me" says whether
        // the realm is a partner realm and whether the signed-in user administers it
        if (session.getProvider(PortalAccessRealmApi.class, PARTNER_SEGMENT) != null) {
            config.put("partnerUrl", realmBase + "/portal-access/" + PARTNER_SEGMENT);
        }
        config.put("theme", theme(session));
    }

    private static Map<String, Object> theme(KeycloakSession session) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> stylesheets = new ArrayList<>();
        String logo = null;
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            if (theme != null) {
                // the page's own origin: the CSP allows style and image sources of 'self' only
                String root = withoutTrailingSlash(Urls.themeRoot(session.getContext().getUri().getBaseUri()).getRawPath())
                        + "/login/" + Encode.encodePathAsIs(theme.getName()) + "/";
                out.put("name", theme.getName());
                String styles = theme.getProperties().getProperty("styles", "");
                for (String style : styles.trim().split("\\s+")) {
                    if (!style.isEmpty() && !style.contains("..") && !style.startsWith("/") && !style.contains(":")) {
                        stylesheets.add(root + style);
                    }
                }
                for (String candidate : LOGOS) {
                    try (InputStream in = theme.getResourceAsStream(candidate)) {
                        if (in != null) {
                            logo = root + candidate;
                            break;
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "No login theme for the team page of realm %s: neutral look", session.getContext().getRealm().getName());
        }
        out.put("stylesheets", stylesheets);
        out.put("logoUrl", logo);
        return out;
    }

    private static String withoutTrailingSlash(String value) {
        return value.replaceFirst("/+$", "");
    }
}
