package dev.portalaccess.keycloak.it.themes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.MailSink.Mail;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The organization (customer) invitation email of each portal's email theme, sent by Keycloak's own
 * admin REST {@code invite-user} / {@code invite-existing-user} through the real SMTP sink: it names
 * the customer and the portal, gives the expiry in days/hours (never a raw number, keycloak#34046),
 * carries the portal's brand colour and a link that opens the portal's themed page.
 */
@KeycloakIntegrationTest
class EmailThemesIT {

    private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s\"'<>]+");

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            enterprise-portal | 43200  | 12 hours               | Acme Enterprise Portal | #2f6fed
            customer-portal   | 259200 | 3 days                 | Distr Customer Portal  | #0f9d6e
            partner-portal    | 90000  | 1 day and 1 hour       | Enclave Partner Portal | #6d28d9
            service-desk      | 5400   | 1 hour and 30 minutes  | Service Desk           | #c2410c
            """)
    void invitationOfANewUserNamesCustomerExpiryAndRegistrationLink(String theme, int lifespanSeconds, String expiry,
                                                                     String portalName, String brandColour,
                                                                     KeycloakServer server, Rest admin, MailSink mail,
                                                                     Browser browser) {
        String realm = themedRealm(admin, theme, lifespanSeconds);
        String customer = "Globex & Co " + realm.substring(realm.lastIndexOf('-') + 1);
        String orgId = createOrganization(admin, realm, customer);
        String email = "jane." + realm + "@globex.test";

        admin.postForm("/admin/realms/" + realm + "/organizations/" + orgId + "/members/invite-user",
                Map.of("email", email, "firstName", "Jane", "lastName", "Doe")).expect(204);

        Mail invite = mail.awaitMail(email, customer);
        assertTrue(invite.subject().contains(portalName) || invite.subject().contains(portalName.split(" ")[0]),
                theme + ": subject names the portal: " + invite.subject());
        String body = invite.decodedBody();
        String prose = URL_IN_TEXT.matcher(body).replaceAll(" ");
        assertTrue(prose.contains(customer), theme + ": body names the customer: " + prose);
        assertTrue(prose.contains("Hello Jane Doe"), theme + ": greets the invitee by name: " + prose);
        assertHumanExpiry(theme, prose, expiry, lifespanSeconds);
        assertTrue(body.contains(portalName), theme + ": the portal's name is in the email");
        assertTrue(body.toLowerCase().contains(brandColour), theme + ": the HTML part carries the brand colour " + brandColour);

        String link = invite.link(server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/registrations?");
        assertTrue(link.contains("token="), theme + ": the registration link carries the invitation token: " + link);

        // the link works: it opens the portal's themed registration page for the invited address
        HtmlPage registration = browser.open(link);
        assertEquals(200, registration.getWebResponse().getStatusCode(), theme + ": " + link);
        assertEquals("Sign in | " + portalName, registration.getTitleText(), theme + ": the link opens the portal's themed page");
        DomElement emailField = registration.getElementById("email");
        assertNotNull(emailField, theme + ": registration form: " + registration.asXml());
        assertEquals(email, emailField.getAttribute("value"), theme + ": the invited address is filled in");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"enterprise-portal, Acme Enterprise Portal", "customer-portal, Distr Customer Portal",
            "partner-portal, Enclave Partner Portal", "service-desk, Service Desk"})
    void invitationOfAnExistingUserCarriesTheActionTokenLink(String theme, String portalName, KeycloakServer server,
                                                             Rest admin, MailSink mail) {
        String realm = themedRealm(admin, theme, 172800);
        String customer = "Initech " + realm.substring(realm.lastIndexOf('-') + 1);
        String orgId = createOrganization(admin, realm, customer);
        String email = "peter." + realm + "@globex.test";
        String userId = TestRealms.createUser(admin, realm, "peter", email, "Secret-123");

        admin.postForm("/admin/realms/" + realm + "/organizations/" + orgId + "/members/invite-existing-user",
                Map.of("id", userId)).expect(204);

        Mail invite = mail.awaitMail(email, customer);
        String prose = URL_IN_TEXT.matcher(invite.decodedBody()).replaceAll(" ");
        assertTrue(prose.contains("Hello Test peter"), theme + ": greets the existing user by name: " + prose);
        assertTrue(prose.contains(portalName), theme + ": names the portal");
        assertHumanExpiry(theme, prose, "2 days", 172800);
        String link = invite.link(server.baseUrl() + "/realms/" + realm + "/login-actions/action-token?key=");
        assertTrue(link.length() > 60, theme + ": action token link: " + link);
    }

    private static void assertHumanExpiry(String theme, String prose, String expiry, int lifespanSeconds) {
        assertTrue(prose.contains("This invitation expires in " + expiry + "."),
                theme + ": expiry in human units ('" + expiry + "'): " + prose);
        for (String raw : List.of(String.valueOf(lifespanSeconds), String.valueOf(lifespanSeconds / 60),
                String.valueOf(lifespanSeconds * 1000L))) {
            assertFalse(Pattern.compile("\\b" + raw + "\\b").matcher(prose).find(),
                    theme + ": no raw lifespan number " + raw + " in the text: " + prose);
        }
    }

    private static String themedRealm(Rest admin, String theme, int lifespanSeconds) {
        return TestRealms.create(admin, Map.of(
                "realm", TestRealms.uniqueName("mail-" + theme),
                "organizationsEnabled", true,
                "loginTheme", theme,
                "emailTheme", theme,
                "actionTokenGeneratedByAdminLifespan", lifespanSeconds));
    }

    private static String createOrganization(Rest admin, String realm, String name) {
        String alias = name.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return admin.post("/admin/realms/" + realm + "/organizations", Map.of(
                "name", name,
                "alias", alias,
                "enabled", true,
                "domains", List.of(Map.of("name", alias + ".test")))).expect(201).createdId();
    }
}
