package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * The "grant portal access" email of email self-registration is the portal's own invitation, in the realm's
 * email theme, and a mail that could not be sent is reported and sent again on the next intake call.
 */
@KeycloakIntegrationTest
class PortalInvitationEmailIT {

    @Test
    void theInvitationReadsAsTheServiceDesksInvitationInItsTheme(KeycloakServer server, Rest admin, MailSink mail, Browser browser)
            throws Exception {
        SelfRegistrationRealm r = serviceDesk(admin, server, 43200, Map.of());

        JsonNode created = EmailSelfRegistrationIT.intake(server, r)
                .post(EmailSelfRegistrationIT.endpoint(r), Map.of("email", "greta.invite@anywhere.test", "name", "Greta Green")).expect(201).json();
        MailSink.Mail invitation = mail.awaitMail("greta.invite@anywhere.test", "");
        assertEquals("Your Service Desk account is ready: set your password", invitation.subject());
        assertTrue(created.path("inviteSent").asBoolean(), created.toString());
        String body = invitation.decodedBody();
        assertContains(body, "Acme Help Desk has set up an account for you on Service Desk", "who invites");
        assertContains(body, "Hello Greta Green,", "greeting");
        assertContains(body, "Set your password", "what to do");
        assertContains(body, "sign in to Service Desk with your email address greta.invite@anywhere.test", "how to sign in");
        assertContains(body, "This link expires in 12 hours.", "expiry in human units");
        assertContains(body, "#c2410c", "the service desk's brand colour");
        for (String stock : List.of("Update Your Account", "administrator has just requested", "43200", "720 minutes")) {
            assertFalse(body.contains(stock), "stock or raw text <" + stock + "> in:\n" + body);
        }

        EmailSelfRegistrationIT.acceptInvitation(browser, server, r, invitation, "Invited-123");
        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "greta.invite@anywhere.test", "Invited-123").expect(200);
    }

    @Test
    void theInvitationIsInTheRealmsLanguage(KeycloakServer server, Rest admin, MailSink mail) {
        SelfRegistrationRealm r = serviceDesk(admin, server, 259200, Map.of(
                "internationalizationEnabled", true, "supportedLocales", List.of("de", "en"), "defaultLocale", "de"));

        EmailSelfRegistrationIT.intake(server, r)
                .post(EmailSelfRegistrationIT.endpoint(r), Map.of("email", "hans.invite@anywhere.test", "name", "Hans Holz")).expect(201);

        MailSink.Mail invitation = mail.awaitMail("hans.invite@anywhere.test", "");
        assertEquals("Ihr Service-Desk-Konto ist bereit: Passwort festlegen", invitation.subject());
        String body = invitation.decodedBody();
        assertContains(body, "Passwort festlegen", "what to do");
        assertContains(body, "3 Tagen ab", "expiry in human units");
        assertContains(body, "Acme Help Desk hat f", "who invites");
    }

    @Test
    void anInvitationThatCannotBeSentIsReportedAndSentAgainOnTheNextCall(KeycloakServer server, Rest admin, MailSink mail,
                                                                       Browser browser) throws Exception {
        Map<String, String> down = new HashMap<>(mail.smtpServerConfig());
        down.put("port", String.valueOf(closedPort()));
        SelfRegistrationRealm r = serviceDesk(admin, server, 43200, Map.of("smtpServer", down));
        Map<String, String> request = Map.of("email", "ivy.invite@anywhere.test", "name", "Ivy Ink");

        JsonNode created = EmailSelfRegistrationIT.intake(server, r).post(EmailSelfRegistrationIT.endpoint(r), request).expect(201).json();
        assertEquals("created", created.path("result").asText());
        assertFalse(created.path("inviteSent").asBoolean(), created.toString());
        assertEquals("mail_not_sent", created.path("inviteFailure").asText(), created.toString());
        assertContains(created.path("inviteFailureMessage").asText(), "could not be sent", "reason");
        String id = created.path("userId").asText();

        JsonNode stillDown = EmailSelfRegistrationIT.intake(server, r).post(EmailSelfRegistrationIT.endpoint(r), request).expect(200).json();
        assertEquals(id, stillDown.path("userId").asText());
        assertFalse(stillDown.path("inviteSent").asBoolean(), stillDown.toString());

        admin.put("/admin/realms/" + r.realm, Map.of("smtpServer", mail.smtpServerConfig())).expect(204);
        JsonNode resent = EmailSelfRegistrationIT.intake(server, r).post(EmailSelfRegistrationIT.endpoint(r), request).expect(200).json();
        assertEquals("exists", resent.path("result").asText());
        assertTrue(resent.path("inviteSent").asBoolean(), resent.toString());
        MailSink.Mail invitation = mail.awaitMail("ivy.invite@anywhere.test", "");
        EmailSelfRegistrationIT.acceptInvitation(browser, server, r, invitation, "Invited-123");

        // once the password is set, the intake has nothing to resend
        JsonNode done = EmailSelfRegistrationIT.intake(server, r).post(EmailSelfRegistrationIT.endpoint(r), request).expect(200).json();
        assertTrue(done.path("inviteSent").isMissingNode(), done.toString());
        assertEquals(1, mail.mailsTo("ivy.invite@anywhere.test").size(), "one invitation only");
    }

    /** A realm in the service-desk email theme with email registration granting portal access. */
    private static SelfRegistrationRealm serviceDesk(Rest admin, KeycloakServer server, int adminActionLifespan,
                                                     Map<String, Object> realmSettings) {
        SelfRegistrationRealm r = EmailSelfRegistrationIT.setUp(admin, server, policy("ANYONE", "emailRegistration=true",
                "grantPortalAccess=true"));
        Map<String, Object> update = new HashMap<>(realmSettings);
        update.put("displayName", "Acme Help Desk");
        update.put("emailTheme", "service-desk");
        update.put("actionTokenGeneratedByAdminLifespan", adminActionLifespan);
        admin.put("/admin/realms/" + r.realm, update).expect(204);
        return r;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
