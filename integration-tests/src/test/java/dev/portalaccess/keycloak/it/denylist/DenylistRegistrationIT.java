package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The registration form refuses denylisted addresses; admin-created users are not checked. */
@KeycloakIntegrationTest
class DenylistRegistrationIT {

    @Test
    void registrationFormRefusesADenylistedEmailWithALocalizedMessage(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realm = DenylistFixture.realm(admin, "dl-register");
        DenylistFixture.importEntries(admin, realm, "spam.example\n");

        HtmlPage refused = register(browser.open(DenylistFixture.registrationUrl(server.baseUrl(), realm)),
                "mallory", "Mallory@EU.Spam.Example");
        String error = DenylistFixture.fieldError(refused, "email");
        assertTrue(error.contains(DenylistFixture.MESSAGE), "message by the email field, got '" + error + "' on\n"
                + refused.asNormalizedText());
        assertFalse(refused.asNormalizedText().contains("spam.example"), "the page does not reveal which entry matched");
        assertEquals(0, DenylistFixture.usersWithEmail(admin, realm, "mallory@eu.spam.example"));
        DenylistFixture.assertRefusalEvent(admin, realm, "REGISTER_ERROR", "mallory@eu.spam.example");

        HtmlPage accepted = register(refused, "mallory", "mallory@fine.example");
        assertEquals("", DenylistFixture.fieldError(accepted, "email"), accepted.asNormalizedText());
        assertEquals(1, DenylistFixture.usersWithEmail(admin, realm, "mallory@fine.example"));
    }

    @Test
    void theCheckIsOffWithoutTheValidator(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        String realm = DenylistFixture.realm(admin, "dl-register-off");
        DenylistFixture.importEntries(admin, realm, "spam.example\n");
        DenylistFixture.setValidator(admin, realm, false);

        register(browser.open(DenylistFixture.registrationUrl(server.baseUrl(), realm)), "walter", "walter@spam.example");
        assertEquals(1, DenylistFixture.usersWithEmail(admin, realm, "walter@spam.example"));
    }

    @Test
    void adminCreatedUsersAreNotChecked(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-admin-created");
        DenylistFixture.importEntries(admin, realm, "spam.example\nvip@corp.example\n");

        Rest.Response created = admin.post("/admin/realms/" + realm + "/users",
                Map.of("username", "agent-made", "email", "agent-made@spam.example", "enabled", true,
                        "firstName", "Agent", "lastName", "Made"));
        created.expect(201);
        String id = created.createdId();
        admin.put("/admin/realms/" + realm + "/users/" + id, Map.of("email", "vip@corp.example", "firstName", "Agent",
                "lastName", "Made")).expect(204);
        assertEquals("vip@corp.example", admin.get("/admin/realms/" + realm + "/users/" + id).expect(200).json()
                .path("email").asText());
    }

    static HtmlPage register(HtmlPage page, String username, String email) throws Exception {
        HtmlForm form = page.getHtmlElementById("kc-register-form");
        form.getInputByName("username").setValue(username);
        form.getInputByName("email").setValue(email);
        form.getInputByName("firstName").setValue("Test");
        form.getInputByName("lastName").setValue(username);
        form.getInputByName("password").setValue(DenylistFixture.PASSWORD);
        form.getInputByName("password-confirm").setValue(DenylistFixture.PASSWORD);
        return DenylistFixture.submit(form);
    }
}
