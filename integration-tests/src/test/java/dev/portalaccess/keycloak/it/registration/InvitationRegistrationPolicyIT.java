package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * An organization invitation is not self-registration: the invitee registers through the invitation email's
 * link whatever the policy, with the invited address only; without a valid invitation (plain, forged,
 * expired, used or revoked) the policy still decides.
 */
@KeycloakIntegrationTest
class InvitationRegistrationPolicyIT {

    private static final String PASSWORD = "Invited-123";

    @Test
    void noOneCanRegisterButAnInviteeJoinsThroughTheInvitationLink(KeycloakServer server, Rest admin, MailSink mail, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-inv-none", policy("NONE"));
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"), List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE), false);
        assertFalse(r.realmRep().path("registrationAllowed").asBoolean(), "closed: no registration link");

        String email = "ivy@outside.test";
        String link = invite(admin, server, mail, r, acme, email);

        Page after = registerThroughLink(browser, link, "ivy", email);

        JsonNode user = r.user("ivy");
        assertFalse(user.isMissingNode(), "the invitee registered; page was: " + RegistrationPages.text(after));
        assertEquals(email, user.path("email").asText());
        assertEquals(List.of(user.path("id").asText()), r.memberIds(acme), "the invitee joined the inviting organization");
        assertTrue(invitations(admin, r, acme).isEmpty(), "the invitation was used up");
        assertFalse(r.realmRoles(user.path("id").asText()).contains(SelfRegistrationRealm.COMPANY_ROLE),
                "an invitation is not self-registration: no self-registration services");

        // a plain registration is still refused
        Page plain = browser.get(r.registrationUrl(server));
        assertNull(((HtmlPage) plain).getElementById("kc-register-form"), "no registration form without an invitation: "
                + RegistrationPages.text(plain));

        // the used link cannot register anyone else
        try (Browser other = new Browser()) {
            Page reused = other.get(link);
            boolean form = reused instanceof HtmlPage html && html.getElementById("kc-register-form") != null;
            if (form) {
                RegistrationPages.register((HtmlPage) reused, "ivy2", email, PASSWORD);
            }
            assertTrue(r.user("ivy2").isMissingNode(), "a used invitation registers no one: " + RegistrationPages.text(reused));
        }
    }

    @Test
    void inCompanyModeAnInviteeOutsideTheCompanyDomainsJoinsAndStrangersAreStillRefused(KeycloakServer server, Rest admin,
                                                                                      MailSink mail, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-inv-comp", policy("COMPANIES"));
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"), List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE), false);

        String email = "olga@outside.test";
        Page after = registerThroughLink(browser, invite(admin, server, mail, r, acme, email), "olga", email);

        JsonNode user = r.user("olga");
        assertFalse(user.isMissingNode(), "the invitee registered; page was: " + RegistrationPages.text(after));
        assertEquals(List.of(user.path("id").asText()), r.memberIds(acme), "member of the inviting company");
        assertFalse(r.realmRoles(user.path("id").asText()).contains(SelfRegistrationRealm.COMPANY_ROLE),
                "the company's self-registration services are for self-registrants");

        try (Browser stranger = new Browser()) {
            Page refused = RegistrationPages.register(stranger.open(r.registrationUrl(server)), "sam", "sam@outside.test", PASSWORD);
            assertContains(RegistrationPages.text(refused), "Registration is only open to employees of permitted companies", "stranger");
            assertTrue(r.user("sam").isMissingNode(), "no account for a stranger");
        }
    }

    @Test
    void theInvitationCarriesOnlyTheInvitedAddress(KeycloakServer server, Rest admin, MailSink mail, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-inv-addr", policy("NONE"));
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"), List.of(), false);
        String link = invite(admin, server, mail, r, acme, "paul@outside.test");

        // someone with the link tries another address, then the invited address with a look-alike letter
        Page other = registerThroughLink(browser, link, "mallory", "mallory@outside.test");
        assertTrue(r.user("mallory").isMissingNode(), "another address is refused: " + RegistrationPages.text(other));
        try (Browser second = new Browser()) {
            Page lookAlike = registerThroughLink(second, link, "paul", "paul@outs\u0456de.test");
            assertTrue(r.user("paul").isMissingNode(), "a look-alike of the invited address is refused: " + RegistrationPages.text(lookAlike));
        }
        assertTrue(r.memberIds(acme).isEmpty(), "nobody joined");
        assertEquals(1, invitations(admin, r, acme).size(), "the invitation is still open");

        // the invitee, with the invited address, still can
        try (Browser invitee = new Browser()) {
            registerThroughLink(invitee, link, "paul", "paul@outside.test");
        }
        assertFalse(r.user("paul").isMissingNode(), "the invitee registers with the invited address");
    }

