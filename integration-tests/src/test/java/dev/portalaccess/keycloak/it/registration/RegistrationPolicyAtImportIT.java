package dev.portalaccess.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.Test;

/**
 * A realm whose export says "User registration: on" while its policy says "No one can register" gets the policy
 * when it is imported: at server start ({@code --import-realm}, the fixture in {@code data/import}) and through
 * the admin REST API ({@code POST /admin/realms}). No registration link, and the registration endpoints refuse.
 */
@KeycloakIntegrationTest
class RegistrationPolicyAtImportIT {

    /** {@code src/test/resources/import-at-start/selfreg-closed-import-realm.json}, also put in the server's data/import. */
    private static final String FIXTURE = "/import-at-start/selfreg-closed-import-realm.json";
    private static final String IMPORTED_AT_START = "selfreg-closed-import";
    private static final String REDIRECT = "http://localhost:3000/";

    @Test
    void aRealmImportedAtServerStartWithModeNoOneOffersNoRegistration(KeycloakServer server, Rest admin, Browser browser) {
        assertRegistrationClosed(server, admin, browser, IMPORTED_AT_START);
    }

    @Test
    void aRealmCreatedFromJsonThroughAdminRestWithModeNoOneOffersNoRegistration(KeycloakServer server, Rest admin, Browser browser) {
        ObjectNode rep = fixture();
        String realm = TestRealms.uniqueName("reg-import-none");
        rep.put("realm", realm);
        admin.post("/admin/realms", rep).expect(201);

        assertRegistrationClosed(server, admin, browser, realm);
    }

    @Test
    void aRealmCreatedFromJsonWithAnOpenPolicyShowsTheLinkEvenIfTheExportHidIt(KeycloakServer server, Rest admin, Browser browser) {
        ObjectNode rep = fixture();
        String realm = TestRealms.uniqueName("reg-import-open");
        rep.put("realm", realm);
        rep.put("registrationAllowed", false);
        ((ObjectNode) rep.withArray("authenticatorConfig").get(0).path("config")).put("mode", "ANYONE");
        admin.post("/admin/realms", rep).expect(201);

        assertTrue(admin.get("/admin/realms/" + realm).expect(200).json().path("registrationAllowed").asBoolean(),
                "the policy is the master switch: the open form shows the link");
        HtmlPage login = browser.open(authUrl(server, realm));
        assertTrue(login.asXml().contains("/login-actions/registration"), "registration link on the login page");
    }

    private static void assertRegistrationClosed(KeycloakServer server, Rest admin, Browser browser, String realm) {
        assertFalse(admin.get("/admin/realms/" + realm).expect(200).json().path("registrationAllowed").asBoolean(),
                realm + ": the registration switch follows the policy");

        HtmlPage login = browser.open(authUrl(server, realm));
        assertTrue(login.getElementById("kc-form-login") != null, "the login page: " + login.asNormalizedText());
        assertFalse(login.asXml().contains("/login-actions/registration"), realm + ": no registration link on the login page");

        String base = server.baseUrl() + "/realms/" + realm;
        Page registrations = browser.get(base + "/protocol/openid-connect/registrations?client_id=portal&response_type=code"
                + "&scope=openid&redirect_uri=" + SelfRegistrationRealm.enc(REDIRECT));
        assertNoForm(registrations, realm + ": OIDC registration endpoint");
        Page direct = browser.get(base + "/login-actions/registration?client_id=portal");
        assertNoForm(direct, realm + ": direct GET of the registration page");

        // a direct POST of a filled registration form, in the browser session of the login page just opened
        Page post = post(browser, base + "/login-actions/registration?client_id=portal", Map.of("username", "intruder",
                "email", "intruder@anywhere.test", "firstName", "In", "lastName", "Truder",
                "password", "Secret-123", "password-confirm", "Secret-123"));
        assertNoForm(post, realm + ": direct POST of the registration page");
        List<?> users = admin.get("/admin/realms/" + realm + "/users?username=intruder&exact=true").expect(200).list();
        assertTrue(users.isEmpty(), realm + ": no account");
    }

    private static Page post(Browser browser, String url, Map<String, String> form) {
        try {
            WebRequest request = new WebRequest(new URL(url), HttpMethod.POST);
            request.setRequestParameters(form.entrySet().stream().map(e -> new NameValuePair(e.getKey(), e.getValue())).toList());
            return browser.client().getPage(request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertNoForm(Page page, String what) {
        boolean form = page instanceof HtmlPage html && html.getElementById("kc-register-form") != null;
        assertFalse(form, what + ": no registration form, got " + page.getWebResponse().getStatusCode() + ": "
                + RegistrationPages.text(page));
    }

    private static String authUrl(KeycloakServer server, String realm) {
        return server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=portal&response_type=code"
                + "&scope=openid&redirect_uri=" + SelfRegistrationRealm.enc(REDIRECT);
    }

    private static ObjectNode fixture() {
        try (InputStream in = RegistrationPolicyAtImportIT.class.getResourceAsStream(FIXTURE)) {
            if (in == null) {
                throw new AssertionError(FIXTURE + " not on the test class path");
            }
            return (ObjectNode) Rest.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
