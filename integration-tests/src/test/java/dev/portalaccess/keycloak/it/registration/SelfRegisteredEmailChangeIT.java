package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.assertContains;
import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 15. The chosen rule: a member who joined their company by self-registration cannot change
 * their email to an address outside every accepted domain of that company (refused, naming the company; the
 * membership and the services stay). Tested on every path that changes an email: account REST, the
 * update-profile and update-email required actions, admin REST; and the record of the self-registered
 * membership cannot be removed by the user.
 */
@KeycloakIntegrationTest
class SelfRegisteredEmailChangeIT {

    static final String PASSWORD = "Secret-123";
    static final String MESSAGE_KEY = "selfRegistrationEmailOutsideCompany";
    static final String ATTRIBUTE = "portalaccess.selfRegistration.company";

    @Test
    void accountRestAndAdminRestRefuseAnAddressOutsideTheCompanysDomains(KeycloakServer server, Rest admin, Browser browser) {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-email-change", policy("COMPANIES"));
        setRequiredAction(admin, r.realm, "UPDATE_EMAIL", false);
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"),
                List.of("role:" + SelfRegistrationRealm.COMPANY_ROLE), false);
        String id = registered(server, r, browser, "ron", "ron@acme.test", acme);

        Rest ron = accountApi(server, r, "ron");
        String account = "/realms/" + r.realm + "/account";
        Rest.Response refused = ron.post(account, profile("ron", "ron@other.test")).expect(400);
        assertTrue(refused.body().contains(MESSAGE_KEY) && refused.body().contains("acme"), refused.body());
        assertUnchanged(r, id, acme, "ron@acme.test");
        assertTrue(r.events("UPDATE_EMAIL_ERROR").stream().anyMatch(e -> "email_outside_company".equals(e.path("error").asText())),
                "user event: " + r.events("UPDATE_EMAIL_ERROR"));

        JsonNode user = r.user("ron");
        assertEquals(List.of(acme), Rest.JSON.convertValue(user.path("attributes").path(ATTRIBUTE), List.class),
                "the self-registered membership is recorded: " + user);

        // a subdomain of the accepted domain is still the company
        ron.post(account, profile("ron", "ron@eu.acme.test")).expect(204);
        assertEquals("ron@eu.acme.test", admin.get("/admin/realms/" + r.realm + "/users/" + id).expect(200).json()
                .path("email").asText());

        // the record of the self-registered membership is not the user's to remove, even with unmanaged attributes on
        unmanagedAttributes(r, "ENABLED");
        Map<String, Object> tampered = profile("ron", "ron@eu.acme.test");
        tampered.put("attributes", Map.of(ATTRIBUTE, List.of()));
        Rest.Response readOnly = ron.post(account, tampered).expect(400);
        assertContains(readOnly.body(), "updateReadOnlyAttributesRejectedMessage", "the attribute is read-only for the user");
        ron.post(account, profile("ron", "ron@other.test")).expect(400);

