package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * A tenant membership is access, not ownership: revoking it (this API, Keycloak's member DELETE, deleting
 * the tenant) never deletes the account, also for someone who registered through an invitation, whom
 * Keycloak would make a "managed" member whose account goes with the membership.
 */
@KeycloakIntegrationTest
class PartnerRevokeKeepsAccountIT {

    @Test
    void revokingAnExternalUserWhoRegisteredThroughTheInvitationKeepsTheAccountAndTheOtherTenants(KeycloakServer server, Rest admin,
            MailSink mail, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String acme = r.tenant("acme");
        String globex = r.tenant("globex");
        String keeper = r.staff("keeper");
        r.grant(acme, keeper).expect(201);
        r.grant(globex, keeper).expect(201);
        String email = "ext-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@external.example";

        r.admin.post(r.pa("/tenants/" + acme + "/invitations"), Map.of("email", email, "firstName", "Ext", "lastName", "User")).expect(201);
        String userId = register(r, browser, link(server, mail, email), "external");
        assertTrue(r.hasAccess(acme, userId), "access through the invitation");
        assertEquals("UNMANAGED", membershipType(r, acme, userId), "a tenant membership does not own the account");
        // a second tenant, through Keycloak's own member API
        admin.post(r.base + "/organizations/" + globex + "/members", "application/json", "\"" + userId + "\"").expect(201);

        r.revoke(acme, userId).expect(204);
        assertEquals(200, admin.get(r.base + "/users/" + userId).status(), "revoking one tenant keeps the account");
        assertFalse(r.hasAccess(acme, userId));
        assertTrue(r.hasAccess(globex, userId), "and the other tenant");

        admin.delete(r.base + "/organizations/" + globex + "/members/" + userId).expect(204);
        assertEquals(200, admin.get(r.base + "/users/" + userId).status(), "Keycloak's member DELETE keeps the account too");
        assertFalse(r.hasAccess(globex, userId));
    }

    @Test
    void managedMembersMadeBeforePartnerAccessKeepTheirAccountsOnRevokeAndTenantDeletion(KeycloakServer server, Rest admin,
            MailSink mail, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        // partner access off: Keycloak's own invitation makes managed members, as it did before this fix
        admin.put(r.base, Map.of("attributes", Map.of("portalaccess.partner.enabled", "false"))).expect(204);
        String acme = r.tenant("acme");
        String initech = r.tenant("initech");
        String first = "first-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@external.example";
        String second = "second-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@external.example";
        admin.postForm(r.base + "/organizations/" + acme + "/members/invite-user", Map.of("email", first)).expect(204);
        String firstId = register(r, browser, link(server, mail, first), "first");
        admin.post(r.base + "/organizations/" + initech + "/members", "application/json", "\"" + firstId + "\"").expect(201);
        admin.postForm(r.base + "/organizations/" + initech + "/members/invite-user", Map.of("email", second)).expect(204);
        String secondId;
        try (Browser other = new Browser()) {
            secondId = register(r, other, link(server, mail, second), "second");
        }
        assertEquals("MANAGED", membershipType(r, acme, firstId), "Keycloak made a managed member");
        assertEquals("MANAGED", membershipType(r, initech, secondId));

        admin.put(r.base, Map.of("attributes", Map.of("portalaccess.partner.enabled", "true"))).expect(204);
        r.grant(acme, r.staff("keeper")).expect(201);

        admin.delete(r.base + "/organizations/" + acme + "/members/" + firstId).expect(204);
        assertEquals(200, admin.get(r.base + "/users/" + firstId).status(), "an existing managed member keeps the account");
        assertTrue(r.hasAccess(initech, firstId), "and the other tenant");

        admin.delete(r.base + "/organizations/" + initech).expect(204);
        assertEquals(200, admin.get(r.base + "/users/" + secondId).status(), "deleting a tenant deletes no account");
        assertEquals(200, admin.get(r.base + "/users/" + firstId).status());
    }

    static String link(KeycloakServer server, MailSink mail, String email) {
        return mail.awaitMail(email, "Invitation").link(server.baseUrl() + "/realms/").replace("&#61;", "=");
    }

    /** Registers through an invitation's registration link; returns the new user's id. */
    static String register(PartnerRealm r, Browser browser, String link, String username) throws Exception {
        HtmlPage page = browser.open(link);
        HtmlForm form = page.getHtmlElementById("kc-register-form");
        String email = form.getInputByName("email").getValue();
        form.getInputByName("username").setValue(username);
        form.getInputByName("firstName").setValue("Ext");
        form.getInputByName("lastName").setValue(username);
        form.getInputByName("password").setValue(PartnerRealm.PASSWORD);
        form.getInputByName("password-confirm").setValue(PartnerRealm.PASSWORD);
        ((HtmlElement) form.getFirstByXPath(".//*[@type='submit']")).click();
        List<JsonNode> users = r.admin.get(r.base + "/users?exact=true&email=" + email).expect(200).list();
        assertEquals(1, users.size(), "registered " + email);
        return users.get(0).get("id").asText();
    }

    private static String membershipType(PartnerRealm r, String tenant, String userId) {
        return r.admin.get(r.base + "/organizations/" + tenant + "/members/" + userId).expect(200).json().get("membershipType").asText();
    }
}
