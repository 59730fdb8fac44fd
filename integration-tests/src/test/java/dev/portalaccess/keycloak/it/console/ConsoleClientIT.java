package dev.portalaccess.keycloak.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The console's sign-in client: in every realm (master, the imported exports, a realm created or imported through
 * the admin API), set up like Keycloak's security-admin-console and refusing anything but the code flow with PKCE
 * back to the console.
 */
@KeycloakIntegrationTest
class ConsoleClientIT {

    @ParameterizedTest
    @ValueSource(strings = {"master", "enterprise-portal", "customer-portal", "partner-portal", "service-desk"})
    void realmsOfTheServerHaveTheClient(String realm, Rest admin) {
        assertConsoleClient(realm, client(admin, realm));
    }

    @Test
    void aRealmCreatedThroughTheAdminApiGetsTheClient(Rest admin) {
        ConsoleRealm realm = ConsoleRealm.create(admin, "console-client", "Client test");
        try {
            assertConsoleClient(realm.name, realm.consoleClient());
        } finally {
            realm.delete();
        }
    }

    @Test
    void aRealmImportWithItsOwnConsoleClientKeepsIt(Rest admin) {
        String name = TestRealms.uniqueName("console-import");
        TestRealms.create(admin, Map.of("realm", name, "clients", List.of(Map.of(
                "clientId", "portal-access-console", "enabled", false, "publicClient", true,
                "redirectUris", List.of("https://console.example/*"), "description", "the realm's own"))));
        try {
            JsonNode client = client(admin, name);
            assertFalse(client.path("enabled").asBoolean(), "kept as imported: " + client);
            assertEquals("the realm's own", client.path("description").asText());
            assertEquals("[\"https://console.example/*\"]", client.path("redirectUris").toString());
            assertEquals(1, admin.get("/admin/realms/" + name + "/clients?clientId=portal-access-console").expect(200).list().size());
        } finally {
            admin.delete("/admin/realms/" + name).expect(204);
        }
    }

    @Test
    void signInRefusesOtherRedirectsAndCodeFlowsWithoutPkce(KeycloakServer server) {
        Rest anonymous = Rest.anonymous(server);
        String auth = "/realms/customer-portal/protocol/openid-connect/auth?client_id=portal-access-console&response_type=code&scope=openid";
        String console = server.baseUrl() + "/realms/customer-portal/portal-access/console/";
        String pkce = "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        // the login page for the console, with PKCE
        Rest.Response ok = anonymous.get(auth + "&redirect_uri=" + enc(console + "customer-portal/customers/1") + pkce).expect(200);
        assertTrue(ok.body().contains("kc-login") || ok.body().contains("username"), ok.body());

        for (String other : List.of(server.baseUrl() + "/realms/customer-portal/account/", "https://evil.example/realms/customer-portal/portal-access/console/",
                server.baseUrl() + "/realms/customer-portal/portal-access/consolex", server.baseUrl() + "/realms/enterprise-portal/portal-access/console/")) {
            Rest.Response refused = anonymous.get(auth + "&redirect_uri=" + enc(other) + pkce);
            assertEquals(400, refused.status(), other + ": " + refused.body());
            assertTrue(refused.body().contains("redirect_uri"), other + ": " + refused.body());
        }

        Rest.Response noPkce = anonymous.get(auth + "&redirect_uri=" + enc(console));
        // Keycloak redirects back with error=invalid_request (the redirect URI itself is valid)
        assertEquals(302, noPkce.status(), noPkce.body());
        assertTrue(noPkce.header("Location").startsWith(console), noPkce.header("Location"));
        assertTrue(noPkce.header("Location").contains("error=invalid_request"), noPkce.header("Location"));

        Rest.Response implicit = anonymous.get(auth.replace("response_type=code", "response_type=token")
                + "&redirect_uri=" + enc(console) + pkce + "&nonce=n");
        assertEquals(302, implicit.status(), implicit.body());
        assertTrue(implicit.header("Location").contains("error=unauthorized_client"), implicit.header("Location"));
    }

    @Test
    void noPasswordGrantThroughTheConsoleClient(KeycloakServer server) {
        Rest.Response refused = Rest.anonymous(server).passwordGrant("master", "portal-access-console", null,
                KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
        assertTrue(refused.status() == 400 || refused.status() == 401, refused.status() + " " + refused.body());
        assertEquals("unauthorized_client", refused.json().path("error").asText(), refused.body());
    }

    private static JsonNode client(Rest admin, String realm) {
        List<JsonNode> found = admin.get("/admin/realms/" + realm + "/clients?clientId=portal-access-console").expect(200).list();
        assertEquals(1, found.size(), realm + " has the console client");
        return found.get(0);
    }

    /** Public, code flow only, PKCE S256, console path only, full scope with lightweight tokens, the default scopes. */
    static void assertConsoleClient(String realm, JsonNode client) {
        assertNotNull(client, realm + " has no portal-access-console client");
        String path = "/realms/" + realm + "/portal-access/console/";
        assertTrue(client.path("enabled").asBoolean(), client.toString());
        assertTrue(client.path("publicClient").asBoolean(), client.toString());
        assertEquals("openid-connect", client.path("protocol").asText());
        assertTrue(client.path("standardFlowEnabled").asBoolean());
        assertFalse(client.path("implicitFlowEnabled").asBoolean());
        assertFalse(client.path("directAccessGrantsEnabled").asBoolean());
        assertFalse(client.path("serviceAccountsEnabled").asBoolean());
        assertEquals("${authBaseUrl}", client.path("rootUrl").asText());
        assertEquals(path, client.path("baseUrl").asText());
        assertEquals("[\"" + path + "*\"]", client.path("redirectUris").toString());
        assertEquals("[\"+\"]", client.path("webOrigins").toString());
        JsonNode attributes = client.path("attributes");
        assertEquals("S256", attributes.path("pkce.code.challenge.method").asText(), attributes.toString());
        assertEquals("+", attributes.path("post.logout.redirect.uris").asText(), attributes.toString());
        assertEquals("true", attributes.path("client.use.lightweight.access.token.enabled").asText(), attributes.toString());
        assertTrue(client.path("fullScopeAllowed").asBoolean(), "the admin API checks the user's roles within the client's scope");
        List<String> scopes = new ArrayList<>();
        client.path("defaultClientScopes").forEach(s -> scopes.add(s.asText()));
        assertTrue(scopes.contains("profile") && scopes.contains("basic"), "default scopes: " + scopes);
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
