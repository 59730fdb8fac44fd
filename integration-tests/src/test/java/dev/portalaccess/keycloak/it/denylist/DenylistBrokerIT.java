package dev.portalaccess.keycloak.it.denylist;

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
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * Sign-up through an OpenID Connect identity provider (a second realm of the same server) whose user
 * has a denylisted email: refused on the review page (validator) and, with review off, by the
 * first-broker-login step.
 */
@KeycloakIntegrationTest
class DenylistBrokerIT {

    static final String IDP = "realm-b";
    static final String FLOW = "denylist-first-broker-login";

    @Test
    void reviewProfilePageRefusesTheDenylistedEmail(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        String realmA = DenylistFixture.realm(admin, "dl-broker-a");
        DenylistFixture.importEntries(admin, realmA, "spam.example\n");
        String realmB = sourceRealm(server, admin, realmA, "eve", "eve@spam.example");
        addIdentityProvider(server, admin, realmA, realmB, null);

        HtmlPage review = signInThroughRealmB(server, browser, realmA, "eve");
        HtmlForm form = review.getHtmlElementById("kc-idp-review-profile-form");
        HtmlPage refused = DenylistFixture.submit(form);
        String error = DenylistFixture.fieldError(refused, "email");
        assertTrue(error.contains(DenylistFixture.MESSAGE), "got '" + error + "' on\n" + refused.asNormalizedText());
        assertEquals(0, DenylistFixture.usersWithEmail(admin, realmA, "eve@spam.example"));
        DenylistFixture.assertRefusalEvent(admin, realmA, "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR", "eve@spam.example");

        form = refused.getHtmlElementById("kc-idp-review-profile-form");
        form.getInputByName("email").setValue("eve@fine.example");
        DenylistFixture.submit(form);
        assertEquals(1, DenylistFixture.usersWithEmail(admin, realmA, "eve@fine.example"));
    }

    @Test
    void firstBrokerLoginStepRefusesWhenNoProfilePageIsShown(KeycloakServer server, Rest admin, Browser browser) throws Exception {
        String realmA = DenylistFixture.realm(admin, "dl-broker-skip");
        DenylistFixture.importEntries(admin, realmA, "spam.example\n");
        String realmB = sourceRealm(server, admin, realmA, "trent", "trent@mail.spam.example");
        TestRealms.createUser(admin, realmB, "peggy", "peggy@fine.example", DenylistFixture.PASSWORD);
        flowWithoutReviewAndWithDenylistStep(admin, realmA);
        addIdentityProvider(server, admin, realmA, realmB, FLOW);

        HtmlPage refused = signInThroughRealmB(server, browser, realmA, "trent");
        assertTrue(refused.asNormalizedText().contains(DenylistFixture.MESSAGE), refused.asNormalizedText());
        assertFalse(refused.asNormalizedText().contains("spam.example"), "the page does not reveal which entry matched");
        assertEquals(0, DenylistFixture.usersWithEmail(admin, realmA, "trent@mail.spam.example"));
        JsonNode event = DenylistFixture.denylistEvent(admin, realmA, "IDENTITY_PROVIDER_FIRST_LOGIN_ERROR");
        assertEquals("first-broker-login", event.path("details").path("denylist_path").asText(), event.toString());
        assertEquals("email_denylisted", event.path("details").path("reason").asText(), event.toString());

        try (Browser other = new Browser()) {
            signInThroughRealmB(server, other, realmA, "peggy");
        }
        assertEquals(1, DenylistFixture.usersWithEmail(admin, realmA, "peggy@fine.example"), "allowed emails pass the step");
    }

