package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 401 and 403 of the project's endpoints carry the error contract of docs/errors.md: {@code error},
 * {@code errorMessage}, {@code messageKey}, JSON. A user of the realm without admin rights, on every part of the
 * admin root that checks Keycloak's realm rights (settings documents, the denylist, the deprecated
 * customer-features root) and on those with their own checks (customers, partner, {@code me}); the self-service
 * API without a token.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusalBodiesIT {

    private ApiRealm realm;
    private Rest nobody;
    private String acme;

    @BeforeAll
    void realm(Rest admin) {
        realm = ApiRealm.create(admin, "api-refusals");
        acme = realm.organization("acme");
        realm.user("nobody");
        nobody = realm.as("nobody");
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
    }

    @Test
    void realmRightsAreRefusedWithTheContract() {
        contract(nobody.get(realm.api("/settings/customer-access")), 403, "forbidden", "portalAccessForbidden");
        contract(nobody.put(realm.api("/settings/customer-access"), Map.of("autoInvite", true)), 403, "forbidden",
                "portalAccessForbidden");
        contract(nobody.post(realm.api("/settings/customer-access/check"), Map.of("autoInvite", true)), 403, "forbidden",
                "portalAccessForbidden");
        contract(nobody.get(realm.api("/denylist")), 403, "forbidden", "portalAccessForbidden");
        contract(nobody.post(realm.api("/denylist"), Map.of("value", "spam.example")), 403, "forbidden",
                "portalAccessForbidden");
        contract(nobody.get(realm.path("/customer-features")), 403, "forbidden", "portalAccessForbidden");
        JsonNode body = nobody.get(realm.api("/settings/features")).json();
        assertTrue(body.path("errorMessage").asText().contains("nobody"), "says who: " + body);
        assertTrue(body.path("errorMessage").asText().contains("view-realm"), "says which right: " + body);
    }

    @Test
    void theOwnChecksAnswerTheContractToo() {
        contract(nobody.get(realm.api("/customers")), 403, "forbidden", "portalAccessForbidden");
        contract(nobody.put(realm.api("/customers/" + acme + "/settings"), Map.of("contactEmail", "x@acme.example")), 403,
                "forbidden", "portalAccessForbidden");
        contract(nobody.get(realm.api("/partner")), 403, "forbidden", "portalAccessForbidden");
        Rest.Response me = nobody.get(realm.api("/me"));
        assertEquals(403, me.status(), me.body());
        assertEquals("portalaccess_no_access", me.json().path("error").asText(), me.body());
        assertFalse(me.json().path("errorMessage").asText().isBlank(), me.body());
    }

    @Test
    void theSelfServiceApiAnswersAMissingTokenWithTheContract() {
        Rest.Response anonymous = Rest.anonymous(KeycloakServer.shared()).get("/realms/" + realm.name + "/customer-admin/customers");
        contract(anonymous, 401, "notAuthenticated", "portalAccessNotAuthenticated");
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"), anonymous.header("WWW-Authenticate"));
    }

    private static void contract(Rest.Response response, int status, String error, String messageKey) {
        assertEquals(status, response.status(), response.request() + ": " + response.body());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.header("Content-Type"));
        JsonNode body = response.json();
        assertEquals(error, body.path("error").asText(), response.request() + ": " + body);
        assertEquals(messageKey, body.path("messageKey").asText(), response.request() + ": " + body);
        assertFalse(body.path("errorMessage").asText().isBlank(), response.request() + ": " + body);
    }
}
