package dev.portalaccess.keycloak.it.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The project's user profile replaces Keycloak's under the same provider id: the realm's stored user-profile
 * configuration still applies (its own attributes and validators), the admin console's user-profile
 * endpoints still work, and the project's always-on validator is not part of the stored configuration nor
 * offered in the console's validator list.
 */
@KeycloakIntegrationTest
class UserProfileConfigurationIT {

    @Test
    void theRealmsStoredConfigurationStillAppliesAndTheConsoleEndpointsWork(KeycloakServer server, Rest admin,
                                                                          Browser browser) throws Exception {
        String realm = EmailFixture.realm(admin, "em-up-config");
        String profileUrl = "/admin/realms/" + realm + "/users/profile";
        JsonNode profile = admin.get(profileUrl).expect(200).json();
        assertFalse(profile.toString().contains("portal-access-email\""), "not in the stored configuration: " + profile);

        // what an admin does in Realm settings > User profile: a required attribute and a pattern on email
        ArrayNode attributes = (ArrayNode) profile.path("attributes");
        for (JsonNode attribute : attributes) {
            if ("email".equals(attribute.path("name").asText())) {
                ((ObjectNode) attribute.path("validations")).putObject("pattern")
                        .put("pattern", "^[^@]+@corp\\.example$").put("error-message", "Only corp.example addresses here");
            }
        }
        attributes.add(Rest.JSON.valueToTree(Map.of("name", "department", "displayName", "Department",
                "required", Map.of("roles", List.of("user")),
                "permissions", Map.of("view", List.of("admin", "user"), "edit", List.of("admin", "user")))));
        admin.put(profileUrl, profile).expect(200);
        assertTrue(admin.get(profileUrl).expect(200).json().toString().contains("department"), "stored");
        assertTrue(admin.get(profileUrl + "/metadata").expect(200).json().toString().contains("department"),
                "the console's form metadata");

        HtmlPage page = browser.open(EmailFixture.registrationUrl(server.baseUrl(), realm));
        HtmlPage refused = fill(page, "zoe@fine.example", "");
        EmailFixture.assertFieldError(refused, "email", "Only corp.example addresses here");
        assertFalse(EmailFixture.fieldError(refused, "department").isBlank(), "required attribute: " + refused.asNormalizedText());
        assertTrue(EmailFixture.users(admin, realm).isEmpty());

        fill(refused, "Zoe@Corp.Example", "Research");
        List<JsonNode> users = EmailFixture.users(admin, realm);
        assertEquals(1, users.size(), users.toString());
        JsonNode zoe = EmailFixture.user(admin, realm, users.get(0).path("id").asText());
        assertEquals("zoe@corp.example", zoe.path("email").asText());
        assertEquals("Research", zoe.path("attributes").path("department").path(0).asText(), zoe.toString());
    }

    @Test
    void theServerRunsTheProjectsProfileUnderKeycloaksIdAndDoesNotOfferTheAlwaysOnValidator(Rest admin) {
        JsonNode info = admin.get("/admin/serverinfo").expect(200).json();
        JsonNode userProfile = info.path("providers").path("userProfile").path("providers");
        assertTrue(userProfile.has("declarative-user-profile"), userProfile.toString());
        JsonNode validators = info.path("componentTypes").path("org.keycloak.validate.Validator");
        List<String> offered = validators.findValuesAsText("id");
        assertTrue(offered.contains("portal-access-email-denylist"), offered.toString());
        assertFalse(offered.contains("portal-access-email"), "always on, not offered: " + offered);
    }

    private static HtmlPage fill(HtmlPage page, String email, String department) throws Exception {
        HtmlForm form = page.getHtmlElementById("kc-register-form");
        form.getInputByName("username").setValue("zoe");
        form.getInputByName("email").setValue(email);
        form.getInputByName("firstName").setValue("Zoe");
        form.getInputByName("lastName").setValue("Admin");
        form.getInputByName("department").setValue(department);
        form.getInputByName("password").setValue(EmailFixture.PASSWORD);
        form.getInputByName("password-confirm").setValue(EmailFixture.PASSWORD);
        return EmailFixture.submit(form);
    }
}
