package dev.portalaccess.keycloak.it.email;

import static dev.portalaccess.keycloak.it.email.EmailFixture.INVALID_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 3: an {@code xn--} label must decode and re-encode to itself. {@code xn--zz.com} is not
 * Punycode: refused as a denylist entry (400 naming the field), in a bulk import (the line is reported and
 * nothing is stored), as an organization's allowed-domain entry, and in an address on the registration form.
 */
@KeycloakIntegrationTest
class PunycodeLabelIT {

    @Test
    void denylistAddAndBulkImportRefuseAnInvalidALabel(Rest admin) {
        String realm = EmailFixture.realm(admin, "em-puny-denylist");
        String base = "/admin/realms/" + realm + "/denylist";

        Rest.Response added = admin.post(base, Map.of("value", "xn--zz.com")).expect(400);
        assertEquals("value", added.json().path("field").asText(), added.body());
        assertEquals("invalidPunycode", added.json().path("error").asText(), added.body());

        Rest.Response imported = admin.post(base + "/import", "text/plain",
                "good.example\nxn--zz.com\n# a comment\n*.xn--abc.example,\"see ticket\"\nxn--bcher-kva.example\n").expect(400);
        JsonNode lines = imported.json().path("lines");
        assertEquals(2, lines.size(), imported.body());
        assertEquals(2, lines.get(0).path("line").asInt(), imported.body());
        assertEquals("xn--zz.com", lines.get(0).path("value").asText(), imported.body());
        assertEquals("invalidPunycode", lines.get(0).path("error").asText(), imported.body());
        assertEquals(4, lines.get(1).path("line").asInt(), imported.body());
        assertEquals("invalidPunycode", lines.get(1).path("error").asText(), imported.body());
        assertEquals(0, admin.get(base + "/count").expect(200).json().path("count").asLong(), "nothing stored");

        // a real A-label is fine, in either spelling
        admin.post(base, Map.of("value", "XN--BCHER-KVA.example")).expect(201);
        assertEquals("xn--bcher-kva.example", admin.get(base).expect(200).list().get(0).path("value").asText());
    }

    @Test
    void organizationAllowedDomainEntryWithAnInvalidALabelIsRefused(Rest admin) {
        String realm = EmailFixture.realm(admin, "em-puny-org");
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("name", "Acme");
        org.put("alias", "acme");
        org.put("enabled", true);
        org.put("domains", List.of(Map.of("name", "acme.com")));
        org.put("attributes", Map.of("portalaccess.domainRestriction.enabled", List.of("true"),
                "portalaccess.domainRestriction.domains", List.of("acme.com", "xn--zz.com")));
        Rest.Response refused = admin.post("/admin/realms/" + realm + "/organizations", org).expect(400);
        assertEquals("portalaccess.domainRestriction.domains", refused.json().path("field").asText(), refused.body());
        assertEquals("xn--zz.com", refused.json().path("entry").asText(), refused.body());
        assertTrue(refused.json().path("errorMessage").asText().contains("invalidPunycode"), refused.body());
        assertTrue(admin.get("/admin/realms/" + realm + "/organizations?search=acme").expect(200).list().isEmpty(),
                "no organization created");
    }

    @Test
    void registrationFormRefusesAnAddressWithAnInvalidALabel(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realm = EmailFixture.realm(admin, "em-puny-register");
        HtmlPage refused = EmailFixture.register(browser.open(EmailFixture.registrationUrl(server.baseUrl(), realm)),
                "bob", "bob@xn--zz.com");
        EmailFixture.assertFieldError(refused, "email", INVALID_MESSAGE);
        assertTrue(EmailFixture.users(admin, realm).isEmpty(), "no account: " + EmailFixture.users(admin, realm));
        JsonNode event = EmailFixture.event(admin, realm, "REGISTER_ERROR", "invalid_email");
        assertEquals("invalidPunycode", event.path("details").path("email_invalid_reason").asText(), event.toString());

        Rest.Response check = admin.get("/admin/realms/" + realm + "/denylist/check?email=bob%40xn--zz.com").expect(400);
        assertEquals("invalidPunycode", check.json().path("error").asText(), "the check endpoint agrees: " + check.body());
    }
}
