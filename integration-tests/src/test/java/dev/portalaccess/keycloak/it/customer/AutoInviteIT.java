package dev.portalaccess.keycloak.it.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Automatic invitation of a new customer's contact email, followed through the SMTP sink and the browser. */
@KeycloakIntegrationTest
class AutoInviteIT {

    private static final String CONTACT = "portalaccess.contactEmail";

    /** The HTML part escapes '=' in the link as a numeric entity (kcSanitize). */
    private static String unescapeHtml(String text) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("&#(\\d+);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString().replace("&amp;", "&");
    }

    private static String uniqueEmail(String local) {
        return local + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    @Test
    void newCustomerContactIsInvitedAndTheLinkMakesThemAMember(KeycloakServer server, Rest admin, MailSink mail, Browser browser) throws Exception {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of("portalaccess.autoInvite.enabled", "true"));
        String email = uniqueEmail("contact");
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of(CONTACT, List.of(email)));

        MailSink.Mail invitation = mail.awaitMail(email, "Acme Corp");
        String link = unescapeHtml(invitation.link(server.baseUrl() + "/realms/" + realm.realm + "/"));
        // the action token names the portal as where the invitee lands (the portal client's base URL)
        String token = java.net.URLDecoder.decode(link.replaceAll(".*[?&]token=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("http://localhost:3000/app/", Rest.jwtPayload(token).path("reduri").asText(), "invitation leads to the portal");
        // the customer itself is unchanged: no redirect URL was stored
        JsonNode org = admin.get(realm.path("/organizations/" + acme)).expect(200).json();
        assertTrue(org.path("redirectUrl").isMissingNode() || org.path("redirectUrl").isNull() || org.path("redirectUrl").asText().isEmpty(), org.toString());
        List<JsonNode> invitations = admin.get(realm.path("/organizations/" + acme + "/invitations")).expect(200).list();
        assertEquals(email, invitations.get(0).path("email").asText());
        assertTrue(realm.adminEvents().stream().anyMatch(e -> "ORGANIZATION_MEMBERSHIP".equals(e.path("resourceType").asText())
                && "sent".equals(e.path("details").path("autoInvite").asText())), "the invitation is an admin event");

        HtmlPage registration = browser.open(link);
        HtmlForm form = registration.getFirstByXPath("//form[@id='kc-register-form']");
        if (form == null) {
            throw new AssertionError("no registration form at " + registration.getUrl() + " (from " + link + "): "
                    + registration.getWebResponse().getStatusCode() + " " + registration.asNormalizedText());
        }
        form.getInputByName("firstName").type("Casey");
        form.getInputByName("lastName").type("Contact");
        form.getInputByName("username").type("casey");
        form.getInputByName("password").type(CustomerTestRealm.PASSWORD);
        form.getInputByName("password-confirm").type(CustomerTestRealm.PASSWORD);
        // the portal itself does not run here: stop at the redirect and check where it leads
        browser.client().getOptions().setRedirectEnabled(false);
        org.htmlunit.Page after = ((org.htmlunit.html.HtmlElement) form.getFirstByXPath(".//*[@type='submit']")).click();
        String location = after.getWebResponse().getResponseHeaderValue("Location");
        for (int hop = 0; hop < 5 && location != null && location.startsWith(server.baseUrl()); hop++) {
            after = browser.get(location);
            location = after.getWebResponse().getResponseHeaderValue("Location");
        }
        assertTrue(location != null && location.startsWith("http://localhost:3000/app/"),
                "after registering, the invitee lands on the portal: " + after.getWebResponse().getStatusCode() + " " + location);

        List<JsonNode> members = admin.get(realm.path("/organizations/" + acme + "/members")).expect(200).list();
        assertEquals(1, members.size(), "the invitee is a member after registering");
        assertEquals(email, members.get(0).path("email").asText());
        realm.delete();
    }

    @Test
    void theInvitationNamesTheRealmAsInviter(KeycloakServer server, Rest admin, MailSink mail) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of("portalaccess.autoInvite.enabled", "true"),
                Map.of("emailTheme", "enterprise-portal"));
        String email = uniqueEmail("inviter");
        realm.createCustomer("acme", "Acme Corp", Map.of(CONTACT, List.of(email)));

        String body = mail.awaitMail(email, "Acme Corp").decodedBody();
        // the template attribute inviterName is the realm's display name for automatic invitations
        assertTrue(body.contains("Acme Vendor Portal has invited you to join Acme Corp"), body);
        realm.delete();
    }

    @Test
    void noInvitationWhenTheRealmSettingIsOff(KeycloakServer server, Rest admin, MailSink mail) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String email = uniqueEmail("quiet");
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of(CONTACT, List.of(email)));
        // a control customer in an auto-invite realm proves mail is flowing while we wait
        CustomerTestRealm control = CustomerTestRealm.create(admin, server, Map.of("portalaccess.autoInvite.enabled", "true"));
        String controlEmail = uniqueEmail("control");
        control.createCustomer("acme", "Acme Corp", Map.of(CONTACT, List.of(controlEmail)));
        mail.awaitMail(controlEmail, "Acme Corp", Duration.ofSeconds(30));

        assertTrue(mail.mailsTo(email).isEmpty(), "no invitation while portalaccess.autoInvite.enabled is off");
        assertTrue(admin.get(realm.path("/organizations/" + acme + "/invitations")).expect(200).list().isEmpty());
        realm.delete();
        control.delete();
    }

    @Test
    void aRefusedInvitationDoesNotUndoTheCustomerAndIsRecorded(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of("portalaccess.autoInvite.enabled", "true"));
        // the contact's address is valid but outside the customer's allowed domains: the invitation is refused
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of(CONTACT, List.of("bob@elsewhere.example"),
                "portalaccess.domainRestriction.enabled", List.of("true"),
                "portalaccess.domainRestriction.domains", List.of("acme.example")));

        admin.get(realm.path("/organizations/" + acme)).expect(200);
        assertTrue(admin.get(realm.path("/organizations/" + acme + "/invitations")).expect(200).list().isEmpty());
        List<JsonNode> events = realm.adminEvents();
        assertTrue(events.stream().anyMatch(e -> "refused".equals(e.path("details").path("autoInvite").asText())
                && e.path("details").path("reason").asText().contains("bob@elsewhere.example")), "refusal recorded: " + events);
        realm.delete();
    }

    @Test
    void aContactEmailThatIsNotAnAddressIsRefusedWithTheCustomer(KeycloakServer server, Rest admin) {
        // before the settings schema the customer was created and only the invitation refused ("Invalid email")
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of("portalaccess.autoInvite.enabled", "true"));
        JsonNode refused = admin.post(realm.path("/organizations"), Map.of("name", "Acme Corp", "alias", "acme",
                "attributes", Map.of(CONTACT, List.of("not-an-email")))).expect(400).json();
        assertTrue(refused.path("field").asText().equals(CONTACT), refused.toString());
        assertTrue(admin.get(realm.path("/organizations?search=acme")).expect(200).list().isEmpty(), "nothing stored");
        realm.delete();
    }
}
