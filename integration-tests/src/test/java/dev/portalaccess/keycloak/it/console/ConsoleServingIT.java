package dev.portalaccess.keycloak.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * How Keycloak serves the console (plain HTTP, no browser): the index page for every app route with the console's
 * security headers, hashed files with a long cache, 404 for anything else, the configuration as JSON.
 */
@KeycloakIntegrationTest
class ConsoleServingIT {

    private static final String REALM = "customer-portal";

    private static String console(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + REALM + "/portal-access/console/";
    }

    @Test
    void indexPageCarriesTheConsoleSecurityHeadersAndNoInlineScript(KeycloakServer server) {
        Rest.Response index = Rest.anonymous(server).get(console(server)).expect(200);
        assertTrue(index.header("Content-Type").startsWith("text/html"), index.header("Content-Type"));
        assertEquals("no-store", index.header("Cache-Control"));

        Map<String, String> csp = directives(index.header("Content-Security-Policy"));
        assertEquals("'self'", csp.get("script-src"), "scripts only from Keycloak: " + csp);
        assertEquals("'self'", csp.get("frame-ancestors"), "framed only by itself: " + csp);
        assertEquals("'self'", csp.get("default-src"), csp.toString());
        assertEquals("'none'", csp.get("object-src"), csp.toString());
        assertEquals("'self'", csp.get("base-uri"), csp.toString());
        assertFalse(index.header("Content-Security-Policy").contains("unsafe-inline"), "no inline script or style");
        assertEquals("nosniff", index.header("X-Content-Type-Options"));
        assertEquals("SAMEORIGIN", index.header("X-Frame-Options"));
        assertEquals("no-referrer", index.header("Referrer-Policy"));
        assertEquals("none", index.header("X-Robots-Tag"));

        // every script has a src (the CSP would refuse an inline one: the build must not produce any)
        Matcher scripts = Pattern.compile("<script\\b([^>]*)>(.*?)</script>", Pattern.DOTALL).matcher(index.body());
        int count = 0;
        while (scripts.find()) {
            count++;
            assertTrue(scripts.group(1).contains("src="), "script without src: " + scripts.group());
            assertTrue(scripts.group(2).isBlank(), "inline script: " + scripts.group());
        }
        assertTrue(count > 0, "the index page loads the app: " + index.body());
        assertTrue(index.body().contains("<base href=\"/realms/" + REALM + "/portal-access/console/\">"),
                "relative asset links resolve against the console root: " + index.body());
    }

    @Test
    void deepLinksAnswerWithTheIndexPage(KeycloakServer server) {
        Rest anonymous = Rest.anonymous(server);
        String root = anonymous.get(console(server)).expect(200).body();
        for (String route : List.of(REALM + "/customers/123", REALM, "some/deep/route/", "x")) {
            Rest.Response deep = anonymous.get(console(server) + route).expect(200);
            assertEquals(root, deep.body(), "the same index page for /" + route);
            assertNotNull(deep.header("Content-Security-Policy"), "headers on /" + route);
            assertEquals("no-store", deep.header("Cache-Control"));
        }

        Rest.Response bare = anonymous.get(server.baseUrl() + "/realms/" + REALM + "/portal-access/console").expect(302);
        assertEquals(console(server), bare.header("Location"));
        Rest.Response providerRoot = anonymous.get(server.baseUrl() + "/realms/" + REALM + "/portal-access").expect(302);
        assertEquals(console(server), providerRoot.header("Location"));
    }

    @Test
    void hashedFilesAreCachedForAYearAndEverythingElseIsNotFound(KeycloakServer server) {
        Rest anonymous = Rest.anonymous(server);
        String index = anonymous.get(console(server)).expect(200).body();
        Matcher js = Pattern.compile("src=\"\\./(assets/index-[A-Za-z0-9_-]+\\.js)\"").matcher(index);
        assertTrue(js.find(), "entry script in " + index);
        Rest.Response script = anonymous.get(console(server) + js.group(1)).expect(200);
        assertEquals("text/javascript; charset=utf-8", script.header("Content-Type"));
        assertEquals("public, max-age=31536000, immutable", script.header("Cache-Control"));
        assertEquals("nosniff", script.header("X-Content-Type-Options"));
        // the same file below a deep route is not served from there: relative links resolve against <base>
        anonymous.get(console(server) + REALM + "/" + js.group(1)).expect(404);

        Matcher css = Pattern.compile("href=\"\\./(assets/[A-Za-z0-9_-]+\\.css)\"").matcher(index);
        assertTrue(css.find(), "stylesheet in " + index);
        assertEquals("text/css; charset=utf-8", anonymous.get(console(server) + css.group(1)).expect(200).header("Content-Type"));

        Rest.Response icon = anonymous.get(console(server) + "favicon.svg").expect(200);
        assertEquals("image/svg+xml", icon.header("Content-Type"));
        assertEquals("no-cache", icon.header("Cache-Control"), "not hashed: revalidated");

        for (String missing : List.of("assets/nope-123.js", "nope.css", ".vite/manifest.json", "index.html",
                "dev/portalaccess/keycloak/console/ConsoleApp.class")) {
            Rest.Response answer = anonymous.get(console(server) + missing);
            assertEquals(404, answer.status(), missing + " answered " + answer.status() + ": " + answer.body());
        }
        // encoded traversal: refused by the server (400) or by the console (404), never a file of the JAR
        for (String traversal : List.of("../../../META-INF/MANIFEST.MF", "assets/..%2F..%2Findex.html", "..%2F..%2F..%2FMETA-INF%2FMANIFEST.MF",
                "assets/%2E%2E/%2E%2E/favicon.svg")) {
            Rest.Response answer = anonymous.get(console(server) + traversal);
            assertTrue(answer.status() == 404 || answer.status() == 400, traversal + " answered " + answer.status() + ": " + answer.body());
        }
    }

    @Test
    void configurationIsJsonNextToTheIndexPage(KeycloakServer server) {
        Rest.Response answer = Rest.anonymous(server).get(console(server) + "config.json").expect(200);
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.header("Content-Type"));
        assertEquals("no-store", answer.header("Cache-Control"));
        JsonNode config = answer.json();
        assertEquals(REALM, config.path("realm").asText());
        assertEquals("master", config.path("masterRealm").asText());
        assertEquals("portal-access-console", config.path("clientId").asText());
        assertEquals(server.baseUrl(), config.path("authServerUrl").asText());
        assertEquals(server.baseUrl(), config.path("adminBaseUrl").asText());
        assertEquals("/realms/" + REALM + "/portal-access/console/", config.path("consoleBaseUrl").asText());

        Rest.Response unknownRealm = Rest.anonymous(server).get(server.baseUrl() + "/realms/no-such-realm/portal-access/console/");
        assertEquals(404, unknownRealm.status(), unknownRealm.body());
    }

    private static Map<String, String> directives(String csp) {
        assertNotNull(csp, "Content-Security-Policy header");
        return Arrays.stream(csp.split(";")).map(String::trim).filter(d -> !d.isEmpty())
                .collect(Collectors.toMap(d -> d.split("\\s+", 2)[0], d -> d.contains(" ") ? d.split("\\s+", 2)[1] : ""));
    }
}