        Rest.Response adminRefused = admin.put("/admin/realms/" + r.realm + "/users/" + id,
                Map.of("email", "ron@other.test", "firstName", "Reg", "lastName", "Istrant")).expect(400);
        assertEquals("email", adminRefused.json().path("field").asText(), adminRefused.body());
        assertEquals(MESSAGE_KEY, adminRefused.json().path("errorMessage").asText(), adminRefused.body());
        assertUnchanged(r, id, acme, "ron@eu.acme.test");
    }

    @Test
    void updateProfileRequiredActionRefusesNamingTheCompany(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-email-profile", policy("COMPANIES"));
        setRequiredAction(admin, r.realm, "UPDATE_EMAIL", false);
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"), List.of(), false);
        String id = registered(server, r, browser, "sue", "sue@acme.test", acme);
        admin.put("/admin/realms/" + r.realm + "/users/" + id, Map.of("requiredActions", List.of("UPDATE_PROFILE"))).expect(204);

        try (Browser other = new Browser()) {
            HtmlPage page = signIn(other.open(r.loginUrl(server)), "sue");
            HtmlForm form = page.getHtmlElementById("kc-update-profile-form");
            form.getInputByName("email").setValue("sue@other.test");
            HtmlPage refused = (HtmlPage) RegistrationPages.submit(form);
            assertContains(fieldError(refused), "you registered as an employee of acme", "message by the email field");
        }
        assertUnchanged(r, id, acme, "sue@acme.test");
    }

    @Test
    void updateEmailRequiredActionRefusesNamingTheCompany(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        SelfRegistrationRealm r = SelfRegistrationRealm.create(admin, server, "reg-email-action", policy("COMPANIES"));
        setRequiredAction(admin, r.realm, "UPDATE_EMAIL", true);
        String acme = r.createCompany("acme", "acme.test", true, List.of("portal"), List.of(), false);
        String id = registered(server, r, browser, "tom", "tom@acme.test", acme);
        admin.put("/admin/realms/" + r.realm + "/users/" + id, Map.of("requiredActions", List.of("UPDATE_EMAIL"))).expect(204);

        try (Browser other = new Browser()) {
            HtmlPage page = signIn(other.open(r.loginUrl(server)), "tom");
            HtmlForm form = page.getHtmlElementById("kc-update-email-form");
            form.getInputByName("email").setValue("tom@other.test");
            HtmlPage refused = (HtmlPage) RegistrationPages.submit(form);
            assertContains(fieldError(refused), "you registered as an employee of acme", "message by the email field");
        }
        assertUnchanged(r, id, acme, "tom@acme.test");
    }

    /**
     * Registers through the form and has an admin verify the address (which completes the company grant); returns
     * the user id once they are a member of {@code companyId}.
     */
    static String registered(KeycloakServer server, SelfRegistrationRealm r, Browser browser, String username, String email,
                             String companyId) {
        unmanagedAttributes(r, "ADMIN_VIEW"); // so the admin API shows the record
        RegistrationPages.register(browser.open(r.registrationUrl(server)), username, email, PASSWORD);
        JsonNode user = r.user(username);
        assertFalse(user.isMissingNode(), "registered");
        String id = user.path("id").asText();
        // a typed address proves nothing: the company's membership waits until the address is verified
        assertFalse(r.memberIds(companyId).contains(id), "no company membership before the address is verified");
        r.admin.put("/admin/realms/" + r.realm + "/users/" + id, Map.of("emailVerified", true)).expect(204);
        assertTrue(r.memberIds(companyId).contains(id), "self-registered member of the company");
        return id;
    }

    /** Signs in; with organizations in the realm Keycloak asks for the username first, then the password. */
    static HtmlPage signIn(HtmlPage login, String username) {
        HtmlPage page = (HtmlPage) RegistrationPages.login(login, username, PASSWORD);
        if (page.getElementById("kc-form-login") != null && !page.getElementsByName("password").isEmpty()) {
            page = (HtmlPage) RegistrationPages.login(page, username, PASSWORD);
        }
        return page;
    }

    static void unmanagedAttributes(SelfRegistrationRealm r, String policy) {
        JsonNode upConfig = r.admin.get("/admin/realms/" + r.realm + "/users/profile").expect(200).json();
        ((ObjectNode) upConfig).put("unmanagedAttributePolicy", policy);
        r.admin.put("/admin/realms/" + r.realm + "/users/profile", upConfig).expect(200);
    }

    static void assertUnchanged(SelfRegistrationRealm r, String id, String companyId, String email) {
        assertEquals(email, r.admin.get("/admin/realms/" + r.realm + "/users/" + id).expect(200).json().path("email").asText());
        assertTrue(r.memberIds(companyId).contains(id), "still a member");
    }

    static Rest accountApi(KeycloakServer server, SelfRegistrationRealm r, String username) {
        String token = Rest.anonymous(server).passwordGrant(r.realm, "portal", null, username, PASSWORD).expect(200)
                .json().path("access_token").asText();
        return Rest.anonymous(server).withToken(token);
    }

    static Map<String, Object> profile(String username, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("email", email);
        body.put("firstName", "Reg");
        body.put("lastName", "Istrant");
        return body;
    }

    static String fieldError(HtmlPage page) {
        var error = page.getElementById("input-error-email");
        return error == null ? "(no error by the email field) " + page.asNormalizedText() : error.getTextContent().strip();
    }

    static void setRequiredAction(Rest admin, String realm, String alias, boolean enabled) {
        String base = "/admin/realms/" + realm + "/authentication/required-actions/" + alias;
        Rest.Response current = admin.get(base);
        if (current.status() == 404) {
            if (!enabled) {
                return;
            }
            admin.post("/admin/realms/" + realm + "/authentication/register-required-action",
                    Map.of("providerId", alias, "name", alias)).expect(204);
            current = admin.get(base).expect(200);
        }
        JsonNode rep = current.expect(200).json();
        ((ObjectNode) rep).put("enabled", enabled);
        admin.put(base, rep).expect(204);
    }
}
