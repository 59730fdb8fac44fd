package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.junit.jupiter.api.Test;

/**
 * The email denylist (issue 3) is checked before the self-registration policy: an address of a permitted
 * company that is also denylisted is refused with the denylist's message, on the form and by the mail intake.
 */
@KeycloakIntegrationTest
class DenylistFirstIT {

    @Test
    void aDenylistedEmployeeOfAPermittedCompanyIsRefusedByTheDenylist(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = EmailSelfRegistrationIT.setUp(admin, server, policy("COMPANIES"));
        r.createCompany("acme", "acme.test", true, List.of("portal", "email"), List.of(), false);
        enableDenylist(admin, r.realm, "mallory@acme.test");

        Page form = RegistrationPages.register(browser.open(r.registrationUrl(server)), "mallory", "mallory@acme.test", "Secret-123");
        String text = RegistrationPages.text(form);
        assertContains(text, "This email address cannot be used here", "denylist message on the form");
        assertFalse(text.contains("Registration is only open"), "the policy is not reached first");
        assertTrue(r.user("mallory").isMissingNode());

        JsonNode intake = EmailSelfRegistrationIT.intake(server, r)
                .post(EmailSelfRegistrationIT.endpoint(r), Map.of("email", "mallory@acme.test")).expect(422).json();
        assertEquals("portalaccessEmailDenylisted", intake.path("error").asText(), "denylist reason: " + intake);

        // an employee not on the list still registers: the denylist did not close the company
        EmailSelfRegistrationIT.intake(server, r).post(EmailSelfRegistrationIT.endpoint(r), Map.of("email", "alice@acme.test"))
                .expect(201);
    }

    /** The denylist's user-profile validator on email, and one entry (its admin REST API). */
    static void enableDenylist(Rest admin, String realm, String entry) {
        JsonNode profile = admin.get("/admin/realms/" + realm + "/users/profile").expect(200).json();
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                ((ObjectNode) attribute.path("validations")).putObject("portal-access-email-denylist");
            }
        }
        admin.put("/admin/realms/" + realm + "/users/profile", profile).expect(200);
        admin.post("/admin/realms/" + realm + "/denylist", Map.of("value", entry)).expect(201, 200);
    }
}