    /** Realm B: the identity provider, with one user and a confidential client for realm A's broker. */
    static String sourceRealm(KeycloakServer server, Rest admin, String realmA, String username, String email) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName("dl-idp-b"));
        rep.put("clients", List.of(Map.of("clientId", "broker", "secret", "broker-secret", "publicClient", false,
                "standardFlowEnabled", true, "redirectUris",
                List.of(server.baseUrl() + "/realms/" + realmA + "/broker/" + IDP + "/endpoint*"))));
        String realmB = TestRealms.create(admin, rep);
        TestRealms.createUser(admin, realmB, username, email, DenylistFixture.PASSWORD);
        return realmB;
    }

    static void addIdentityProvider(KeycloakServer server, Rest admin, String realmA, String realmB, String flow) {
        String issuer = server.baseUrl() + "/realms/" + realmB;
        String oidc = issuer + "/protocol/openid-connect";
        Map<String, String> config = new HashMap<>();
        config.put("authorizationUrl", oidc + "/auth");
        config.put("tokenUrl", oidc + "/token");
        config.put("userInfoUrl", oidc + "/userinfo");
        config.put("jwksUrl", oidc + "/certs");
        config.put("logoutUrl", oidc + "/logout");
        config.put("issuer", issuer);
        config.put("clientId", "broker");
        config.put("clientSecret", "broker-secret");
        config.put("clientAuthMethod", "client_secret_post");
        config.put("defaultScope", "openid email profile");
        config.put("syncMode", "IMPORT");
        config.put("validateSignature", "true");
        config.put("useJwksUrl", "true");
        Map<String, Object> idp = new HashMap<>();
        idp.put("alias", IDP);
        idp.put("providerId", "oidc");
        idp.put("enabled", true);
        idp.put("trustEmail", true);
        idp.put("config", config);
        if (flow != null) {
            idp.put("firstBrokerLoginFlowAlias", flow);
        }
        admin.post("/admin/realms/" + realmA + "/identity-provider/instances", idp).expect(201);
    }

    /** Opens realm A's login page, clicks the realm B button, signs in there; returns the page back in realm A. */
    static HtmlPage signInThroughRealmB(KeycloakServer server, Browser browser, String realmA, String username) throws Exception {
        HtmlPage login = browser.open(DenylistFixture.authUrl(server.baseUrl(), realmA));
        HtmlAnchor idpLink = login.getHtmlElementById("social-" + IDP);
        HtmlPage realmBLogin = idpLink.click();
        return DenylistFixture.login(realmBLogin, username, DenylistFixture.PASSWORD);
    }

    /**
     * A copy of the built-in first broker login flow with "Review Profile" set to off and the denylist
     * step added right after it, as an admin does in the admin console.
     */
    static void flowWithoutReviewAndWithDenylistStep(Rest admin, String realm) {
        String auth = "/admin/realms/" + realm + "/authentication";
        admin.post(auth + "/flows/first%20broker%20login/copy", Map.of("newName", FLOW)).expect(201);
        JsonNode review = executions(admin, realm).stream()
                .filter(e -> "idp-review-profile".equals(e.path("providerId").asText())).findFirst().orElseThrow();
        JsonNode config = admin.get(auth + "/config/" + review.path("authenticationConfig").asText()).expect(200).json();
        ((ObjectNode) config.path("config")).put("update.profile.on.first.login", "off");
        admin.put(auth + "/config/" + config.path("id").asText(), config).expect(204);

        admin.post(auth + "/flows/" + FLOW + "/executions/execution", Map.of("provider", DenylistFixture.BROKER_AUTHENTICATOR))
                .expect(201);
        JsonNode step = executions(admin, realm).stream()
                .filter(e -> DenylistFixture.BROKER_AUTHENTICATOR.equals(e.path("providerId").asText())).findFirst().orElseThrow();
        ((ObjectNode) step).put("requirement", "REQUIRED");
        admin.put(auth + "/flows/" + FLOW + "/executions", step).expect(202, 204);
        List<String> order = topLevelSteps(admin, realm);
        for (int i = 0; i < 5 && !DenylistFixture.BROKER_AUTHENTICATOR.equals(order.get(1)); i++) {
            admin.post(auth + "/executions/" + step.path("id").asText() + "/raise-priority", Map.of()).expect(204);
            order = topLevelSteps(admin, realm);
        }
        assertEquals(DenylistFixture.BROKER_AUTHENTICATOR, order.get(1), "the step runs right after Review Profile: " + order);
    }

    static List<String> topLevelSteps(Rest admin, String realm) {
        return executions(admin, realm).stream().filter(e -> e.path("level").asInt() == 0)
                .map(e -> e.path("providerId").asText(e.path("displayName").asText())).toList();
    }

    static List<JsonNode> executions(Rest admin, String realm) {
        return admin.get("/admin/realms/" + realm + "/authentication/flows/" + FLOW + "/executions").expect(200).list();
    }
}
