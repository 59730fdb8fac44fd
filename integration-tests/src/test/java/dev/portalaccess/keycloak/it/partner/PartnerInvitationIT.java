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
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** External users invited by email: Keycloak's persisted invitations, its mail and its link, in a browser. */
@KeycloakIntegrationTest
class PartnerInvitationIT {

    static String email(String who) {
        return who + "-" + java.util.UUID.randomUUID().toString().substring(0, 6) + "@external.example";
    }

    static JsonNode invite(PartnerRealm r, String tenant, String email) {
        return r.admin.post(r.pa("/tenants/" + tenant + "/invitations"), Map.of("email", email, "firstName", "Ext", "lastName", "User"))
                .expect(201).json();
    }

    static String link(KeycloakServer server, MailSink mail, String email) {
        // Keycloak's personalised text part HTML-escapes '=' in the link as &#61;
        return mail.awaitMail(email, "Invitation").link(server.baseUrl() + "/realms/").replace("&#61;", "=");
    }

    private static String userIdByEmail(PartnerRealm r, String email) {
        List<JsonNode> users = r.admin.get(r.base + "/users?exact=true&email=" + email).expect(200).list();
        return users.isEmpty() ? null : users.get(0).get("id").asText();
    }

    @Test
    void someoneWithoutAnAccountRegistersWithTheInvitedAddressAndGetsAccess(KeycloakServer server, Rest admin, MailSink mail, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);
        String email = email("newbie");

        JsonNode invitation = invite(r, tenant, email);
        assertEquals("PENDING", invitation.get("status").asText());
        assertTrue(r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().stream()
                .anyMatch(i -> i.get("email").asText().equals(email)), "listed as pending");
        String link = link(server, mail, email);
        assertTrue(link.contains("/protocol/openid-connect/registrations"), "a registration link for someone without an account: " + link);

        HtmlPage page = browser.open(link);
        HtmlForm form = page.getHtmlElementById("kc-register-form");
        assertEquals(email, form.getInputByName("email").getValue(), "the invited address");
        form.getInputByName("username").setValue("newbie");
        form.getInputByName("firstName").setValue("New");
        form.getInputByName("lastName").setValue("Bie");
        form.getInputByName("password").setValue(PartnerRealm.PASSWORD);
        form.getInputByName("password-confirm").setValue(PartnerRealm.PASSWORD);
        submit(form);

