package dev.portalaccess.keycloak.it.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** The enterprise-portal realm export: its sample customers, flows and listener, and access off working in it. */
@KeycloakIntegrationTest
class EnterprisePortalRealmIT {

    private static final String REALM = "/admin/realms/enterprise-portal";

    private static JsonNode customer(Rest admin, String alias) {
        return admin.get(REALM + "/organizations?briefRepresentation=false").expect(200).list().stream()
                .filter(o -> alias.equals(o.path("alias").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no sample customer " + alias));
    }

    @Test
    void sampleCustomersShowEachSetting(Rest admin) {
        JsonNode acme = customer(admin, "acme");
        assertEquals("true", acme.path("attributes").path("portalaccess.domainRestriction.enabled").get(0).asText());
        assertEquals("acme.com", acme.path("attributes").path("portalaccess.domainRestriction.domains").get(0).asText());
        // the import at server start (--import-realm) kept Acme's member, who is inside its allowed domain
        List<JsonNode> acmeMembers = admin.get(REALM + "/organizations/" + acme.path("id").asText() + "/members").expect(200).list();
        assertEquals(List.of("ada.lovelace@acme.com"), acmeMembers.stream().map(m -> m.path("email").asText()).toList());

        JsonNode globex = customer(admin, "globex");
        List<JsonNode> idps = admin.get(REALM + "/organizations/" + globex.path("id").asText() + "/identity-providers").expect(200).list();
        assertEquals(1, idps.size());
        assertEquals("globex-saml", idps.get(0).path("alias").asText());
        assertEquals("saml", idps.get(0).path("providerId").asText());

        JsonNode initech = customer(admin, "initech");
        assertEquals("false", initech.path("attributes").path("portalaccess.portalAccess.enabled").get(0).asText());

        JsonNode realm = admin.get(REALM).expect(200).json();
        assertEquals("portal-browser", realm.path("browserFlow").asText());
        assertEquals("portal-first-broker-login", realm.path("firstBrokerLoginFlow").asText());
        assertEquals("portal-first-broker-login", admin.get(REALM + "/identity-provider/instances/globex-saml").expect(200).json()
                .path("firstBrokerLoginFlowAlias").asText(), "Globex signs in through the just-in-time flow (EnterprisePortalJitIT)");
        assertTrue(admin.get(REALM + "/authentication/flows/portal-browser/executions").expect(200).list().stream()
                .anyMatch(e -> "portal-access-customer-portal-access".equals(e.path("providerId").asText())
                        && "REQUIRED".equals(e.path("requirement").asText())), "the authenticator is in the browser flow");
        assertTrue(admin.get(REALM + "/events/config").expect(200).json().path("eventsListeners").toString()
                .contains("portal-access-customer"), "the customer event listener is enabled");
    }

    @Test
    void aMemberOfTheCustomerWithAccessOffCannotSignInToThePortal(KeycloakServer server, Rest admin) {
        String username = "initech-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = TestRealms.createUser(admin, "enterprise-portal", username, username + "@initech.com", CustomerTestRealm.PASSWORD);
        String initech = customer(admin, "initech").path("id").asText();
        admin.post(REALM + "/organizations/" + initech + "/members", userId).expect(201);
        try (Browser browser = new Browser()) {
            String auth = server.baseUrl() + "/realms/enterprise-portal/protocol/openid-connect/auth?client_id=portal"
                    + "&response_type=code&scope=openid&redirect_uri=" + java.net.URLEncoder.encode("http://localhost:3000/", java.nio.charset.StandardCharsets.UTF_8)
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";
            HtmlPage page = browser.open(auth);
            org.htmlunit.html.HtmlForm form = page.getHtmlElementById("kc-form-login");
            form.getInputByName("username").type(username);
            form.getInputByName("password").type(CustomerTestRealm.PASSWORD);
            HtmlPage refused = page.getHtmlElementById("kc-login").click();
            assertEquals(403, refused.getWebResponse().getStatusCode());
            assertTrue(refused.asNormalizedText().contains("Portal access for Initech is turned off"), refused.asNormalizedText());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            admin.delete(REALM + "/users/" + userId).expect(204);
        }
    }

    @Test
    void realmSettingsAreAsDocumented(Rest admin) {
        JsonNode attributes = admin.get(REALM).expect(200).json().path("attributes");
        assertEquals("false", attributes.path("portalaccess.autoInvite.enabled").asText());
        assertEquals("true", attributes.path("portalaccess.removal.signOut").asText());
        JsonNode portal = admin.get(REALM + "/clients?clientId=portal").expect(200).list().get(0);
        assertEquals("true", portal.path("attributes").path("portalaccess.portal").asText());
    }
}
