package dev.portalaccess.keycloak.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.Config;
import org.keycloak.common.util.Encode;
import org.keycloak.headers.SecurityHeadersProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.urls.UrlType;

/**
 * {@code /realms/{realm}/portal-access/console}: serves the console of that realm (a sub-resource of the realm root).
 * <ul>
 *   <li>{@code console} answers 302 to {@code console/} (relative links resolve against the trailing slash);</li>
 *   <li>{@code console/config.json}: what the app needs to sign in (no inline script carries it);</li>
 *   <li>{@code console/<file>} (a last segment with an extension): the file of the build, hashed files under
 *       {@code assets/} with a one-year immutable cache, or 404;</li>
 *   <li>every other path below {@code console/} is a route of the app: the index page (client-side routing,
 *       so deep links work), never cached, with the console's security headers.</li>
 * </ul>
 */
public final class ConsoleResource {

    static final String CONSOLE_PATH = "console";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ConsoleApp app;

    ConsoleResource(KeycloakSession session, ConsoleApp app) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.app = app;
    }

    /**
     * {@code console} and {@code console/}: the router matches both here, only the request URI tells them apart;
     * the bare one is sent to {@code console/} so that the app's relative links resolve.
     */
    @GET
    public Response root() {
        if (!session.getContext().getUri().getRequestUri().getRawPath().endsWith("/")) {
            return Response.status(Response.Status.FOUND).location(requestBase().path(CONSOLE_PATH).path("/").build()).build();
        }
        return index();
    }

    @GET
    @Path("{rest: .+}")
    public Response console(@PathParam("rest") String rest) {
        String path = rest;
        if (path.equals("config.json")) {
            return config();
        }
        if (!ConsoleApp.isAppRoute(path)) {
            return app.file(path)
                    .map(file -> Response.ok(file.content(), file.contentType())
                            .header("Cache-Control", file.immutable() ? "public, max-age=31536000, immutable" : "no-cache")
                            .build())
                    .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN_TYPE)
                            .entity("Not found").build());
        }
        return index();
    }

    private Response index() {
        // our own complete set of security headers instead of the realm's generic ones (see ConsoleHeaders)
        session.getProvider(SecurityHeadersProvider.class).options().skipHeaders();
        Response.ResponseBuilder response = Response.ok(app.indexHtml(consolePath()), "text/html; charset=utf-8")
                .header("Cache-Control", "no-store");
        ConsoleHeaders.addTo(response, realm, otherOrigins());
        return response.build();
    }

    private Response config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("realm", realm.getName());
        config.put("masterRealm", Config.getAdminRealm());
        config.put("authServerUrl", withoutTrailingSlash(frontendBase()));
        config.put("adminBaseUrl", withoutTrailingSlash(session.getContext().getUri(UrlType.ADMIN).getBaseUri()));
        config.put("clientId", ConsoleClient.CLIENT_ID);
        config.put("consoleBaseUrl", consolePath());
        config.put("locale", session.getContext().resolveLocale(null).toLanguageTag());
        return Response.ok(config, MediaType.APPLICATION_JSON_TYPE).header("Cache-Control", "no-store").build();
    }

    /** The console's absolute path on the host the page was requested from, ending in '/'. */
    private String consolePath() {
        String base = session.getContext().getUri().getBaseUri().getRawPath();
        return (base.endsWith("/") ? base : base + "/") + "realms/" + Encode.encodePathAsIs(realm.getName())
                + "/portal-access/" + CONSOLE_PATH + "/";
    }

    private UriBuilder requestBase() {
        return UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms").path(Encode.encodePathAsIs(realm.getName())).path("portal-access");
    }

    private URI frontendBase() {
        return session.getContext().getUri(UrlType.FRONTEND).getBaseUri();
    }

    /** Keycloak's frontend and admin origins when they are not the origin this page is served from. */
    private Set<String> otherOrigins() {
        String self = origin(session.getContext().getUri().getBaseUri());
        Set<String> origins = new LinkedHashSet<>();
        for (URI uri : new URI[] {frontendBase(), session.getContext().getUri(UrlType.ADMIN).getBaseUri()}) {
            String origin = origin(uri);
            if (!origin.equals(self)) {
                origins.add(origin);
            }
        }
        return origins;
    }

    static String origin(URI uri) {
        int port = uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + (port < 0 ? "" : ":" + port);
    }

    private static String withoutTrailingSlash(URI uri) {
        return uri.toString().replaceFirst("/+$", "");
    }
}
