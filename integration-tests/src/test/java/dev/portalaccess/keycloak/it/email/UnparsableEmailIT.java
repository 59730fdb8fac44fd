package dev.portalaccess.keycloak.it.email;

import static dev.portalaccess.keycloak.it.email.EmailFixture.CGJ;
import static dev.portalaccess.keycloak.it.email.EmailFixture.INVALID_KEY;
import static dev.portalaccess.keycloak.it.email.EmailFixture.INVALID_MESSAGE;
import static dev.portalaccess.keycloak.it.email.EmailFixture.VS16;
import static dev.portalaccess.keycloak.it.email.EmailFixture.ZWSP;
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
 * Issue 11, item 1: an address the rule engine cannot parse (invisible and other default-ignorable
 * characters, which Keycloak's own email validation accepts and IDN processing maps to nothing) is refused on
 * every path where a person chooses an email, with a localized message and a user event, in realms that
 * configure no project validator at all; the denylist's admin check endpoint gives the same verdict.
 */
@KeycloakIntegrationTest
class UnparsableEmailIT {

    @Test
    void registrationFormRefusesAnInvisibleCharacterInADenylistedDomain(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realm = EmailFixture.realm(admin, "em-register");
        denylistValidator(admin, realm);
        admin.post("/admin/realms/" + realm + "/denylist/import", "text/plain", "spam.example\n").expect(200);

        String hidden = "eve@sp" + ZWSP + "am.example";
        HtmlPage refused = EmailFixture.register(browser.open(EmailFixture.registrationUrl(server.baseUrl(), realm)),
                "eve", hidden);
        EmailFixture.assertFieldError(refused, "email", INVALID_MESSAGE);
        assertTrue(EmailFixture.users(admin, realm).isEmpty(), "no account: " + EmailFixture.users(admin, realm));
        JsonNode event = EmailFixture.event(admin, realm, "REGISTER_ERROR", "invalid_email");
        assertEquals("invalidCharacter", event.path("details").path("email_invalid_reason").asText(), event.toString());

        // the same person with a clean address that is not on the list registers
        HtmlPage accepted = EmailFixture.register(refused, "eve", "eve@fine.example");
        assertEquals("", EmailFixture.fieldError(accepted, "email"), accepted.asNormalizedText());
        assertEquals("eve@fine.example", EmailFixture.users(admin, realm).get(0).path("email").asText());
    }

    @Test
    void registrationFormRefusesACombiningGraphemeJoinerWithoutAnyValidatorConfigured(KeycloakServer server, Rest admin,
                                                                                     Browser browser) throws Exception {
        String realm = EmailFixture.utf8Realm(admin, "em-register-bare");
        HtmlPage refused = EmailFixture.register(browser.open(EmailFixture.registrationUrl(server.baseUrl(), realm)),
                "adm", "ad" + CGJ + "min@fine.example");
        EmailFixture.assertFieldError(refused, "email", INVALID_MESSAGE);
        assertTrue(EmailFixture.users(admin, realm).isEmpty(), "no account: " + EmailFixture.users(admin, realm));
        EmailFixture.event(admin, realm, "REGISTER_ERROR", "invalid_email");
    }

    @Test
    void accountRestApiAndTheDenylistCheckGiveTheSameVerdict(KeycloakServer server, Rest admin) {
        String realm = EmailFixture.utf8Realm(admin, "em-account");
        EmailFixture.setRequiredAction(admin, realm, "UPDATE_EMAIL", false);
        denylistValidator(admin, realm);
        admin.post("/admin/realms/" + realm + "/denylist/import", "text/plain", "spam.example\n").expect(200);
        String id = TestRealms.createUser(admin, realm, "alice", "alice@start.example", EmailFixture.PASSWORD);
        Rest alice = EmailFixture.accountApi(server, realm, "alice");

        // refused ones first (they change nothing), then an allowed one
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("alice@spam.example", "denied");
        expected.put("alice@sp" + ZWSP + "am.example", "invalid");
        expected.put("al" + CGJ + "ice@fine.example", "invalid");
        expected.put("alice@fine" + VS16 + ".example", "invalid");
        expected.put("alice@xn--zz.example", "invalid");
        expected.put("alice@a@fine.example", "invalid");
        expected.put("alice@fine.example", "allowed");
        for (Map.Entry<String, String> row : expected.entrySet()) {
            String email = row.getKey();
            Rest.Response check = admin.get("/admin/realms/" + realm + "/denylist/check?email=" + EmailFixture.enc(email));
            String verdict = check.status() == 400 ? "invalid"
                    : check.expect(200).json().path("denied").asBoolean() ? "denied" : "allowed";
            assertEquals(row.getValue(), verdict, "check endpoint for " + escape(email) + ": " + check.body());

            Rest.Response answer = alice.post("/realms/" + realm + "/account", EmailFixture.profile("alice", email));
            if ("allowed".equals(verdict)) {
                answer.expect(204);
            } else {
                answer.expect(400);
                assertTrue(answer.body().contains("email"), answer.body());
                // Keycloak's own validator refuses some invalid addresses first (several @), with its own message
                assertTrue(answer.body().contains("denied".equals(verdict) ? "portalaccessEmailDenylisted" : INVALID_KEY)
                        || "invalid".equals(verdict) && answer.body().contains("error-invalid-email"),
                        "the account API refuses " + escape(email) + " as " + verdict + ": " + answer.body());
                assertEquals("alice@start.example", EmailFixture.emailOf(admin, realm, id), "nothing stored for " + escape(email));
            }
        }
        assertEquals("alice@fine.example", EmailFixture.emailOf(admin, realm, id));
        JsonNode event = EmailFixture.event(admin, realm, "UPDATE_EMAIL_ERROR", "invalid_email");
        assertEquals("user-profile:ACCOUNT", event.path("details").path("email_path").asText(), event.toString());
    }

    @Test
    void updateProfileRequiredActionRefusesAVariationSelector(KeycloakServer server, Rest admin, Browser browser)
            throws Exception {
        String realm = EmailFixture.utf8Realm(admin, "em-update-profile");
        EmailFixture.setRequiredAction(admin, realm, "UPDATE_EMAIL", false);
        String id = TestRealms.createUser(admin, realm, "bob", "bob@start.example", EmailFixture.PASSWORD);
        admin.put("/admin/realms/" + realm + "/users/" + id, Map.of("requiredActions", List.of("UPDATE_PROFILE"))).expect(204);

        HtmlPage page = EmailFixture.login(browser.open(EmailFixture.authUrl(server.baseUrl(), realm)), "bob",
                EmailFixture.PASSWORD);
        HtmlForm form = page.getHtmlElementById("kc-update-profile-form");
        form.getInputByName("email").setValue("b" + VS16 + "ob@new.example");
        HtmlPage refused = EmailFixture.submit(form);
        EmailFixture.assertFieldError(refused, "email", INVALID_MESSAGE);
        EmailFixture.event(admin, realm, "UPDATE_PROFILE_ERROR", "invalid_email");
        assertEquals("bob@start.example", EmailFixture.emailOf(admin, realm, id));

        form = refused.getHtmlElementById("kc-update-profile-form");
        form.getInputByName("email").setValue("bob@new.example");
        EmailFixture.submit(form);
        assertEquals("bob@new.example", EmailFixture.emailOf(admin, realm, id));
    }

    @Test
    void updateEmailRequiredActionRefusesACombiningGraphemeJoinerInTheDomain(KeycloakServer server, Rest admin,
                                                                            Browser browser) throws Exception {
        String realm = EmailFixture.realm(admin, "em-update-email");
        EmailFixture.setRequiredAction(admin, realm, "UPDATE_EMAIL", true);
        String id = TestRealms.createUser(admin, realm, "carol", "carol@start.example", EmailFixture.PASSWORD);
        admin.put("/admin/realms/" + realm + "/users/" + id, Map.of("requiredActions", List.of("UPDATE_EMAIL"))).expect(204);

        HtmlPage page = EmailFixture.login(browser.open(EmailFixture.authUrl(server.baseUrl(), realm)), "carol",
                EmailFixture.PASSWORD);
        HtmlForm form = page.getHtmlElementById("kc-update-email-form");
        form.getInputByName("email").setValue("carol@fine" + CGJ + ".example");
        HtmlPage refused = EmailFixture.submit(form);
        EmailFixture.assertFieldError(refused, "email", INVALID_MESSAGE);
        EmailFixture.event(admin, realm, "UPDATE_EMAIL_ERROR", "invalid_email");
        assertEquals("carol@start.example", EmailFixture.emailOf(admin, realm, id));
    }

    @Test
    void adminRestRefusesUnparsableAddressesWithAJsonError(Rest admin) {
        String realm = EmailFixture.utf8Realm(admin, "em-admin");
        Rest.Response created = admin.post("/admin/realms/" + realm + "/users", Map.of("username", "dave", "enabled", true,
                "email", "dave@sp" + ZWSP + "am.example", "firstName", "Dave", "lastName", "Made")).expect(400);
        assertEquals("email", created.json().path("field").asText(), created.body());
        assertEquals(INVALID_KEY, created.json().path("errorMessage").asText(), created.body());
        assertTrue(EmailFixture.users(admin, realm).isEmpty(), "nothing created");

        String id = TestRealms.createUser(admin, realm, "dave", "dave@fine.example", EmailFixture.PASSWORD);
        Rest.Response updated = admin.put("/admin/realms/" + realm + "/users/" + id, Map.of("email", "da" + CGJ + "ve@fine.example",
                "firstName", "Dave", "lastName", "Made")).expect(400);
        assertEquals("email", updated.json().path("field").asText(), updated.body());
        assertEquals(INVALID_KEY, updated.json().path("errorMessage").asText(), updated.body());
        assertEquals("dave@fine.example", EmailFixture.emailOf(admin, realm, id));
    }

    /** Puts the denylist validator on the realm's email attribute, as the service-desk export does. */
    static void denylistValidator(Rest admin, String realm) {
        JsonNode profile = admin.get("/admin/realms/" + realm + "/users/profile").expect(200).json();
        for (JsonNode attribute : profile.path("attributes")) {
            if ("email".equals(attribute.path("name").asText())) {
                ((ObjectNode) attribute.path("validations")).putObject("portal-access-email-denylist");
            }
        }
        admin.put("/admin/realms/" + realm + "/users/profile", profile).expect(200);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(cp < 0x80 ? String.valueOf((char) cp) : String.format("\\u%04X", cp)));
        return out.toString();
    }
}
