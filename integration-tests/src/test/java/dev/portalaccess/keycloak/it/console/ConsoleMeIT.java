package dev.portalaccess.keycloak.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /admin/realms/{realm}/portal-access/me}: what the signed-in admin may do in a realm, from Keycloak's own
 * permission evaluator, for realm admins, master-realm admins, delegated organization admins (fine-grained admin
 * permissions v2) and users without rights.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleMeIT {

    private ConsoleRealm realm;
    private String acme;
    private Rest server;

    @BeforeAll
    void realm(Rest admin, KeycloakServer keycloak) {
        server = Rest.anonymous(keycloak);
        realm = ConsoleRealm.create(admin, "console-me", "Console Me");
        acme = realm.createOrganization("acme");
        realm.createOrganization("globex");
        realm.grantAdminRoles(realm.createUser("boss"), "realm-admin");
        realm.grantAdminRoles(realm.createUser("viewer"), "view-realm");
        realm.createUser("nobody");
        realm.grantAdminRoles(realm.createUser("orgadmin"), "query-organizations");
        realm.delegateOrganization("orgadmin", acme);
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
    }

    private JsonNode me(String username) {
        return server.withToken(realm.token(username)).get(realm.path("/portal-access/me")).expect(200).json();
    }

    @Test
    void aRealmAdminMayDoEverything() {
        JsonNode me = me("boss");
        assertEquals(realm.name, me.path("realm").path("name").asText());
        assertEquals("Console Me", me.path("realm").path("displayName").asText());
        assertTrue(me.path("realm").path("organizationsEnabled").asBoolean());
        assertEquals("boss", me.path("user").path("username").asText());
        assertEquals(realm.name, me.path("user").path("realm").asText());
        JsonNode rights = me.path("rights");
        for (String right : List.of("viewRealm", "manageRealm", "viewUsers", "manageUsers", "queryOrganizations",
                "viewOrganizations", "manageOrganizations")) {
            assertTrue(rights.path(right).asBoolean(), right + ": " + rights);
        }
        assertFalse(rights.path("delegatedOrganizations").asBoolean(), rights.toString());
    }

    @Test
    void aViewerMayReadButNotChange() {
        JsonNode rights = me("viewer").path("rights");
        assertTrue(rights.path("viewRealm").asBoolean(), rights.toString());
        assertFalse(rights.path("manageRealm").asBoolean(), rights.toString());
        assertFalse(rights.path("manageOrganizations").asBoolean(), rights.toString());
    }

    @Test
    void theMasterAdminMayDoEverythingInAnyRealm(Rest admin) {
        JsonNode me = admin.get(realm.path("/portal-access/me")).expect(200).json();
        assertEquals(realm.name, me.path("realm").path("name").asText());
        assertEquals("master", me.path("user").path("realm").asText());
        assertTrue(me.path("rights").path("manageRealm").asBoolean(), me.toString());
        assertTrue(me.path("rights").path("manageOrganizations").asBoolean(), me.toString());
    }

    @Test
    void aDelegatedOrganizationAdminSeesOnlyTheirOrganization() {
        JsonNode me = me("orgadmin");
        JsonNode rights = me.path("rights");
        assertTrue(me.path("realm").path("adminPermissionsEnabled").asBoolean(), me.toString());
        assertFalse(rights.path("viewRealm").asBoolean(), rights.toString());
        assertFalse(rights.path("viewOrganizations").asBoolean(), rights.toString());
        assertTrue(rights.path("queryOrganizations").asBoolean(), rights.toString());
        assertTrue(rights.path("delegatedOrganizations").asBoolean(), rights.toString());

        // what the console's overview counts: Keycloak filters by the admin's permissions
        Rest orgAdmin = server.withToken(realm.token("orgadmin"));
        assertEquals("1", orgAdmin.get(realm.path("/organizations/count")).expect(200).body());
        List<JsonNode> visible = orgAdmin.get(realm.path("/organizations")).expect(200).list();
        assertEquals(1, visible.size(), visible.toString());
        assertEquals("acme", visible.get(0).path("name").asText());
    }

    @Test
    void aUserWithoutRightsIsRefusedWithTheErrorContract() {
        Rest.Response refused = server.withToken(realm.token("nobody")).get(realm.path("/portal-access/me")).expect(403);
        assertEquals("portalaccess_no_access", refused.json().path("error").asText(), refused.body());
        assertTrue(refused.json().path("errorMessage").asText().contains("nobody"), refused.body());
        assertTrue(refused.header("Content-Type").startsWith("application/json"), refused.header("Content-Type"));
    }

    @Test
    void anotherRealmsTokenAndNoTokenAreRefused(Rest admin) {
        // a realm admin of this realm has no rights in another (non-master) realm: Keycloak refuses the token
        Rest.Response otherRealm = server.withToken(realm.token("boss")).get("/admin/realms/customer-portal/portal-access/me");
        assertEquals(403, otherRealm.status(), otherRealm.body());
        assertTrue(otherRealm.json().has("error"), otherRealm.body());

        Rest.Response anonymous = server.get(realm.path("/portal-access/me"));
        assertEquals(401, anonymous.status(), anonymous.body());
        assertTrue(anonymous.json().has("error"), anonymous.body());
    }
}
