package dev.portalaccess.keycloak.console;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.Response;
import org.keycloak.models.BrowserSecurityHeaders;
import org.keycloak.models.RealmModel;

/**
 * The security headers of the console's index page, like Keycloak's own admin console: the realm's browser
 * security headers (X-Frame-Options, X-Content-Type-Options, Referrer-Policy, X-Robots-Tag, HSTS as the realm
 * configures them), with a Content-Security-Policy of our own that allows no inline script, no foreign origin
 * and no framing by other sites. Static files and JSON keep the headers Keycloak adds to every response.
 */
final class ConsoleHeaders {

    private ConsoleHeaders() {
    }

    /**
     * The policy. {@code connectOrigins}: origins besides 'self' the app calls (Keycloak's frontend and admin URLs
     * when they differ from the one the page came from).
     */
    static String contentSecurityPolicy(Set<String> connectOrigins) {
        StringBuilder connect = new StringBuilder("'self'");
        for (String origin : new LinkedHashSet<>(connectOrigins)) {
            connect.append(' ').append(origin);
        }
        return "default-src 'self'; "
                + "script-src 'self'; "
                + "style-src 'self'; "
                + "img-src 'self' data:; "
                + "font-src 'self' data:; "
                + "connect-src " + connect + "; "
                + "frame-src 'self'; "
                + "frame-ancestors 'self'; "
                + "object-src 'none'; "
                + "base-uri 'self'; "
                + "form-action 'self'";
    }

    static void addTo(Response.ResponseBuilder response, RealmModel realm, Set<String> connectOrigins) {
        Map<String, String> configured = realm.getBrowserSecurityHeaders();
        for (BrowserSecurityHeaders header : BrowserSecurityHeaders.values()) {
            if (header == BrowserSecurityHeaders.CONTENT_SECURITY_POLICY
                    || header == BrowserSecurityHeaders.CONTENT_SECURITY_POLICY_REPORT_ONLY) {
                continue;
            }
            String value = configured.getOrDefault(header.getKey(), header.getDefaultValue());
            if (value != null && !value.isEmpty()) {
                response.header(header.getHeaderName(), value);
            }
        }
        response.header(BrowserSecurityHeaders.CONTENT_SECURITY_POLICY.getHeaderName(), contentSecurityPolicy(connectOrigins));
    }
}
