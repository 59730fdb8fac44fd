package dev.portalaccess.keycloak.it.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 5: while a user is a member of a customer whose domain restriction is on, an email outside
 * its allowed entries is refused on every path that changes it (account REST, update-email action, admin
 * REST), naming the customer, with no validator configured by an admin (and removing every validator in the
 * realm's user profile does not open it).
 */
@KeycloakIntegrationTest
class MemberEmailChangeIT {

    static final String OUTSIDE_KEY = "portalaccessEmailOutsideCustomer";

    @Test
    void accountRestApiRefusesAnAddressOutsideTheCustomersDomains(KeycloakServer server, Rest admin) {
        String realm = EmailFixture.realm(admin, "em-member-account");
        EmailFixture.setRequiredAction(admin, realm, "UPDATE_EMAIL", false);
        String acme = restrictedCustomer(admin, realm, "Acme Robotics", "acme.com");
        String id = member(admin, realm, acme, "bob", "bob@acme.com");
        Rest bob = EmailFixture.accountApi(server, realm, "bob");
        String account = "/realms/" + realm + "/account";

        Rest.Response refused = bob.post(account, EmailFixture.profile("bob", "bob@evil.example")).expect(400);
        assertTrue(refused.body().contains(OUTSIDE_KEY) && refused.body().contains("Acme Robotics"), refused.body());
        assertEquals("bob@acme.com", EmailFixture.emailOf(admin, realm, id));
        assertTrue(isMember(admin, realm, acme, id), "still a member");
        JsonNode event = EmailFixture.event(admin, realm, "UPDATE_EMAIL_ERROR", "domain_not_allowed");
        assertEquals(acme, event.path("details").path("org_id").asText(), event.toString());

        // an admin removing every validator of the email attribute does not switch the rule off
        JsonNode profile = admin.get("/admin/realms/" + realm + "/users/profile").expect(200).json();
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                ((ObjectNode) attribute).putObject("validations");
            }
        }
        admin.put("/admin/realms/" + realm + "/users/profile", profile).expect(200);
        bob.post(account, EmailFixture.profile("bob", "bob@evil.example")).expect(400);
        assertEquals("bob@acme.com", EmailFixture.emailOf(admin, realm, id));

        // inside the allowed entries (a subdomain) is fine
        bob.post(account, EmailFixture.profile("bob", "bob@eu.acme.com")).expect(204);
        assertEquals("bob@eu.acme.com", EmailFixture.emailOf(admin, realm, id));

        // a user who is no member is not restricted
        TestRealms.createUser(admin, realm, "nora", "nora@elsewhere.example", EmailFixture.PASSWORD);
        EmailFixture.accountApi(server, realm, "nora").post(account, EmailFixture.profile("nora", "nora@evil.example"))
                .expect(204);
    }

    @Test
    void adminRestRefusesWithAJsonErrorNamingTheCustomer(Rest admin) {
        String realm = EmailFixture.realm(admin, "em-member-admin");
        String acme = restrictedCustomer(admin, realm, "Acme Robotics", "acme.com");
        String id = member(admin, realm, acme, "carol", "carol@acme.com");

        Rest.Response refused = admin.put("/admin/realms/" + realm + "/users/" + id,
                Map.of("email", "carol@evil.example", "firstName", "Carol", "lastName", "Member")).expect(400);
        JsonNode body = refused.json();
        assertEquals("email", body.path("field").asText(), refused.body());
        assertEquals(OUTSIDE_KEY, body.path("errorMessage").asText(), refused.body());
        assertTrue(refused.body().contains("Acme Robotics") && refused.body().contains("carol@evil.example"), refused.body());
        assertEquals("carol@acme.com", EmailFixture.emailOf(admin, realm, id));
        assertTrue(isMember(admin, realm, acme, id));
    }

    @Test
    void updateEmailRequiredActionRefusesNamingTheCustomer(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realm = EmailFixture.realm(admin, "em-member-update-email");
        EmailFixture.setRequiredAction(admin, realm, "UPDATE_EMAIL", true);
        String acme = restrictedCustomer(admin, realm, "Acme Robotics", "acme.com");
        String id = member(admin, realm, acme, "dan", "dan@acme.com");
        admin.put("/admin/realms/" + realm + "/users/" + id, Map.of("requiredActions", List.of("UPDATE_EMAIL"))).expect(204);

        HtmlPage page = EmailFixture.login(browser.open(EmailFixture.authUrl(server.baseUrl(), realm)), "dan",
                EmailFixture.PASSWORD);
        HtmlForm form = page.getHtmlElementById("kc-update-email-form");
        form.getInputByName("email").setValue("dan@evil.example");
        HtmlPage refused = EmailFixture.submit(form);
        EmailFixture.assertFieldError(refused, "email", "you are a member of Acme Robotics");
        EmailFixture.event(admin, realm, "UPDATE_EMAIL_ERROR", "domain_not_allowed");
        assertEquals("dan@acme.com", EmailFixture.emailOf(admin, realm, id));
    }

    static String restrictedCustomer(Rest admin, String realm, String name, String domain) {
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("name", name);
        org.put("alias", name.toLowerCase().replace(' ', '-'));
        org.put("enabled", true);
        org.put("domains", List.of(Map.of("name", domain)));
        org.put("attributes", Map.of("portalaccess.domainRestriction.enabled", List.of("true"),
                "portalaccess.domainRestriction.domains", List.of(domain)));
        return admin.post("/admin/realms/" + realm + "/organizations", org).expect(201).createdId();
    }

    static String member(Rest admin, String realm, String orgId, String username, String email) {
        String id = TestRealms.createUser(admin, realm, username, email, EmailFixture.PASSWORD);
        admin.post("/admin/realms/" + realm + "/organizations/" + orgId + "/members", "\"" + id + "\"").expect(201);
        return id;
    }

    static boolean isMember(Rest admin, String realm, String orgId, String userId) {
        return admin.get("/admin/realms/" + realm + "/organizations/" + orgId + "/members/" + userId).status() == 200;
    }
}
