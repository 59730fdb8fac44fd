package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.MailSink;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.Page;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Company mode trusts only a verified address: a registrant who types {@code ceo@<company domain>} gets the
 * company's membership and services only once that mailbox is proven theirs, on every path that verifies it.
 */
@KeycloakIntegrationTest
class VerifiedCompanyGrantIT {

    private static final String PENDING_ACTION = "portal-access-company-membership";

    @Test
    void theRegistrationFormGrantsTheCompanyOnlyOnceTheVerifyEmailLinkIsOpened(KeycloakServer server, Rest admin, Browser browser,
                                                                            MailSink mail) throws IOException {
        SelfRegistrationRealm r = companies(admin, server, "verify-form");
        String acme = company(r);

        Page after = RegistrationPages.register(browser.open(r.registrationUrl(server)), "ceo", "ceo@acme.test", "Secret-123");

        JsonNode user = r.user("ceo");
        String id = user.path("id").asText();
        assertFalse(user.isMissingNode(), "the account exists: " + RegistrationPages.text(after));
        assertFalse(r.memberIds(acme).contains(id), "no company membership for an unverified address");
        assertFalse(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE), "no company service for an unverified address");
        assertTrue(r.groups(id).isEmpty(), "no company group for an unverified address");
        List<String> actions = requiredActions(admin, r, id);
        assertTrue(actions.contains("VERIFY_EMAIL") && actions.contains(PENDING_ACTION), "verification required: " + actions);
        assertContains(RegistrationPages.text(after), "verify your email", "the page asks for the verification");
        // not verified: no sign-in around the verification either
        assertEquals(400, Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "ceo", "Secret-123").status());

        openVerificationLink(browser, server, r, mail.awaitMail("ceo@acme.test", "erif"));

        assertTrue(r.memberIds(acme).contains(id), "member once the address is verified");
        assertTrue(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE), "company service once verified");
        assertEquals(List.of("/" + SelfRegistrationRealm.SERVICE_GROUP), r.groups(id), "company group once verified");
        assertFalse(requiredActions(admin, r, id).contains(PENDING_ACTION), "nothing pending any more");

        // granted once: an admin's later removal sticks across sign-ins
        admin.delete("/admin/realms/" + r.realm + "/organizations/" + acme + "/members/" + id).expect(204);
        Rest.anonymous(server).passwordGrant(r.realm, "portal", null, "ceo", "Secret-123").expect(200);
        assertFalse(r.memberIds(acme).contains(id), "not granted again");
    }

    @Test
    void anAdminSettingTheAddressVerifiedGrantsTheCompanyOnce(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = companies(admin, server, "verify-admin");
        String acme = company(r);
        RegistrationPages.register(browser.open(r.registrationUrl(server)), "dana", "dana@acme.test", "Secret-123");
        String id = r.user("dana").path("id").asText();
        assertFalse(r.memberIds(acme).contains(id), "pending before the admin verifies");

        setEmailVerified(admin, r, id);

        assertTrue(r.memberIds(acme).contains(id), "member once the admin verified the address");
        assertTrue(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE), "company service");
        admin.delete("/admin/realms/" + r.realm + "/organizations/" + acme + "/members/" + id).expect(204);
        setEmailVerified(admin, r, id);
        assertFalse(r.memberIds(acme).contains(id), "granted once, not again by a later update");
    }

    @Test
    void anIdentityProviderWithoutTrustEmailLeavesTheVerificationToKeycloak(KeycloakServer server, Rest admin, Browser browser,
                                                                          MailSink mail) throws IOException {
        SelfRegistrationRealm r = companies(admin, server, "verify-idp");
        String acme = company(r);
        String idp = IdentityProviderPolicyIT.googleStyleProvider(admin, server, r, "mona", "mona@acme.test", false, true);

        Page after = IdentityProviderPolicyIT.signInWithProvider(browser, server, r, idp, "mona");

        JsonNode user = r.user("mona");
        String id = user.path("id").asText();
        assertFalse(user.isMissingNode(), "signed up: " + RegistrationPages.text(after));
        assertFalse(r.memberIds(acme).contains(id), "an untrusted provider's address is not verified");
        assertFalse(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE));

        openVerificationLink(browser, server, r, mail.awaitMail("mona@acme.test", "erif"));

        assertTrue(r.memberIds(acme).contains(id), "member once Keycloak verified the address");
        assertTrue(r.realmRoles(id).contains(SelfRegistrationRealm.COMPANY_ROLE));
    }

    @Test
    void aTrustedProviderCountsOnlyWhenItVerifiedTheAddressItself(KeycloakServer server, Rest admin, Browser browser) throws IOException {
        SelfRegistrationRealm r = companies(admin, server, "verify-claim");
        String acme = company(r);
        // "Trust email" on, but the provider's own email_verified claim is false
        String idp = IdentityProviderPolicyIT.googleStyleProvider(admin, server, r, "nina", "nina@acme.test", true, false);

        IdentityProviderPolicyIT.signInWithProvider(browser, server, r, idp, "nina");

        String id = r.user("nina").path("id").asText();
        assertFalse(id.isEmpty(), "signed up");
        assertFalse(r.memberIds(acme).contains(id), "a provider that did not verify the address is not trusted for it");
        assertTrue(requiredActions(admin, r, id).contains("VERIFY_EMAIL"), "Keycloak's verification applies first");
    }

    static SelfRegistrationRealm companies(Rest admin, KeycloakServer server, String prefix) {
        return SelfRegistrationRealm.create(admin, server, prefix, policy("COMPANIES"));
    }

    static String company(SelfRegistrationRealm r) {
        return r.createCompany("acme", "acme.test", true, List.of("portal", "identityProvider", "email"),
                List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE, "group:/" + SelfRegistrationRealm.SERVICE_GROUP), false);
    }

    static List<String> requiredActions(Rest admin, SelfRegistrationRealm r, String userId) {
        List<String> out = new java.util.ArrayList<>();
        admin.get("/admin/realms/" + r.realm + "/users/" + userId).expect(200).json().path("requiredActions")
                .forEach(a -> out.add(a.asText()));
        return out;
    }

    static void setEmailVerified(Rest admin, SelfRegistrationRealm r, String userId) {
        JsonNode rep = admin.get("/admin/realms/" + r.realm + "/users/" + userId).expect(200).json();
        ((ObjectNode) rep).put("emailVerified", true);
        admin.put("/admin/realms/" + r.realm + "/users/" + userId, rep).expect(204);
    }

    /** Opens Keycloak's verify-email link in the registrant's browser (confirming it when Keycloak asks). */
    static void openVerificationLink(Browser browser, KeycloakServer server, SelfRegistrationRealm r, MailSink.Mail mail)
            throws IOException {
        String prefix = server.baseUrl() + "/realms/" + r.realm + "/login-actions/action-token";
        HtmlPage page = browser.open(mail.link(prefix));
        HtmlAnchor proceed = page.getAnchors().stream().filter(a -> a.getHrefAttribute().contains("action-token"))
                .findFirst().orElse(null);
        if (proceed != null) {
            proceed.click();
        }
    }
}