        String userId = userIdByEmail(r, email);
        assertTrue(userId != null, "registered");
        assertTrue(r.hasAccess(tenant, userId), "access to the tenant after registering through the invitation");
        assertFalse(r.isStaff(userId), "external users do not become partner staff");
        assertTrue(r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().isEmpty(), "the invitation is used up");
    }

    @Test
    void someoneWithAnAccountSignsInBeforeAccepting(KeycloakServer server, Rest admin, MailSink mail, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);
        String email = email("existing");
        String userId = TestRealms.createUser(admin, r.name, "existing", email, PartnerRealm.PASSWORD);
        admin.put(r.base + "/users/" + userId, Map.of("emailVerified", false)).expect(204);
        String portal = r.portalSignInUrl(server);
        admin.put(r.base, Map.of("attributes", Map.of("portalaccess.partner.enabled", "true", "portalaccess.partner.portalUrl", portal)))
                .expect(204);

        invite(r, tenant, email);
        String link = link(server, mail, email);
        assertTrue(link.contains("/login-actions/action-token"), link);
        assertFalse(r.hasAccess(tenant, userId), "no access before accepting");

        // the link alone neither signs in, nor grants access, nor verifies the address: it asks for the
        // invited account's sign-in, in this same browser session
        HtmlPage page = browser.open(link);
        HtmlAnchor proceed = page.getFirstByXPath("//a[contains(@href, 'action-token')]");
        if (proceed != null) {
            page = proceed.click();
        }
        assertTrue(page.asNormalizedText().contains("Sign in with the invited account to accept"), page.asNormalizedText());
        assertFalse(r.hasAccess(tenant, userId), "the link alone gives no access");
        assertFalse(admin.get(r.base + "/users/" + userId).expect(200).json().get("emailVerified").asBoolean(),
                "the link alone verifies nothing");
        assertTrue(admin.get(r.base + "/users/" + userId + "/sessions").expect(200).list().isEmpty(), "not signed in by the link");
        assertEquals(1, r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().size(), "still pending");

        HtmlPage accept = signIn(page, "existing");
        HtmlForm acceptForm = accept.getHtmlElementById("portalaccess-tenant-invitation");
        assertTrue(accept.asNormalizedText().contains("acme"), "names the tenant: " + accept.asNormalizedText());
        assertFalse(r.hasAccess(tenant, userId), "not before the click");
        HtmlPage done = acceptForm.getInputByName("accept").click();

        assertTrue(r.hasAccess(tenant, userId), "access after signing in and accepting");
        assertFalse(r.isStaff(userId));
        assertTrue(admin.get(r.base + "/users/" + userId).expect(200).json().get("emailVerified").asBoolean(),
                "the link and the sign-in in one session proved the mailbox");
        assertTrue(r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().isEmpty(), "the invitation is used up");
        List<JsonNode> events = admin.get(r.base + "/events?type=INVITE_ORG&user=" + userId).expect(200).list();
        assertTrue(events.stream().anyMatch(e -> tenant.equals(e.path("details").path("org_id").asText())), events.toString());
        HtmlAnchor back = done.getFirstByXPath("//a[contains(@href, 'client_id=portal')]");
        assertTrue(back != null, "then on to the partner portal: " + done.asXml());
    }

    @Test
    void theLinkOffersEveryPendingInvitationToTheProvenAddressAndTheyMayBePutOff(KeycloakServer server, Rest admin, MailSink mail, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String acme = r.tenant("acme");
        String globex = r.tenant("globex");
        r.grant(acme, r.staff("keeper")).expect(201);
        r.grant(globex, r.staff("keeper2")).expect(201);
        String email = email("later");
        String userId = TestRealms.createUser(admin, r.name, "later", email, PartnerRealm.PASSWORD);
        invite(r, acme, email);
        String acmeLink = link(server, mail, email);
        invite(r, globex, email);
        // a realm created with partner access on has the "join a tenant" required action enabled
        assertTrue(admin.get(r.base + "/authentication/required-actions/portal-access-tenant-invitation").expect(200).json()
                .get("enabled").asBoolean());

        // signing in without the link offers nothing: the account's verified flag proves nothing about this person
        try (Browser plain = new Browser()) {
            HtmlPage none = signIn(plain.open(r.portalSignInUrl(server)), "later");
            assertTrue(none.getElementById("portalaccess-tenant-invitation") == null, none.asNormalizedText());
        }

        // one link proves the mailbox: both invitations to it are offered; "Not now" keeps them pending
        HtmlPage offer = signIn(browser.open(acmeLink), "later");
        assertTrue(offer.asNormalizedText().contains("acme") && offer.asNormalizedText().contains("globex"), offer.asNormalizedText());
        offer.getHtmlElementById("kc-decline").click();
        assertFalse(r.hasAccess(acme, userId));
        assertFalse(r.hasAccess(globex, userId));
        assertEquals(1, r.admin.get(r.pa("/tenants/" + acme + "/invitations")).expect(200).list().size(), "put off, still pending");

        // the link again, another browser: accept only one of the two
        try (Browser again = new Browser()) {
            HtmlPage offer2 = signIn(again.open(acmeLink), "later");
            HtmlForm choose = offer2.getHtmlElementById("portalaccess-tenant-invitation");
            for (var box : choose.getInputsByName("invitationId")) {
                String tenantName = ((HtmlElement) box.getParentNode()).asNormalizedText();
                ((org.htmlunit.html.HtmlCheckBoxInput) box).setChecked(tenantName.contains("globex"));
            }
            choose.getInputByName("accept").click();
        }
        assertFalse(r.hasAccess(acme, userId), "not chosen");
        assertTrue(r.hasAccess(globex, userId), "chosen");
        assertEquals(1, r.admin.get(r.pa("/tenants/" + acme + "/invitations")).expect(200).list().size());
    }

    @Test
    void keycloaksOwnInvitationDeleteKeepsTheLastWayIn(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("fresh");
        String only = invite(r, tenant, email("only")).get("id").asText();

        Rest.Response refused = admin.delete(r.base + "/organizations/" + tenant + "/invitations/" + only);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.json().path("error_description").asText().contains("At least one user must keep access to tenant 'fresh'"),
                refused.body());
        assertEquals(1, r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().size(), "nothing removed");

        // once someone has access, Keycloak's DELETE works as before
        r.grant(tenant, r.staff("keeper")).expect(201);
        admin.delete(r.base + "/organizations/" + tenant + "/invitations/" + only).expect(204);
        assertTrue(r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().isEmpty());
    }

    @Test
    void cancelledAndExpiredInvitationsCannotBeUsed(KeycloakServer server, Rest admin, MailSink mail, Browser browser) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("acme");
        r.grant(tenant, r.staff("keeper")).expect(201);

        String cancelledEmail = email("cancelled");
        String cancelledUser = TestRealms.createUser(admin, r.name, "cancelled", cancelledEmail, PartnerRealm.PASSWORD);
        JsonNode cancelled = invite(r, tenant, cancelledEmail);
        String cancelledLink = link(server, mail, cancelledEmail);
        r.admin.delete(r.pa("/tenants/" + tenant + "/invitations/" + cancelled.get("id").asText())).expect(204);
        assertTrue(r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().isEmpty());
        List<JsonNode> events = admin.get(r.base + "/admin-events?resourceTypes=ORGANIZATION_MEMBERSHIP&operationTypes=DELETE").expect(200).list();
        assertTrue(events.stream().anyMatch(e -> e.path("resourcePath").asText().contains("/invitations/")));

        HtmlPage page = browser.open(cancelledLink);
        HtmlAnchor proceed = page.getFirstByXPath("//a[contains(@href, 'action-token')]");
        if (proceed != null) {
            proceed.click();
        }
        assertFalse(r.hasAccess(tenant, cancelledUser), "a cancelled invitation gives no access");

        // expired: invitations of this realm live 3 seconds
        admin.put(r.base, Map.of("actionTokenGeneratedByAdminLifespan", 3)).expect(204);
        String expiredEmail = email("expired");
        invite(r, tenant, expiredEmail);
        String expiredLink = link(server, mail, expiredEmail);
        Thread.sleep(4500);
        assertTrue(r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().isEmpty(), "expired ones are not pending");
        HtmlPage expired = browser.open(expiredLink);
        assertFalse(expired.getUrl().toString().contains("registrations") && expired.getElementById("kc-register-form") != null,
                "no registration form for an expired invitation: " + expired.asNormalizedText());
        assertEquals(null, userIdByEmail(r, expiredEmail));
    }

    @Test
    void theLastPendingInvitationOfAnEmptyTenantCannotBeCancelled(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("fresh");
        String first = invite(r, tenant, email("first")).get("id").asText();

        JsonNode refused = r.admin.delete(r.pa("/tenants/" + tenant + "/invitations/" + first)).expect(409).json();
        assertEquals("lastTenantAccess", refused.get("error").asText());

        String second = invite(r, tenant, email("second")).get("id").asText();
        r.admin.delete(r.pa("/tenants/" + tenant + "/invitations/" + first)).expect(204);
        r.admin.delete(r.pa("/tenants/" + tenant + "/invitations/" + second)).expect(409);
        assertEquals(1, r.admin.get(r.pa("/tenants/" + tenant + "/invitations")).expect(200).list().size());
        r.admin.delete(r.pa("/tenants/" + tenant + "/invitations/unknown")).expect(404);
    }

    @Test
    void badInvitationsAreRefusedWithAReason(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("acme");
        r.staff("alice");

        JsonNode missing = r.admin.post(r.pa("/tenants/" + tenant + "/invitations"), Map.of()).expect(400).json();
        assertEquals("email", missing.get("field").asText());
        assertEquals("invalidEmail", r.admin.post(r.pa("/tenants/" + tenant + "/invitations"), Map.of("email", "not-an-email"))
                .expect(400).json().get("error").asText());
        JsonNode partner = r.admin.post(r.pa("/tenants/" + tenant + "/invitations"), Map.of("email", "alice@partner.example")).expect(400).json();
        assertEquals("partnerUser", partner.get("error").asText());
        assertEquals("email", partner.get("field").asText());
    }

    /** Keycloak's sign-in (identity-first with organizations: username, then password) up to the next page. */
    static HtmlPage signIn(HtmlPage page, String username) throws Exception {
        for (int step = 0; step < 3 && page.getElementById("kc-form-login") != null; step++) {
            HtmlForm form = page.getHtmlElementById("kc-form-login");
            if (!form.getInputsByName("username").isEmpty() && !"hidden".equals(form.getInputsByName("username").get(0).getTypeAttribute())) {
                form.getInputByName("username").setValue(username);
            }
            if (!form.getInputsByName("password").isEmpty()) {
                form.getInputByName("password").setValue(PartnerRealm.PASSWORD);
            }
            page = ((HtmlElement) form.getFirstByXPath(".//*[@type='submit']")).click();
        }
        return page;
    }

    private static void submit(HtmlForm form) throws Exception {
        HtmlElement button = form.getFirstByXPath(".//*[@type='submit']");
        button.click();
    }
}
