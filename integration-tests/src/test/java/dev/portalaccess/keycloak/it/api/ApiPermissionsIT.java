package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
 * Who may use the typed API of tenant access, by Keycloak's own permissions: a realm admin everything; a realm viewer
 * (view-realm, view-organizations) reads but changes nothing; a delegated organization admin (fine-grained admin
 * permissions v2 on one organization) reads and writes exactly that organization and nothing of the realm; a user
 * without rights nothing. Every refusal is JSON.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiPermissionsIT {

    private ApiRealm realm;
    private String acme;
    private String globex;

    @BeforeAll
    void realm(Rest admin) {
        realm = ApiRealm.create(admin, "api-perm");
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

    private static final Map<String, Object> SETTINGS = Map.of("contactEmail", "it@acme.example");

    @Test
    void aRealmAdminReadsAndWritesEverything() {
        Rest boss = realm.as("boss");
        assertEquals(2, boss.get(realm.api("/customers")).expect(200).list().size());
        boss.put(realm.api("/customers/" + globex + "/settings"), SETTINGS).expect(200);
        boss.put(realm.api("/settings/customer-access"), Map.of("removalSignOut", true)).expect(200);
        boss.post(realm.api("/customers"), Map.of("name", "Boss Corp")).expect(201);
        assertTrue(realm.adminEvents("ORGANIZATION", "UPDATE").stream().anyMatch(e -> e.path("authDetails").path("userId").asText()
                .equals(userId("boss"))), "the admin event names the admin");
    }

    @Test
    void aRealmViewerReadsButChangesNothing() {
        Rest viewer = realm.as("viewer");
        assertTrue(viewer.get(realm.api("/customers")).expect(200).list().size() >= 2);
        viewer.get(realm.api("/customers/" + acme + "/settings")).expect(200);
        viewer.get(realm.api("/customers/" + acme + "/members")).expect(200);
        viewer.get(realm.api("/settings/features")).expect(200);
        forbidden(viewer.put(realm.api("/customers/" + acme + "/settings"), SETTINGS));
        forbidden(viewer.put(realm.api("/settings/features"), Map.of("rolesEnabled", false)));
        forbidden(viewer.post(realm.api("/customers"), Map.of("name", "Viewer Corp")));
        forbidden(viewer.post(realm.api("/customers/" + acme + "/invitations"), Map.of("email", "x@acme.example")));
        List<JsonNode> invitations = viewer.get(realm.api("/customers/" + acme + "/invitations")).expect(200).list();
        invitations.forEach(i -> assertTrue(!i.has("inviteLink"), "no invitation link to a viewer: " + i));
    }

    @Test
    void aDelegatedOrganizationAdminManagesExactlyTheirOrganization() {
        Rest orgAdmin = realm.as("orgadmin");
        List<JsonNode> visible = orgAdmin.get(realm.api("/customers")).expect(200).list();
        assertEquals(List.of("acme"), visible.stream().map(r -> r.path("alias").asText()).toList(), visible.toString());
        assertEquals("1", orgAdmin.get(realm.api("/customers/count")).expect(200).body());

        orgAdmin.get(realm.api("/customers/" + acme + "/settings")).expect(200);
        JsonNode stored = orgAdmin.put(realm.api("/customers/" + acme + "/settings"), Map.of("portalAccess", Map.of("enabled", false)))
                .expect(200).json();
        assertEquals(false, stored.path("portalAccess").path("enabled").asBoolean());
        orgAdmin.post(realm.api("/customers/" + acme + "/invitations"), Map.of("email", "new@acme.example", "role", "Viewer")).expect(201);

        forbidden(orgAdmin.get(realm.api("/customers/" + globex + "/settings")));
        forbidden(orgAdmin.put(realm.api("/customers/" + globex + "/settings"), SETTINGS));
        forbidden(orgAdmin.get(realm.api("/customers/" + globex + "/members")));
        forbidden(orgAdmin.get(realm.api("/settings/customer-access")));
        forbidden(orgAdmin.put(realm.api("/settings/customer-access"), Map.of("autoInvite", true)));
        forbidden(orgAdmin.post(realm.api("/customers"), Map.of("name", "Delegated Corp")));
    }

    @Test
    void aUserWithoutRightsGetsNothing() {
        Rest nobody = realm.as("nobody");
        forbidden(nobody.get(realm.api("/customers")));
        forbidden(nobody.get(realm.api("/customers/count")));
        forbidden(nobody.get(realm.api("/customers/" + acme + "/settings")));
        forbidden(nobody.put(realm.api("/customers/" + acme + "/settings"), SETTINGS));
        forbidden(nobody.get(realm.api("/settings/customer-access")));
        Rest.Response anonymous = Rest.anonymous(KeycloakServer.shared()).get(realm.api("/customers"));
        assertEquals(401, anonymous.status(), anonymous.body());
        assertTrue(anonymous.json().has("error"), anonymous.body());
    }

    private String userId(String username) {
        return realm.admin.get(realm.path("/users?exact=true&username=" + username)).expect(200).list().get(0).path("id").asText();
    }

    private static void forbidden(Rest.Response response) {
        assertEquals(403, response.status(), response.request() + ": " + response.body());
        assertTrue(response.json().has("error"), "a JSON body: " + response.body());
        assertTrue(response.header("Content-Type").startsWith("application/json"), response.header("Content-Type"));
    }
}
