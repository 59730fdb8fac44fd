package dev.portalaccess.keycloak.it.api;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/**
 * A throwaway realm for the typed admin API tests: organizations, customer roles and the seed's feature catalogue
 * on, admin events stored with their representation, made through the admin REST API.
 */
final class ApiRealm {

    static final String PASSWORD = "Api-Pass-1";
    static final String CATALOG = "[{\"name\":\"deployments\",\"label\":\"Deployments\",\"default\":true},"
            + "{\"name\":\"alerts\",\"label\":\"Alerts\",\"requires\":[\"deployments\"]},"
            + "{\"name\":\"artifacts\",\"label\":\"Artifacts\",\"default\":true},"
            + "{\"name\":\"support-bundles\",\"label\":\"Support Bundles\"}]";

    final Rest admin;
    final String name;

    private ApiRealm(Rest admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static ApiRealm create(Rest admin, String prefix, Map<String, String> attributes) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName(prefix));
        rep.put("organizationsEnabled", true);
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        Map<String, String> attrs = new HashMap<>(Map.of("portalaccess.roles.enabled", "true", "portalaccess.features", CATALOG));
        attrs.putAll(attributes);
        rep.put("attributes", attrs);
        return new ApiRealm(admin, TestRealms.create(admin, rep));
    }

    static ApiRealm create(Rest admin, String prefix) {
        return create(admin, prefix, Map.of());
    }

    String path(String rest) {
        return "/admin/realms/" + name + rest;
    }

    String api(String rest) {
        return path("/portal-access" + rest);
    }

    String user(String username) {
        return TestRealms.createUser(admin, name, username, username + "@example.org", PASSWORD);
    }

    /** A customer made through Keycloak's own organization API. */
    String organization(String alias) {
        return admin.post(path("/organizations"), Map.of("name", alias.substring(0, 1).toUpperCase() + alias.substring(1),
                "alias", alias, "domains", List.of(Map.of("name", alias + ".example")))).expect(201).createdId();
    }

    void addMember(String organizationId, String userId) {
        admin.post(path("/organizations/" + organizationId + "/members"), userId).expect(201);
    }

    /** Gives the user roles of the realm's realm-management client (realm-admin, view-realm, query-organizations...). */
    void grantAdminRoles(String userId, String... roles) {
        String clientId = admin.get(path("/clients?clientId=realm-management")).expect(200).list().get(0).path("id").asText();
        List<JsonNode> reps = java.util.Arrays.stream(roles)
                .map(role -> admin.get(path("/clients/" + clientId + "/roles/" + role)).expect(200).json())
                .toList();
        admin.post(path("/users/" + userId + "/role-mappings/clients/" + clientId), reps).expect(204);
    }

    /** An access token of {@code username} (password grant through admin-cli). */
    String token(String username) {
        return Rest.anonymous(KeycloakServer.shared()).passwordGrant(name, "admin-cli", null, username, PASSWORD)
                .expect(200).json().path("access_token").asText();
    }

    Rest as(String username) {
        return Rest.anonymous(KeycloakServer.shared()).withToken(token(username));
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

    /** The realm's admin events of a resource type, newest first. */
    List<JsonNode> adminEvents(String resourceType, String operationType) {
        return admin.get(path("/admin-events?max=200&resourceTypes=" + resourceType + "&operationTypes=" + operationType))
                .expect(200).list();
    }

    JsonNode realmAttributes() {
        return admin.get(path("")).expect(200).json().path("attributes");
    }

    void delete() {
        admin.delete("/admin/realms/" + name).expect(204);
    }
}
