package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The denylist at the project's admin root, {@code /admin/realms/{realm}/portal-access/denylist}: the same resource
 * as the deprecated {@code /admin/realms/{realm}/denylist} (same sub-paths, bodies, permissions), with the error
 * contract's body.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenylistApiIT {

    private RulesApiRealm realm;

    @BeforeAll
    void realm(Rest admin) {
        realm = RulesApiRealm.create(admin, "denylist-api");
        realm.grantAdminRoles(realm.createUser("boss"), "realm-admin");
        realm.grantAdminRoles(realm.createUser("viewer"), "view-realm");
        realm.createUser("nobody");
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
    }

    @Test
    void entriesAreAddedCheckedListedAndRemovedAtTheNewRoot() {
        Rest boss = realm.as("boss");
        JsonNode added = boss.post(realm.api("/denylist"), Map.of("value", "Spam.Example", "note", "spam")).expect(201).json();
        assertEquals("spam.example", added.path("value").asText(), added.toString());
        String id = added.path("id").asText();

        JsonNode check = boss.get(realm.api("/denylist/check?email=eve@spam.example")).expect(200).json();
        assertTrue(check.path("denied").asBoolean(), check.toString());
        assertEquals(1, boss.get(realm.api("/denylist/count")).expect(200).json().path("count").asInt());
        // the deprecated root is the same resource
        assertEquals(id, realm.admin.get(realm.path("/denylist/" + id)).expect(200).json().path("id").asText());

        JsonNode event = realm.adminEvents("CUSTOM").stream()
                .filter(e -> e.path("operationType").asText().equals("CREATE")).findFirst().orElseThrow();
        assertTrue(event.path("resourcePath").asText().contains(id), event.toString());

        boss.delete(realm.api("/denylist/" + id)).expect(204);
        assertEquals(0, boss.get(realm.api("/denylist/count")).expect(200).json().path("count").asInt());
    }

    @Test
    void badInputIsRefusedWithTheErrorContractAndNothingIsStored() {
        Rest boss = realm.as("boss");
        long before = boss.get(realm.api("/denylist/count")).expect(200).json().path("count").asLong();
        Rest.Response refused = boss.post(realm.api("/denylist"), Map.of("value", "*acme.com")).expect(400);
        JsonNode body = refused.json();
        assertEquals("value", body.path("field").asText(), refused.body());
        assertEquals("invalidWildcard", body.path("error").asText(), refused.body());
        assertEquals("portalAccessDenylistInvalidEntry", body.path("messageKey").asText(), refused.body());
        assertEquals("*acme.com", body.path("params").path(0).asText(), refused.body());
        assertTrue(!body.path("errorMessage").asText().isEmpty(), refused.body());

        Rest.Response lines = boss.post(realm.api("/denylist/import"), "text/plain", "ok.example\n*bad.example\n");
        assertEquals(400, lines.status(), lines.body());
        assertEquals("invalidLines", lines.json().path("error").asText(), lines.body());
        assertEquals(2, lines.json().path("lines").path(0).path("line").asInt(), lines.body());
        assertEquals(before, boss.get(realm.api("/denylist/count")).expect(200).json().path("count").asLong(),
                "nothing stored");

        Rest.Response missing = boss.get(realm.api("/denylist/no-such-id")).expect(404);
        assertEquals("notFound", missing.json().path("error").asText(), missing.body());
    }

    @Test
    void aViewerMayReadButNotChangeAndAUserWithoutRightsNeither() {
        Rest viewer = realm.as("viewer");
        viewer.get(realm.api("/denylist")).expect(200);
        viewer.get(realm.api("/denylist/count")).expect(200);
        viewer.post(realm.api("/denylist"), Map.of("value", "viewer.example")).expect(403);

        Rest nobody = realm.as("nobody");
        nobody.get(realm.api("/denylist")).expect(403);
        nobody.post(realm.api("/denylist"), Map.of("value", "nobody.example")).expect(403);
        List<JsonNode> entries = realm.admin.get(realm.api("/denylist?search=example")).expect(200).list();
        assertTrue(entries.stream().noneMatch(e -> e.path("value").asText().endsWith("viewer.example")
                || e.path("value").asText().equals("nobody.example")), entries.toString());
    }
}
