package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The squatting attack, end to end: with registration open and email verification off, an attacker
 * registers the invitee's address before the invitation is sent. The invitation then goes (as Keycloak's
 * link for an existing account) to the real invitee's mailbox. The invitee opening the link must not hand
 * the attacker anything: no verified address, no offer at the attacker's next sign-in, no tenant. The real
 * invitee still gets the tenant by proving the mailbox in their own browser session: the link, then
 * Keycloak's "Forgot password?" on its sign-in form, which (the link having proven the mailbox in this
 * session) sets a new password and signs the squatter out: the account is taken over, then accepted.
 */
@KeycloakIntegrationTest
class PartnerInvitationSquatIT {

    private static final String SQUATTER_PASSWORD = "Squatt3r!";
    private static final String INVITEE_PASSWORD = "Inv1tee-own!";

    @Test
    void anAccountThatSquatsTheInviteesAddressNeverGetsTheTenant(KeycloakServer server, Rest admin, MailSink mail,
            Browser invitee) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        admin.put(r.base, Map.of("registrationAllowed", true, "verifyEmail", false, "resetPasswordAllowed", true)).expect(204);
        String tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);
        String victim = "victim-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@external.example";

        // 1. the squatter registers the invitee's address (verification off: nobody checks the mailbox)
        String squatterId;
        try (Browser squatter = new Browser()) {
            HtmlPage form = squatter.open(server.baseUrl() + "/realms/" + r.name + "/protocol/openid-connect/registrations"
                    + "?client_id=portal&response_type=code&scope=openid&redirect_uri="
                    + URLEncoder.encode(server.baseUrl() + "/realms/" + r.name + "/portal-callback", StandardCharsets.UTF_8));
            HtmlForm register = form.getHtmlElementById("kc-register-form");
            register.getInputByName("username").setValue("squatter");
            register.getInputByName("email").setValue(victim);
            register.getInputByName("firstName").setValue("Not");
            register.getInputByName("lastName").setValue("Victim");
            register.getInputByName("password").setValue(SQUATTER_PASSWORD);
            register.getInputByName("password-confirm").setValue(SQUATTER_PASSWORD);
            submit(register);
            squatterId = userIdByEmail(r, victim);
            assertNotNull(squatterId, "the squatter registered " + victim);
            assertFalse(user(r, squatterId).get("emailVerified").asBoolean());
        }

        // 2. the invitation: Keycloak finds the (squatter's) account and mails its link to the real mailbox
        r.admin.post(r.pa("/tenants/" + tenant + "/invitations"), Map.of("email", victim, "firstName", "Real", "lastName", "Invitee"))
                .expect(201);
        String link = mail.awaitMail(victim, "Invitation").link(server.baseUrl() + "/realms/").replace("&#61;", "=");
        assertTrue(link.contains("/login-actions/action-token"), "the link for an existing account: " + link);

        // 3. the real invitee opens it in their own browser
        HtmlPage afterLink = invitee.open(link);
        HtmlAnchor confirm = afterLink.getFirstByXPath("//a[contains(@href, 'action-token')]");
        if (confirm != null) {
            afterLink = confirm.click();
        }

        // 4. the squatter signs in at the portal in their own browser and takes whatever is offered
        try (Browser squatter = new Browser()) {
            HtmlPage page = signIn(squatter.open(r.portalSignInUrl(server)), "squatter", SQUATTER_PASSWORD);
            if (page.getElementById("portalaccess-tenant-invitation") != null) {
                ((HtmlElement) page.getHtmlElementById("portalaccess-tenant-invitation").getFirstByXPath(".//*[@name='accept']")).click();
            }
        }
        assertFalse(r.hasAccess(tenant, squatterId), "the squatter gained the tenant through the invitee's click on the link");
        assertFalse(user(r, squatterId).get("emailVerified").asBoolean(),
                "the link verified the squatter's address for them (nobody had signed in in the invitee's browser)");
        assertEquals(1, r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().size(), "still pending");

        // 5. the real invitee: the link led to the sign-in of the invited account, in the same session
        HtmlForm login = afterLink.getHtmlElementById("kc-form-login");
        assertTrue(afterLink.asNormalizedText().contains("Sign in with the invited account"), afterLink.asNormalizedText());
        assertTrue(login.getInputsByName("username").isEmpty()
                        || "hidden".equals(login.getInputsByName("username").get(0).getTypeAttribute()),
                "the account is the invited one, not a choice: " + login.asXml());
        // they do not know the squatter's password: "Forgot password?". The link already proved the mailbox in
        // this session, so Keycloak skips its reset mail and asks for a new password at once (the takeover)
        HtmlAnchor forgot = afterLink.getFirstByXPath("//a[contains(@href, 'reset-credentials')]");
        assertNotNull(forgot, "a way to take the account over: " + afterLink.asXml());
        List<String> squatterSessions = sessionIds(r, squatterId);
        assertFalse(squatterSessions.isEmpty(), "the squatter is signed in somewhere");
        HtmlPage update = forgot.click();
        HtmlForm newPassword = update.getHtmlElementById("kc-passwd-update-form");
        assertTrue(update.getElementById("portalaccess-tenant-invitation") == null, "the new password comes before the tenant");
        newPassword.getInputByName("password-new").setValue(INVITEE_PASSWORD);
        newPassword.getInputByName("password-confirm").setValue(INVITEE_PASSWORD);
        HtmlPage offer = submit(newPassword);
        HtmlForm accept = offer.getHtmlElementById("portalaccess-tenant-invitation");
        assertTrue(offer.asNormalizedText().contains("acme"), offer.asNormalizedText());
        submit(accept, "accept");

        assertTrue(r.hasAccess(tenant, squatterId), "the real invitee, owning the account now, has the tenant");
        assertTrue(user(r, squatterId).get("emailVerified").asBoolean(), "proven in the accepting session");
        assertTrue(r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().isEmpty(), "used up");
        Rest.Response old = Rest.anonymous(server).passwordGrant(r.name, "portal", null, "squatter", SQUATTER_PASSWORD);
        assertTrue(old.status() >= 400 && old.body().contains("invalid_grant"), "the squatter's password is gone: " + old.body());
        List<String> now = sessionIds(r, squatterId);
        assertTrue(squatterSessions.stream().noneMatch(now::contains), "and the squatter's sessions: " + squatterSessions + " / " + now);
        Rest.Response own = Rest.anonymous(server).passwordGrant(r.name, "portal", null, "squatter", INVITEE_PASSWORD);
        assertEquals(200, own.status(), "the account is the invitee's now: " + own.body());
        List<JsonNode> events = admin.get(r.base + "/events?type=INVITE_ORG&user=" + squatterId).expect(200).list();
        assertTrue(events.stream().anyMatch(e -> tenant.equals(e.path("details").path("org_id").asText())), events.toString());
    }

    @Test
    void aSignInWithoutTheLinkIsOfferedNothingEvenWithAVerifiedAddress(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);
        String email = "verified-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@external.example";
        String userId = dev.portalaccess.keycloak.testsupport.TestRealms.createUser(admin, r.name, "verified", email, PartnerRealm.PASSWORD);
        r.admin.post(r.pa("/tenants/" + tenant + "/invitations"), Map.of("email", email)).expect(201);

        HtmlPage page = signIn(browser.open(r.portalSignInUrl(server)), "verified", PartnerRealm.PASSWORD);
        assertNull(page.getElementById("portalaccess-tenant-invitation"),
                "no proof of the mailbox in this session, so no offer: " + page.asNormalizedText());
        assertFalse(r.hasAccess(tenant, userId));
    }

    private static String userIdByEmail(PartnerRealm r, String email) {
        List<JsonNode> users = r.admin.get(r.base + "/users?exact=true&email=" + email).expect(200).list();
        return users.isEmpty() ? null : users.get(0).get("id").asText();
    }

    private static List<String> sessionIds(PartnerRealm r, String userId) {
        return r.admin.get(r.base + "/users/" + userId + "/sessions").expect(200).list().stream().map(n -> n.get("id").asText()).toList();
    }

    private static JsonNode user(PartnerRealm r, String id) {
        return r.admin.get(r.base + "/users/" + id).expect(200).json();
    }

    /** Keycloak's sign-in (identity-first with organizations: username, then password) up to the next page. */
    static HtmlPage signIn(HtmlPage page, String username, String password) throws Exception {
        for (int step = 0; step < 3 && page.getElementById("kc-form-login") != null; step++) {
            HtmlForm form = page.getHtmlElementById("kc-form-login");
            if (!form.getInputsByName("username").isEmpty() && !"hidden".equals(form.getInputsByName("username").get(0).getTypeAttribute())) {
                form.getInputByName("username").setValue(username);
            }
            if (!form.getInputsByName("password").isEmpty()) {
                form.getInputByName("password").setValue(password);
            }
            page = submit(form);
        }
        return page;
    }

    static HtmlPage submit(HtmlForm form) throws Exception {
        return ((HtmlElement) form.getFirstByXPath(".//*[@type='submit']")).click();
    }

    static HtmlPage submit(HtmlForm form, String name) throws Exception {
        return ((HtmlElement) form.getFirstByXPath(".//*[@name='" + name + "']")).click();
    }
}
