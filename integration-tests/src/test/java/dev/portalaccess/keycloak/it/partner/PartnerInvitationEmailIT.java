package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The partner-portal invitation email (its email theme, Keycloak's invite path, the real SMTP sink): its
 * text depends on whether the invited address already has an account, and it names the inviting admin by
 * display name ("First Last", or the one that is set), by username only when the admin has no name.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerInvitationEmailIT {

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final String NEW_ACCOUNT = "No Enclave account yet? The link opens the registration form for this address";
    private static final String EXISTING_ACCOUNT = "You already have an Enclave account with this address: open the link and sign in"
            + " to accept the invitation to the customer's tenant.";

    private final KeycloakServer server;
    private final MailSink mail;
    private final PartnerRealm r;
    private final String tenant;

    PartnerInvitationEmailIT(KeycloakServer server, Rest admin, MailSink mail) {
        this.server = server;
        this.mail = mail;
        this.r = PartnerRealm.create(server, admin);
        admin.put(r.base, Map.of("emailTheme", "partner-portal")).expect(204);
        // admins without a first or last name get tokens (Keycloak would ask them to complete their profile)
        Map<String, Object> verifyProfile = Rest.JSON.convertValue(
                admin.get(r.base + "/authentication/required-actions/VERIFY_PROFILE").expect(200).json(), Map.class);
        verifyProfile.put("enabled", false);
        admin.put(r.base + "/authentication/required-actions/VERIFY_PROFILE", verifyProfile).expect(204);
        this.tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);
    }

    private static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 6) + "@external.example";
    }

    /** An admin of the partner realm itself, with the given names, who may invite; returns an API client as them. */
    private Rest realmAdmin(String username, String firstName, String lastName) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@partner.example");
        user.put("emailVerified", true);
        if (firstName != null) {
            user.put("firstName", firstName);
        }
        if (lastName != null) {
            user.put("lastName", lastName);
        }
        user.put("credentials", List.of(Map.of("type", "password", "value", PartnerRealm.PASSWORD, "temporary", false)));
        String id = r.admin.post(r.base + "/users", user).expect(201).createdId();
        String management = r.admin.get(r.base + "/clients?clientId=realm-management").expect(200).list().get(0).path("id").asText();
        List<JsonNode> roles = r.admin.get(r.base + "/clients/" + management + "/roles").expect(200).list().stream()
                .filter(role -> List.of("manage-realm", "manage-users", "view-realm", "view-users").contains(role.path("name").asText()))
                .toList();
        r.admin.post(r.base + "/users/" + id + "/role-mappings/clients/" + management, roles).expect(204);
        String token = r.admin.withToken(null).passwordGrant(r.name, "admin-cli", null, username, PartnerRealm.PASSWORD)
                .expect(200).json().path("access_token").asText();
        return r.admin.withToken(token);
    }

    /** The invitation's prose: its plain-text part (the HTML part says the same) without URLs. */
    private String invite(Rest as, String email) {
        as.post(r.pa("/tenants/" + tenant + "/invitations"), Map.of("email", email, "firstName", "Ina", "lastName", "Vitee"))
                .expect(201);
        String body = mail.awaitMail(email, "tenant").decodedBody();
        int html = body.indexOf("<html");
        return URL.matcher(html < 0 ? body : body.substring(0, html)).replaceAll(" "); // the text part: same prose
    }

    private String htmlPart(String email) {
        String body = mail.awaitMail(email, "tenant").decodedBody();
        return body.substring(Math.max(0, body.indexOf("<html")));
    }

    @Test
    void someoneWithoutAnAccountIsToldTheLinkRegistersThem() {
        String email = email("newbie");
        String prose = invite(realmAdmin("pat-" + UUID.randomUUID().toString().substring(0, 4), "Pat", "Manager"), email);

        assertTrue(prose.contains(NEW_ACCOUNT), "the text for someone without an account: " + prose);
        assertTrue(htmlPart(email).contains(NEW_ACCOUNT), "the HTML part says the same");
        assertFalse(prose.contains("You already have"), "not the existing-account text: " + prose);
        assertTrue(prose.contains("Pat Manager has invited you to join acme on Enclave Partner Portal."), "the inviter by name: " + prose);
        String link = mail.awaitMail(email, "tenant").link(server.baseUrl() + "/realms/" + r.name + "/protocol/openid-connect/registrations?");
        assertTrue(link.contains("token="), link);
    }

    @Test
    void someoneWithAnAccountIsToldToSignInToAccept() {
        String email = email("existing");
        TestRealms.createUser(r.admin, r.name, "existing-" + UUID.randomUUID().toString().substring(0, 4), email, PartnerRealm.PASSWORD);
        String prose = invite(realmAdmin("sue-" + UUID.randomUUID().toString().substring(0, 4), "Sue", "Visor"), email);

        assertTrue(prose.contains(EXISTING_ACCOUNT), "the text for an existing account: " + prose);
        assertTrue(htmlPart(email).contains("You already have an Enclave account with this address: open the link and sign in"),
                "the HTML part says the same");
        assertFalse(prose.contains("No Enclave account yet"), "not the no-account text: " + prose);
        assertFalse(prose.contains("Register one first"), "not the no-account text: " + prose);
        assertTrue(prose.contains("Sue Visor has invited you"), "the inviter by name: " + prose);
        mail.awaitMail(email, "tenant").link(server.baseUrl() + "/realms/" + r.name + "/login-actions/action-token?key=");
    }

    @Test
    void theInviterIsNamedByDisplayNameAndByUsernameOnlyWithoutAName() {
        String onlyFirst = invite(realmAdmin("first-" + UUID.randomUUID().toString().substring(0, 4), "Petra", null), email("a"));
        assertTrue(onlyFirst.contains("Petra has invited you"), "an inviter with only a first name: " + onlyFirst);

        String onlyLast = invite(realmAdmin("last-" + UUID.randomUUID().toString().substring(0, 4), null, "Lindqvist"), email("b"));
        assertTrue(onlyLast.contains("Lindqvist has invited you"), "an inviter with only a last name: " + onlyLast);

        String username = "noname-" + UUID.randomUUID().toString().substring(0, 4);
        String noName = invite(realmAdmin(username, null, null), email("c"));
        assertTrue(noName.contains(username + " has invited you"), "an inviter without a name: " + noName);
    }
}
