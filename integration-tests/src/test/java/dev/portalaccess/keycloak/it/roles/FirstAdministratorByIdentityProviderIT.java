package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Joining through the customer's identity provider (first broker login, Keycloak's organization onboarding)
 * also makes the first user the customer's Administrator: the rule is on the membership, not on an endpoint.
 */
@KeycloakIntegrationTest
class FirstAdministratorByIdentityProviderIT {

    @Test
    void firstUserFederatedThroughTheCustomersIdentityProviderIsAdministrator(Rest admin, Browser browser, KeycloakServer server) throws Exception {
        // the customer's own identity provider: another realm with an OIDC client for the broker
        Map<String, Object> upstream = new HashMap<>();
        upstream.put("realm", TestRealms.uniqueName("roles-upstream"));
        upstream.put("clients", List.of(Map.of("clientId", "broker", "secret", "broker-secret", "publicClient", false,
                "standardFlowEnabled", true, "redirectUris", List.of("*"))));
        String idpRealm = TestRealms.create(admin, upstream);
        TestRealms.createUser(admin, idpRealm, "fiona", "fiona@idp-acme.example", "Fiona-Secret-1");

        CustomerRealm kc = CustomerRealm.create(admin, "roles-idp");
        String acme = admin.post(kc.path("/organizations"), Map.of("name", "Acme", "alias", "acme",
                "domains", List.of(Map.of("name", "idp-acme.example")))).expect(201).createdId();
        String issuer = server.baseUrl() + "/realms/" + idpRealm + "/protocol/openid-connect";
        Map<String, Object> idp = Map.of("alias", "acme-idp", "providerId", "oidc", "enabled", true,
                "config", Map.of("authorizationUrl", issuer + "/auth", "tokenUrl", issuer + "/token",
                        "clientId", "broker", "clientSecret", "broker-secret", "clientAuthMethod", "client_secret_post",
                        "defaultScope", "openid email profile", "syncMode", "IMPORT", "validateSignature", "false",
                        "kc.org.domain", "idp-acme.example"));
        admin.post(kc.path("/identity-provider/instances"), idp).expect(201);
        admin.post(kc.path("/organizations/" + acme + "/identity-providers"), "acme-idp").expect(204);

        HtmlPage login = browser.open(server.baseUrl() + "/realms/" + kc.realm + "/protocol/openid-connect/auth?client_id="
                + CustomerRealm.CLIENT + "&response_type=code&scope=openid&redirect_uri=http://localhost/cb&kc_idp_hint=acme-idp");
        HtmlForm form = (HtmlForm) login.getElementById("kc-form-login");
        if (form == null) {
            throw new AssertionError("expected the identity provider's login form, got " + login.getUrl() + ": " + login.asNormalizedText());
        }
        form.getInputByName("username").type("fiona");
        form.getInputByName("password").type("Fiona-Secret-1");
        try {
            org.htmlunit.Page next = ((HtmlElement) login.getElementById("kc-login")).click();
            // first broker login may ask to review the profile: submit it as it is
            for (int step = 0; step < 3 && next instanceof HtmlPage page && page.getFirstByXPath("//input[@name='email']") != null; step++) {
                next = ((HtmlElement) page.getFirstByXPath("//form//*[@type='submit']")).click();
            }
        } catch (RuntimeException endOfFlow) {
            // the final redirect goes to the portal's redirect URI (http://localhost/cb), where nothing listens
            if (!(endOfFlow.getCause() instanceof java.io.IOException)) {
                throw endOfFlow;
            }
        }

        List<JsonNode> members = admin.get(kc.path("/organizations/" + acme + "/members")).expect(200).list();
        assertEquals(1, members.size(), "the federated user joined the customer: " + members);
        String fiona = members.get(0).path("id").asText();
        assertEquals(List.of("Administrator"), admin.get(kc.path("/organizations/" + acme + "/members/" + fiona + "/groups"))
                .expect(200).list().stream().map(g -> g.path("name").asText()).toList());
    }
}
