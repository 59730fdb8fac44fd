package dev.portalaccess.keycloak.it.console;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/** A throwaway realm for the console tests, with organizations on, made through the admin REST API. */
final class ConsoleRealm {

    static final String PASSWORD = "Console-Pass-1";

    final Rest admin;
    final String name;

    private ConsoleRealm(Rest admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static ConsoleRealm create(Rest admin, String prefix, String displayName) {
        String name = TestRealms.uniqueName(prefix);
        TestRealms.create(admin, Map.of("realm", name, "displayName", displayName, "organizationsEnabled", true));
        return new ConsoleRealm(admin, name);
    }

    String path(String rest) {
        return "/admin/realms/" + name + rest;
    }

    String consoleUrl(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + name + "/portal-access/console/";
    }

    String createUser(String username) {
        return TestRealms.createUser(admin, name, username, username + "@example.org", PASSWORD);
    }

    /** Gives the user roles of the realm's realm-management client (realm-admin, view-realm, query-organizations...). */
    void grantAdminRoles(String userId, String... roles) {
        String clientId = admin.get(path("/clients?clientId=realm-management")).expect(200).list().get(0).path("id").asText();
        List<JsonNode> reps = java.util.Arrays.stream(roles)
                .map(role -> admin.get(path("/clients/" + clientId + "/roles/" + role)).expect(200).json())
                .toList();
        admin.post(path("/users/" + userId + "/role-mappings/clients/" + clientId), reps).expect(204);
    }

    String createOrganization(String orgName) {
        return admin.post(path("/organizations"), Map.of("name", orgName, "alias", orgName,
                "domains", List.of(Map.of("name", orgName + ".example")))).expect(201).createdId();
    }

    /** The realm's console client, as the admin REST API shows it. */
    JsonNode consoleClient() {
        List<JsonNode> found = admin.get(path("/clients?clientId=portal-access-console")).expect(200).list();
        return found.isEmpty() ? null : found.get(0);
    }

    /** An access token of {@code username} (through admin-cli: the console client allows no password grant). */
    String token(String username) {
        return Rest.anonymous(KeycloakServer.shared()).passwordGrant(name, "admin-cli", null, username, PASSWORD)
                .expect(200).json().path("access_token").asText();
    }


    /**
     * Keycloak 26.7's delegated organization admin: fine-grained admin permissions (v2) on for the realm, a user
     * policy for the admin and a permission on one organization with the view and manage scopes.
     */
    void delegateOrganization(String username, String organizationId) {
        admin.put(path(""), Map.of("realm", name, "adminPermissionsEnabled", true)).expect(204);
        String permissionsClient = admin.get(path("/clients?clientId=admin-permissions")).expect(200).list().get(0)
                .path("id").asText();
        String authz = path("/clients/" + permissionsClient + "/authz/resource-server");
        String userId = admin.get(path("/users?exact=true&username=" + username)).expect(200).list().get(0).path("id").asText();
        String policy = admin.post(authz + "/policy/user", Map.of("name", "is " + username, "users", List.of(userId)))
                .expect(201).json().path("id").asText();
        admin.post(authz + "/permission/scope", Map.of("name", username + " administers " + organizationId,
                "resourceType", "Organizations", "resources", List.of(organizationId), "scopes", List.of("view", "manage"),
                "policies", List.of(policy))).expect(201);
    }

    void delete() {
        admin.delete("/admin/realms/" + name).expect(204);
    }
}
