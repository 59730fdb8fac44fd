package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** A signed-in person changing their own email: account REST API, update-profile and update-email actions. */
@KeycloakIntegrationTest
class DenylistSelfServiceIT {

    @Test
    void accountRestApiRefusesADenylistedEmail(KeycloakServer server, Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-account");
        setRequiredAction(admin, realm, "UPDATE_EMAIL", false);
        DenylistFixture.importEntries(admin, realm, "spam.example\n");
        admin.post("/admin/realms/" + realm + "/clients", Map.of("clientId", "denylist-it", "publicClient", true,
                "directAccessGrantsEnabled", true, "standardFlowEnabled", false)).expect(201);
        String userId = dev.portalaccess.keycloak.testsupport.TestRealms.createUser(admin, realm, "alice",
                "alice@fine.example", DenylistFixture.PASSWORD);

        Rest anonymous = Rest.anonymous(server);
        String token = anonymous.passwordGrant(realm, "denylist-it", null, "alice", DenylistFixture.PASSWORD).expect(200)
                .json().path("access_token").asText();
        Rest alice = anonymous.withToken(token);
        String account = "/realms/" + realm + "/account";

        Rest.Response refused = alice.post(account, profile("alice", "alice@spam.example")).expect(400);
        assertTrue(refused.body().contains("portalaccessEmailDenylisted"), refused.body());
        assertTrue(refused.body().contains("email"), refused.body());
        assertEquals("alice@fine.example", admin.get("/admin/realms/" + realm + "/users/" + userId).expect(200).json()
                .path("email").asText());
        DenylistFixture.assertRefusalEvent(admin, realm, "UPDATE_EMAIL_ERROR", "alice@spam.example");

        alice.post(account, profile("alice", "alice@other.example")).expect(204);
        assertEquals("alice@other.example", admin.get("/admin/realms/" + realm + "/users/" + userId).expect(200).json()
                .path("email").asText());
        // an unchanged email is not checked again, even once it is denylisted
        DenylistFixture.importEntries(admin, realm, "other.example\n");
        Map<String, Object> rename = profile("alice", "alice@other.example");
        rename.put("firstName", "Alicia");
        alice.post(account, rename).expect(204);
    }

    @Test
    void updateProfileRequiredActionRefusesADenylistedEmail(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        String realm = DenylistFixture.realm(admin, "dl-update-profile");
        setRequiredAction(admin, realm, "UPDATE_EMAIL", false);
        DenylistFixture.importEntries(admin, realm, "spam.example\n");
        String userId = dev.portalaccess.keycloak.testsupport.TestRealms.createUser(admin, realm, "bob", "bob@fine.example",
                DenylistFixture.PASSWORD);
        admin.put("/admin/realms/" + realm + "/users/" + userId, Map.of("requiredActions", List.of("UPDATE_PROFILE"))).expect(204);

        HtmlPage page = DenylistFixture.login(browser.open(DenylistFixture.authUrl(server.baseUrl(), realm)), "bob",
                DenylistFixture.PASSWORD);
        HtmlForm form = page.getHtmlElementById("kc-update-profile-form");
        form.getInputByName("email").setValue("bob@spam.example");
        HtmlPage refused = DenylistFixture.submit(form);
        String error = DenylistFixture.fieldError(refused, "email");
        assertTrue(error.contains(DenylistFixture.MESSAGE), "got '" + error + "' on\n" + refused.asNormalizedText());
        DenylistFixture.assertRefusalEvent(admin, realm, "UPDATE_PROFILE_ERROR", "bob@spam.example");
        assertEquals("bob@fine.example", admin.get("/admin/realms/" + realm + "/users/" + userId).expect(200).json()
                .path("email").asText());

        form = refused.getHtmlElementById("kc-update-profile-form");
        form.getInputByName("email").setValue("bob@new.example");
        DenylistFixture.submit(form);
        assertEquals("bob@new.example", admin.get("/admin/realms/" + realm + "/users/" + userId).expect(200).json()
                .path("email").asText());
    }

    @Test
    void updateEmailRequiredActionRefusesADenylistedEmail(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        String realm = DenylistFixture.realm(admin, "dl-update-email");
        setRequiredAction(admin, realm, "UPDATE_EMAIL", true);
        DenylistFixture.importEntries(admin, realm, "*.spam.example\n");
        String userId = dev.portalaccess.keycloak.testsupport.TestRealms.createUser(admin, realm, "carol", "carol@fine.example",
                DenylistFixture.PASSWORD);
        admin.put("/admin/realms/" + realm + "/users/" + userId, Map.of("requiredActions", List.of("UPDATE_EMAIL"))).expect(204);

        HtmlPage page = DenylistFixture.login(browser.open(DenylistFixture.authUrl(server.baseUrl(), realm)), "carol",
                DenylistFixture.PASSWORD);
        HtmlForm form = page.getHtmlElementById("kc-update-email-form");
        form.getInputByName("email").setValue("carol@mx.spam.example");
        HtmlPage refused = DenylistFixture.submit(form);
        String error = DenylistFixture.fieldError(refused, "email");
        assertTrue(error.contains(DenylistFixture.MESSAGE), "got '" + error + "' on\n" + refused.asNormalizedText());
        DenylistFixture.assertRefusalEvent(admin, realm, "UPDATE_EMAIL_ERROR", "carol@mx.spam.example");

        form = refused.getHtmlElementById("kc-update-email-form");
        form.getInputByName("email").setValue("carol@spam.example");
        DenylistFixture.submit(form);
        assertEquals("carol@spam.example", admin.get("/admin/realms/" + realm + "/users/" + userId).expect(200).json()
                .path("email").asText(), "*.spam.example denies subdomains only");
    }

    private static Map<String, Object> profile(String username, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", email);
        body.put("firstName", "Test");
        body.put("lastName", username);
        return body;
    }

    /** Enables or disables a required action of the realm, registering it first if needed. */
    static void setRequiredAction(Rest admin, String realm, String alias, boolean enabled) {
        String base = "/admin/realms/" + realm + "/authentication/required-actions/" + alias;
        Rest.Response current = admin.get(base);
        if (current.status() == 404) {
            if (!enabled) {
                return;
            }
            admin.post("/admin/realms/" + realm + "/authentication/register-required-action",
                    Map.of("providerId", alias, "name", alias)).expect(204);
            current = admin.get(base).expect(200);
        }
        JsonNode rep = current.expect(200).json();
        ((ObjectNode) rep).put("enabled", enabled);
        admin.put(base, rep).expect(204);
    }
}
