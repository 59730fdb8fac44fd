package dev.portalaccess.keycloak.it.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The invitation link, followed from the real mail in the browser. An invitation sent while the customer
 * had no restriction (or a wider one) cannot be accepted once the restriction excludes its address: the
 * page says why, nothing is created, and a user event records the refusal.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvitationLinkDomainRestrictionIT {

    private static final String REFUSAL_TEXT = "only accepts addresses from its own email domains";

    private final Rest admin;
    private final String realm;

    InvitationLinkDomainRestrictionIT(Rest admin) {
        this.admin = admin;
        this.realm = Customers.realm(admin, "membership-link");
    }

    private String customer(Map<String, List<String>> attributes) {
        String name = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        return Customers.create(admin, realm, name, name + ".example", attributes);
    }

    private static String unique(String local, String domain) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 6) + "@" + domain;
    }

    private String invitationLink(KeycloakServer server, MailSink mail, String email) {
        // the HTML part escapes '=' as &#61; in the link
        return mail.awaitMail(email, "").link(server.baseUrl() + "/realms/" + realm + "/")
                .replace("&#61;", "=").replace("&#38;", "&");
    }

    private static Page register(Browser browser, String link, String email) {
        HtmlPage form = browser.open(link);
        return Pages.submit(form, "kc-register-form", Map.of(
                "username", email, "email", email, "firstName", "Invited", "lastName", "Person",
                "password", "Secret-pass-123", "password-confirm", "Secret-pass-123"));
    }

    @Test
    void oldInvitationOfANewUserIsRefusedAfterTheRestrictionWasTurnedOn(KeycloakServer server, MailSink mail,
            Browser browser) {
        String org = customer(Map.of());
        String email = unique("dan", "other.example");
        Customers.inviteUser(admin, realm, org, email).expect(204);
        String link = invitationLink(server, mail, email);

        Customers.putAttributes(admin, realm, org, Customers.restrictedTo("acme.com")).expect(204);
        Page result = register(browser, link, email);

        assertEquals(400, result.getWebResponse().getStatusCode(), Pages.text(result));
        assertTrue(Pages.text(result).contains(REFUSAL_TEXT), Pages.text(result));
        assertTrue(Customers.usersByEmail(admin, realm, email).isEmpty(), "the registration is rolled back");
        JsonNode event = Customers.events(admin, realm, "INVITE_ORG_ERROR").stream()
                .filter(e -> email.equals(e.path("details").path("email").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no INVITE_ORG_ERROR event for " + email));
        assertEquals("domain_not_allowed", event.path("error").asText());
        assertEquals(org, event.path("details").path("org_id").asText());
    }

    @Test
    void oldInvitationOfAnExistingUserIsRefusedAfterTheRestrictionWasTurnedOn(KeycloakServer server, MailSink mail,
            Browser browser) {
        String org = customer(Map.of());
        String email = unique("ed", "other.example");
        String userId = TestRealms.createUser(admin, realm, email, email, "Secret-pass-123");
        Customers.inviteExistingUser(admin, realm, org, userId).expect(204);
        String link = invitationLink(server, mail, email);

        Customers.putAttributes(admin, realm, org, Customers.restrictedTo("acme.com")).expect(204);
        HtmlPage confirm = browser.open(link);
        Page result = Pages.follow(confirm, "action-token");

        assertTrue(Pages.text(result).contains(REFUSAL_TEXT), Pages.text(result));
        assertFalse(Customers.isMember(admin, realm, org, userId));
        assertTrue(Customers.events(admin, realm, "INVITE_ORG_ERROR").stream()
                .anyMatch(e -> email.equals(e.path("details").path("email").asText())));
    }

    @Test
    void invitationWithinTheAllowedDomainsIsAcceptedThroughTheLink(KeycloakServer server, MailSink mail, Browser browser) {
        String org = customer(Customers.restrictedTo("acme.com"));
        String email = unique("fay", "eu.acme.com");
        Customers.inviteUser(admin, realm, org, email).expect(204);

        Page result = register(browser, invitationLink(server, mail, email), email);

        List<JsonNode> users = Customers.usersByEmail(admin, realm, email);
        assertEquals(1, users.size(), Pages.text(result));
        assertTrue(Customers.isMember(admin, realm, org, users.get(0).path("id").asText()));
        assertTrue(Customers.invitations(admin, realm, org).isEmpty(), "the invitation is used up");
    }
}
