package dev.portalaccess.keycloak.it.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** Per-customer portal access: the browser flow, the password grant, token refresh, and back on again. */
@KeycloakIntegrationTest
class PortalAccessIT {

    static HtmlPage login(Browser browser, String url, String username) throws Exception {
        HtmlPage page = browser.open(url);
        HtmlForm form = page.getHtmlElementById("kc-form-login");
        form.getInputByName("username").type(username);
        form.getInputByName("password").type(CustomerTestRealm.PASSWORD);
        return page.getHtmlElementById("kc-login").click();
    }

    @Test
    void browserLoginIsRefusedWithMessageWhileAccessIsOffAndWorksAgainWhenOn(KeycloakServer server, Rest admin) throws Exception {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of(CustomerTestRealm.ACCESS_ATTRIBUTE, List.of("false")));
        String alice = realm.createMember(acme, "alice");
        String groupId = admin.post(realm.path("/organizations/" + acme + "/groups"), Map.of("name", "engineering"))
                .expect(201).createdId();

        try (Browser browser = new Browser()) {
            HtmlPage refused = login(browser, realm.authUrl("portal"), "alice");
            assertEquals(403, refused.getWebResponse().getStatusCode(), refused.asNormalizedText());
            assertTrue(refused.asNormalizedText().contains("Portal access for Acme Corp is turned off"), refused.asNormalizedText());
            assertFalse(refused.getUrl().toString().startsWith(realm.landing()), "no redirect to the portal while access is off");
        }
        List<JsonNode> errors = realm.events("LOGIN_ERROR");
        assertTrue(errors.stream().anyMatch(e -> "customer_portal_access_disabled".equals(e.path("error").asText())
                && alice.equals(e.path("userId").asText())), "a LOGIN_ERROR event records the refusal: " + errors);

        // a client that is not a portal is not affected
        try (Browser browser = new Browser()) {
            HtmlPage landed = login(browser, realm.authUrl("other"), "alice");
            assertTrue(landed.getUrl().toString().contains("code="), "non-portal client signs in: " + landed.getUrl());
        }

        realm.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, "true");
        try (Browser browser = new Browser()) {
            HtmlPage landed = login(browser, realm.authUrl("portal"), "alice");
            assertTrue(landed.getUrl().toString().startsWith(realm.landing()) && landed.getUrl().toString().contains("code="),
                    "portal sign-in works again: " + landed.getUrl() + " " + landed.asNormalizedText());
        }
        // nothing lost: membership and group are untouched
        assertEquals(1, admin.get(realm.path("/organizations/" + acme + "/members")).expect(200).list().size());
        assertEquals(groupId, admin.get(realm.path("/organizations/" + acme + "/groups")).expect(200).list().get(0).path("id").asText());
        realm.delete();
    }

    @Test
    void passwordGrantAndRefreshAreRefusedWhileAccessIsOff(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        realm.createMember(acme, "bob");

        JsonNode tokens = realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "bob", "openid").expect(200).json();
        String refreshToken = tokens.get("refresh_token").asText();

        realm.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, "false");

        Rest.Response refused = realm.refresh(refreshToken).expect(400);
        assertEquals("invalid_grant", refused.json().path("error").asText(), refused.body());
        assertTrue(refused.json().path("error_description").asText().contains("turned off"), refused.body());
        Rest.Response passwordRefused = realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "bob", "openid").expect(400);
        assertEquals("invalid_grant", passwordRefused.json().path("error").asText(), passwordRefused.body());
        // refresh events are not stored by default; the password grant's LOGIN_ERROR is
        assertTrue(realm.events("LOGIN_ERROR").stream()
                .anyMatch(e -> "customer_portal_access_disabled".equals(e.path("error").asText())), "refusal event");
        // other clients are not portals
        realm.passwordGrant("other", CustomerTestRealm.OTHER_SECRET, "bob", "openid").expect(200);

        realm.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, null);
        JsonNode refreshed = realm.refresh(refreshToken).expect(200).json();
        assertTrue(refreshed.has("access_token"), "the same session refreshes again once access is back on");
        realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "bob", "openid").expect(200);
        realm.delete();
    }

    @Test
    void aClientMarkedAsPortalIsCoveredAndTheDefaultPortalCanBeUnmarked(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of(CustomerTestRealm.ACCESS_ATTRIBUTE, List.of("false")));
        realm.createMember(acme, "carol");

        JsonNode other = admin.get(realm.path("/clients?clientId=other")).expect(200).list().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) other.get("attributes")).put("portalaccess.portal", "true");
        admin.put(realm.path("/clients/" + other.get("id").asText()), other).expect(204);
        JsonNode portal = admin.get(realm.path("/clients?clientId=portal")).expect(200).list().get(0);
        ((com.fasterxml.jackson.databind.node.ObjectNode) portal.get("attributes")).put("portalaccess.portal", "false");
        admin.put(realm.path("/clients/" + portal.get("id").asText()), portal).expect(204);

        realm.passwordGrant("other", CustomerTestRealm.OTHER_SECRET, "carol", "openid").expect(400);
        realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "carol", "openid").expect(200);
        realm.delete();
    }
}
