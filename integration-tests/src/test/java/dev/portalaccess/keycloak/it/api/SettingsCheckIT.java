package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The check-only endpoints {@code POST .../portal-access/settings/{id}/check} and
 * {@code POST .../portal-access/customers/{id}/settings/check}: the PUT's validation, nothing stored, no admin
 * event, 200 {@code {"valid":true}} or the PUT's 400 by field; the PUT's (manage) permission.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsCheckIT {

    private ApiRealm realm;
    private String acme;
    private String globex;

    @BeforeAll
    void realm(Rest admin) {
        realm = ApiRealm.create(admin, "api-check");
        admin.post(realm.path("/clients"), Map.of("clientId", "shop", "publicClient", true)).expect(201);
        acme = realm.organization("acme");
        globex = realm.organization("globex");
        realm.grantAdminRoles(realm.user("boss"), "realm-admin");
        realm.grantAdminRoles(realm.user("viewer"), "view-realm", "view-organizations");
        realm.user("nobody");
        realm.grantAdminRoles(realm.user("orgadmin"), "query-organizations");
        realm.delegateOrganization("orgadmin", acme);
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
    }

    private String customerCheck(String id) {
        return realm.api("/customers/" + id + "/settings/check");
    }

    @Test
    void aValidCustomerDocumentIsValidAndNothingIsStored() {
        Rest boss = realm.as("boss");
        String settings = realm.api("/customers/" + acme + "/settings");
        JsonNode before = boss.get(settings).expect(200).json();
        int events = realm.adminEvents("ORGANIZATION", "UPDATE").size();
        Map<String, Object> document = Map.of(
                "domainRestriction", Map.of("enabled", true, "entries", List.of("acme.example", "*.acme.io")),
                "contactEmail", "boss@acme.example",
                "portalAccess", Map.of("enabled", false));
        JsonNode answer = boss.post(customerCheck(acme), document).expect(200).json();
        assertEquals("{\"valid\":true}", answer.toString());
        assertEquals(before, boss.get(settings).expect(200).json(), "nothing stored");
        assertEquals(events, realm.adminEvents("ORGANIZATION", "UPDATE").size(), "no admin event");
        // the same document is stored by the PUT: the check said what the write does
        JsonNode stored = boss.put(settings, document).expect(200).json();
        assertEquals("boss@acme.example", stored.path("contactEmail").asText(), stored.toString());
    }

    @Test
    void aBadCustomerDocumentIsRefusedByFieldAndNothingIsStored() {
        Rest boss = realm.as("boss");
        String settings = realm.api("/customers/" + globex + "/settings");
        JsonNode before = boss.get(settings).expect(200).json();
        int events = realm.adminEvents("ORGANIZATION", "UPDATE").size();
        Map<String, Object> bad = new HashMap<>();
        bad.put("domainRestriction", Map.of("enabled", true, "entries", List.of("globex.example", "not a domain")));
        bad.put("contactEmail", "boss at globex");
        bad.put("colour", "red");
        Rest.Response refused = boss.post(customerCheck(globex), bad).expect(400);
        assertEquals(Set.of("domainRestriction.entries[1]", "contactEmail", "colour"), CustomersApiIT.fields(refused.json()),
                refused.body());
        for (JsonNode p : refused.json().path("errors")) {
            assertTrue(p.hasNonNull("error") && p.hasNonNull("errorMessage") && p.hasNonNull("messageKey"), p.toString());
        }
        assertEquals(CustomersApiIT.fields(boss.put(settings, bad).expect(400).json()), CustomersApiIT.fields(refused.json()),
                "the PUT refuses the same fields");
        assertEquals(before, boss.get(settings).expect(200).json(), "nothing stored");
        assertEquals(events, realm.adminEvents("ORGANIZATION", "UPDATE").size(), "no admin event");
        assertEquals("invalidDocument", boss.post(customerCheck(globex), List.of()).expect(400).json().path("error").asText());
    }

    @Test
    void aRealmDocumentIsCheckedWithoutStoringIt() {
        Rest boss = realm.as("boss");
        String doc = realm.api("/settings/customer-access");
        JsonNode before = boss.get(doc).expect(200).json();
        JsonNode attributes = realm.realmAttributes();
        int events = realm.adminEvents("REALM", "UPDATE").size();

        JsonNode answer = boss.post(doc + "/check", Map.of("autoInvite", true, "serviceAccountAudience", "shop"))
                .expect(200).json();
        assertEquals("{\"valid\":true}", answer.toString());
        Map<String, Object> bad = new HashMap<>();
        bad.put("autoInvite", "yes");
        bad.put("serviceAccountAudience", "nope");
        JsonNode refused = boss.post(doc + "/check", bad).expect(400).json();
        assertEquals(Set.of("autoInvite", "serviceAccountAudience"), CustomersApiIT.fields(refused), refused.toString());

        assertEquals(before, boss.get(doc).expect(200).json(), "nothing stored");
        assertEquals(attributes, realm.realmAttributes(), "no realm attribute written");
        assertEquals(events, realm.adminEvents("REALM", "UPDATE").size(), "no admin event");
        assertEquals("notFound", boss.post(realm.api("/settings/no-such-document/check"), Map.of()).expect(404).json()
                .path("error").asText());
    }

    @Test
    void theCheckNeedsTheRightToWrite() {
        Map<String, Object> document = Map.of("contactEmail", "it@acme.example");
        Rest orgAdmin = realm.as("orgadmin");
        assertEquals("{\"valid\":true}", orgAdmin.post(customerCheck(acme), document).expect(200).json().toString(),
                "a delegated organization admin checks their organization");
        forbidden(orgAdmin.post(customerCheck(globex), document));
        forbidden(orgAdmin.post(realm.api("/settings/customer-access/check"), Map.of("autoInvite", true)));

        Rest viewer = realm.as("viewer");
        forbidden(viewer.post(customerCheck(acme), document));
        forbidden(viewer.post(realm.api("/settings/customer-access/check"), Map.of("autoInvite", true)));

        Rest nobody = realm.as("nobody");
        forbidden(nobody.post(customerCheck(acme), document));
        forbidden(nobody.post(realm.api("/settings/customer-access/check"), Map.of("autoInvite", true)));

        Rest.Response anonymous = Rest.anonymous(KeycloakServer.shared()).post(customerCheck(acme), document);
        assertEquals(401, anonymous.status(), anonymous.body());
    }

    private static void forbidden(Rest.Response response) {
        assertEquals(403, response.status(), response.request() + ": " + response.body());
        assertTrue(response.json().has("error"), "a JSON body: " + response.body());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.header("Content-Type"));
    }
}
