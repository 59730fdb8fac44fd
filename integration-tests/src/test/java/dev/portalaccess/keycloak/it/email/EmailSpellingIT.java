package dev.portalaccess.keycloak.it.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Issue 11, item 14 (normalisation half): one address, one account. The email is put into the rule engine's
 * normalised form (NFC, compatibility characters folded, domain in its ASCII form) before Keycloak's
 * uniqueness check, so the same person cannot register twice with different Unicode spellings.
 */
@KeycloakIntegrationTest
class EmailSpellingIT {

    @Test
    void registrationFormRefusesASecondSpellingOfARegisteredAddress(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realm = EmailFixture.utf8Realm(admin, "em-spelling");
        HtmlPage first = EmailFixture.register(browser.open(EmailFixture.registrationUrl(server.baseUrl(), realm)),
                "jose1", "jose\u0301@acme.example");
        assertEquals("", EmailFixture.fieldError(first, "email"), first.asNormalizedText());
        assertEquals("jos\u00E9@acme.example", EmailFixture.users(admin, realm).get(0).path("email").asText(),
                "stored in NFC");

        for (String spelling : List.of("jos\u00E9@acme.example", "JOS\u00C9@ACME.EXAMPLE", "\uFF4A\uFF4F\uFF53\u00E9@acme.example")) {
            try (Browser other = new Browser()) {
                HtmlPage second = EmailFixture.register(other.open(EmailFixture.registrationUrl(server.baseUrl(), realm)),
                        "jose" + Math.abs(spelling.hashCode()), spelling);
                EmailFixture.assertFieldError(second, "email", "Email already exists");
            }
        }
        assertEquals(1, EmailFixture.users(admin, realm).size(), "one account: " + EmailFixture.users(admin, realm));
    }

    @Test
    void internationalizedDomainInUnicodeAndPunycodeIsOneAddress(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realm = EmailFixture.realm(admin, "em-spelling-idn");
        HtmlPage first = EmailFixture.register(browser.open(EmailFixture.registrationUrl(server.baseUrl(), realm)),
                "anna", "anna@b\u00FCcher.example");
        assertEquals("", EmailFixture.fieldError(first, "email"), first.asNormalizedText());
        assertEquals("anna@xn--bcher-kva.example", EmailFixture.users(admin, realm).get(0).path("email").asText());

        try (Browser other = new Browser()) {
            HtmlPage second = EmailFixture.register(other.open(EmailFixture.registrationUrl(server.baseUrl(), realm)),
                    "anna2", "Anna@XN--BCHER-KVA.example");
            EmailFixture.assertFieldError(second, "email", "Email already exists");
        }
        assertEquals(1, EmailFixture.users(admin, realm).size());
    }

    @Test
    void adminRestTreatsAnotherSpellingAsTheSameEmail(Rest admin) {
        String realm = EmailFixture.realm(admin, "em-spelling-admin");
        admin.post("/admin/realms/" + realm + "/users", Map.of("username", "first", "enabled", true,
                "email", "kim@\uFF41\uFF43\uFF4D\uFF45.example", "firstName", "Kim", "lastName", "One")).expect(201);
        JsonNode stored = EmailFixture.users(admin, realm).get(0);
        assertEquals("kim@acme.example", stored.path("email").asText(), "full-width letters fold to their plain form");
        Rest.Response second = admin.post("/admin/realms/" + realm + "/users", Map.of("username", "second", "enabled", true,
                "email", "kim@acme.example", "firstName", "Kim", "lastName", "Two"));
        assertEquals(409, second.status(), second.body());
        assertTrue(second.body().contains("same email"), second.body());
        assertEquals(1, EmailFixture.users(admin, realm).size());
    }
}