    @Test
    void forgedExpiredAndRevokedInvitationsOpenNoRegistration(KeycloakServer server, Rest admin, MailSink mail, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-inv-bad", policy("NONE"));
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"), List.of(), false);

        // forged: the invitation's token with another address, the signature kept
        String link = invite(admin, server, mail, r, acme, "quinn@outside.test");
        String forged = withTokenClaim(link, "eml", "mallory@outside.test");
        Page forgedPage = browser.get(forged);
        assertNoRegistrationForm(forgedPage, "forged token");

        // revoked while the invitee has the form open: the page is no longer served, nor the form accepted
        HtmlPage form = browser.open(link);
        HtmlForm registration = form.getHtmlElementById("kc-register-form");
        RegistrationPages.set(registration, "username", "quinn");
        RegistrationPages.set(registration, "password", PASSWORD);
        RegistrationPages.set(registration, "password-confirm", "not-the-same");
        HtmlPage retry = (HtmlPage) RegistrationPages.submit(registration);
        String actionUrl = retry.<HtmlForm>getHtmlElementById("kc-register-form").getActionAttribute();
        String invitationId = invitations(admin, r, acme).get(0).path("id").asText();
        admin.delete("/admin/realms/" + r.realm + "/organizations/" + acme + "/invitations/" + invitationId).expect(204);

        // reloading the page (Keycloak's refresh: the form's address without its one-time session code)
        Page revokedGet = browser.get(absolute(server, withoutParameter(actionUrl, "session_code")));
        assertNoRegistrationForm(revokedGet, "revoked invitation, page reloaded");
        assertContains(RegistrationPages.text(revokedGet), "Self-registration is closed", "the policy's refusal");
        Page revokedPost = RegistrationPages.register(retry, "quinn", "quinn@outside.test", PASSWORD);
        assertTrue(r.user("quinn").isMissingNode(), "revoked invitation registers no one: " + RegistrationPages.text(revokedPost));

        // expired: the realm's admin action token lifespan bounds the invitation
        admin.put("/admin/realms/" + r.realm, Map.of("actionTokenGeneratedByAdminLifespan", 2)).expect(204);
        String shortLived = invite(admin, server, mail, r, acme, "rita@outside.test");
        long exp = tokenPayload(shortLived).path("exp").asLong();
        awaitClockPast(exp);
        Page expired = browser.get(shortLived);
        assertNoRegistrationForm(expired, "expired invitation");
        assertTrue(r.user("rita@outside.test").isMissingNode() && r.memberIds(acme).isEmpty(), "nobody registered or joined");
    }

    // --- helpers -------------------------------------------------------------------------------------------

    /** Invites {@code email} (no account yet) and returns the registration link of the invitation email. */
    static String invite(Rest admin, KeycloakServer server, MailSink mail, SelfRegistrationRealm r, String orgId, String email) {
        admin.postForm("/admin/realms/" + r.realm + "/organizations/" + orgId + "/members/invite-user",
                Map.of("email", email, "firstName", "In", "lastName", "Vitee")).expect(204);
        String link = mail.awaitMail(email, "").link(server.baseUrl() + "/realms/" + r.realm + "/protocol/openid-connect/registrations")
                .replace("&#61;", "=").replace("&#38;", "&");
        assertTrue(link.contains("token="), "an invitation registration link: " + link);
        return link;
    }

    static Page registerThroughLink(Browser browser, String link, String username, String email) {
        HtmlPage page = browser.open(link);
        assertNotNull(page.getElementById("kc-register-form"), "the invitation link opens the registration form: " + page.asNormalizedText());
        return RegistrationPages.register(page, username, email, PASSWORD);
    }

    static List<JsonNode> invitations(Rest admin, SelfRegistrationRealm r, String orgId) {
        return admin.get("/admin/realms/" + r.realm + "/organizations/" + orgId + "/invitations").expect(200).list();
    }

    private static void assertNoRegistrationForm(Page page, String what) {
        boolean form = page instanceof HtmlPage html && html.getElementById("kc-register-form") != null;
        assertFalse(form, what + ": no registration form, got: " + RegistrationPages.text(page));
    }

    private static String absolute(KeycloakServer server, String url) {
        return url.startsWith("http") ? url : server.baseUrl() + url;
    }

    private static String withoutParameter(String url, String name) {
        int query = url.indexOf('?');
        String kept = java.util.Arrays.stream(url.substring(query + 1).split("&"))
                .filter(p -> !p.startsWith(name + "=")).collect(java.util.stream.Collectors.joining("&"));
        return url.substring(0, query + 1) + kept;
    }

    private static String token(String link) {
        for (String param : link.substring(link.indexOf('?') + 1).split("&")) {
            if (param.startsWith("token=")) {
                return param.substring("token=".length());
            }
        }
        throw new AssertionError("no token in " + link);
    }

    private static JsonNode tokenPayload(String link) {
        return Rest.jwtPayload(token(link));
    }

    /** The link with one claim of its token changed and the original signature kept. */
    private static String withTokenClaim(String link, String claim, String value) {
        String token = token(link);
        String[] parts = token.split("\\.");
        ObjectNode payload = (ObjectNode) Rest.jwtPayload(token);
        payload.put(claim, value);
        String changed = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return link.replace(token, parts[0] + "." + changed + "." + parts[2]);
    }

    /** Waits (on the clock, not a fixed time) until the given epoch second has passed. */
    private static void awaitClockPast(long epochSecond) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().getEpochSecond() <= epochSecond + 1) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("clock did not pass " + epochSecond);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
