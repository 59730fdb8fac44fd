package dev.portalaccess.keycloak.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * The team page as Keycloak serves it (no browser): its own index page with the console's security headers,
 * {@code config.json} with the self-service API and the realm's login theme, and its sign-in client in every realm
 * (public, code flow with PKCE, redirects only to the team page, no full scope, no password grant).
 */
@KeycloakIntegrationTest
class TeamServingIT {

    private static final String REALM = "customer-portal";

    private static String team(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + REALM + "/portal-access/team/";
    }

    @Test
    void theTeamPageIsItsOwnAppWithTheConsoleHeaders(KeycloakServer server) {
        Rest anonymous = Rest.anonymous(server);
        Rest.Response index = anonymous.get(team(server)).expect(200);
        assertTrue(index.body().contains("<base href=\"/realms/" + REALM + "/portal-access/team/\">"), index.body());
        assertTrue(index.body().contains("assets/team-"), "the team entry, not the console's: " + index.body());
        assertNotEquals(anonymous.get(server.baseUrl() + "/realms/" + REALM + "/portal-access/console/").expect(200).body(), index.body());
        String csp = index.header("Content-Security-Policy");
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("SAMEORIGIN", index.header("X-Frame-Options"));
        assertEquals("no-store", index.header("Cache-Control"));
        assertEquals(index.body(), anonymous.get(team(server) + "customers/123").expect(200).body(), "deep links");
        assertEquals(team(server), anonymous.get(server.baseUrl() + "/realms/" + REALM + "/portal-access/team").expect(302).header("Location"));
        anonymous.get(team(server) + "team.html").expect(404);
        anonymous.get(team(server) + "index.html").expect(404);
    }

    @Test
    void configNamesTheSelfServiceApiAndTheRealmsLoginTheme(KeycloakServer server) {
        Rest anonymous = Rest.anonymous(server);
        JsonNode config = anonymous.get(team(server) + "config.json").expect(200).json();
        assertEquals(REALM, config.path("realm").asText());
        assertEquals("portal-access-team", config.path("clientId").asText());
        assertEquals("/realms/" + REALM + "/portal-access/team/", config.path("consoleBaseUrl").asText());
        assertEquals(server.baseUrl() + "/realms/" + REALM + "/customer-admin", config.path("selfServiceUrl").asText());
        // the partner API, whose "me" tells the page whether this is a partner realm
        assertEquals(server.baseUrl() + "/realms/" + REALM + "/portal-access/partner", config.path("partnerUrl").asText());
        assertEquals("Customer Portal", config.path("displayName").asText());
        JsonNode theme = config.path("theme");
        assertEquals("customer-portal", theme.path("name").asText());
        String logo = theme.path("logoUrl").asText();
        assertTrue(logo.endsWith("/login/customer-portal/img/logo.svg"), logo);
        assertEquals(200, anonymous.get(server.baseUrl() + logo).status(), "the logo is served by Keycloak from the same origin");
        List<String> styles = new java.util.ArrayList<>();
        theme.path("stylesheets").forEach(s -> styles.add(s.asText()));
        assertTrue(styles.stream().anyMatch(s -> s.endsWith("/login/customer-portal/css/customer-portal.css")), styles.toString());
        for (String style : styles) {
            assertEquals(200, anonymous.get(server.baseUrl() + style).status(), style);
        }
        // a realm with Keycloak's own login theme: the neutral look
        JsonNode neutral = anonymous.get(server.baseUrl() + "/realms/master/portal-access/team/config.json").expect(200).json();
        JsonNode noLogo = neutral.path("theme").path("logoUrl");
        assertTrue(noLogo.isMissingNode() || noLogo.isNull(), "no logo: " + neutral);
    }

    @Test
    void theSignInClientIsPublicWithPkceAndRedirectsOnlyToTheTeamPage(KeycloakServer server, Rest admin) {
        for (String realm : List.of("master", REALM, "partner-portal")) {
            List<JsonNode> found = admin.get("/admin/realms/" + realm + "/clients?clientId=portal-access-team").expect(200).list();
            assertEquals(1, found.size(), realm);
            JsonNode client = found.get(0);
            assertTrue(client.path("publicClient").asBoolean(), realm);
            assertTrue(client.path("standardFlowEnabled").asBoolean());
            assertFalse(client.path("implicitFlowEnabled").asBoolean());
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean());
            assertFalse(client.path("serviceAccountsEnabled").asBoolean());
            assertFalse(client.path("fullScopeAllowed").asBoolean(), "the page needs no roles");
            assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText());
            assertEquals(List.of("/realms/" + realm + "/portal-access/team/*"),
                    List.of(client.path("redirectUris").get(0).asText()));
            assertTrue(client.path("attributes").path("portalaccess.portal").isMissingNode(),
                    "not a portal client: the realm's portal client stays the one invitations lead to");
        }
        Rest.Response refused = Rest.anonymous(server).passwordGrant(REALM, "portal-access-team", null, "ann.acme", "whatever");
        assertTrue(refused.status() == 400 || refused.status() == 401, refused.status() + " " + refused.body());
        assertTrue(refused.body().contains("unauthorized_client"), "no password grant through the page's client: " + refused.body());
    }
}
