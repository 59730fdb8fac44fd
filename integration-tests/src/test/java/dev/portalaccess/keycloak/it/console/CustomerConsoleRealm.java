package dev.portalaccess.keycloak.it.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/**
 * A throwaway realm for the customer pages: organizations on, customer roles on, the seed's feature catalogue
 * (Alerts needs Deployments), automatic invitation with its event listener, a portal client, mails to the sink.
 * Set up through the admin REST API, as an identity admin would before opening the console.
 */
final class CustomerConsoleRealm {

    static final String PASSWORD = "Console-Pass-1";
    static final String CATALOG = "[{\"name\":\"deployments\",\"label\":\"Deployments\",\"default\":true},"
            + "{\"name\":\"alerts\",\"label\":\"Alerts\",\"requires\":[\"deployments\"]},"
            + "{\"name\":\"artifacts\",\"label\":\"Artifacts\",\"default\":true},"
            + "{\"name\":\"support-bundles\",\"label\":\"Support Bundles\"}]";

    final Rest admin;
    final String name;

    private CustomerConsoleRealm(Rest admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static CustomerConsoleRealm create(Rest admin, KeycloakServer server, String prefix) {
        Map<String, Object> rep = new HashMap<>();
        String name = TestRealms.uniqueName(prefix);
        rep.put("realm", name);
        rep.put("displayName", "Customer Console");
        rep.put("organizationsEnabled", true);
        rep.put("registrationAllowed", false);
        rep.put("eventsEnabled", true);
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        rep.put("eventsListeners", List.of("jboss-logging", "portal-access-customer"));
        rep.put("attributes", Map.of("portalaccess.roles.enabled", "true", "portalaccess.features", CATALOG,
                "portalaccess.autoInvite.enabled", "true"));
        rep.put("clients", List.of(Map.of(
                "clientId", "portal",
                "publicClient", true,
                "standardFlowEnabled", true,
                "rootUrl", server.baseUrl() + "/realms/" + name + "/account",
                "baseUrl", "/",
                "redirectUris", List.of(server.baseUrl() + "/realms/" + name + "/account/*"))));
        TestRealms.create(admin, rep);
        return new CustomerConsoleRealm(admin, name);
    }

    String path(String rest) {
        return "/admin/realms/" + name + rest;
    }

    String api(String rest) {
        return path("/portal-access" + rest);
    }

    String consoleUrl(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + name + "/portal-access/console/";
    }

    String customersUrl(KeycloakServer server) {
        return consoleUrl(server) + name + "/customers";
    }

    String customerUrl(KeycloakServer server, String customerId, String tab) {
        return customersUrl(server) + "/" + customerId + "/" + tab;
    }

    String createUser(String username) {
        return createUser(username, username + "@example.org");
    }

    String createUser(String username, String email) {
        return TestRealms.createUser(admin, name, username, email, PASSWORD);
    }

    /** A realm admin of this realm (realm-management realm-admin). */
    String realmAdmin(String username) {
        String id = createUser(username);
        grantAdminRoles(id, "realm-admin");
        return id;
    }

    void grantAdminRoles(String userId, String... roles) {
        String clientId = admin.get(path("/clients?clientId=realm-management")).expect(200).list().get(0).path("id").asText();
        List<JsonNode> reps = java.util.Arrays.stream(roles)
                .map(role -> admin.get(path("/clients/" + clientId + "/roles/" + role)).expect(200).json())
                .toList();
        admin.post(path("/users/" + userId + "/role-mappings/clients/" + clientId), reps).expect(204);
    }

    /** A customer made through Keycloak's organization admin REST API; returns its id. */
    String createCustomer(String alias, String displayName, String domain) {
        return admin.post(path("/organizations"), Map.of("name", displayName, "alias", alias,
                "domains", List.of(Map.of("name", domain)))).expect(201).createdId();
    }

    void addMember(String customerId, String userId) {
        admin.post(path("/organizations/" + customerId + "/members"), userId).expect(201);
    }

    String customerId(String alias) {
        // the typed API searches aliases too (Keycloak's organization search: names and domains)
        for (JsonNode org : admin.get(api("/customers?search=" + alias)).expect(200).list()) {
            if (alias.equals(org.path("alias").asText())) {
                return org.path("id").asText();
            }
        }
        throw new AssertionError("no customer " + alias);
    }

    JsonNode settings(String customerId) {
        return admin.get(api("/customers/" + customerId + "/settings")).expect(200).json();
    }

    List<JsonNode> members(String customerId) {
        return admin.get(api("/customers/" + customerId + "/members")).expect(200).list();
    }

    String roleOf(String customerId, String username) {
        return members(customerId).stream().filter(m -> username.equals(m.path("username").asText()))
                .map(m -> m.path("role").asText(null)).findFirst().orElse(null);
    }

    List<JsonNode> invitations(String customerId) {
        return admin.get(api("/customers/" + customerId + "/invitations")).expect(200).list();
    }

    List<JsonNode> adminEvents() {
        return admin.get(path("/admin-events?max=500")).expect(200).list();
    }

    /**
     * Keycloak 26.7's delegated organization admin: fine-grained admin permissions (v2) on for the realm, a user
     * policy for the admin and a permission on each organization with {@code scopes}.
     */
    void delegate(String username, List<String> scopes, String... organizationIds) {
        admin.put(path(""), Map.of("realm", name, "adminPermissionsEnabled", true)).expect(204);
        String permissionsClient = admin.get(path("/clients?clientId=admin-permissions")).expect(200).list().get(0)
                .path("id").asText();
        String authz = path("/clients/" + permissionsClient + "/authz/resource-server");
        String userId = admin.get(path("/users?exact=true&username=" + username)).expect(200).list().get(0).path("id").asText();
        String policy = admin.post(authz + "/policy/user", Map.of("name", "is " + username, "users", List.of(userId)))
                .expect(201).json().path("id").asText();
        admin.post(authz + "/permission/scope", Map.of("name", username + " administers " + String.join(",", organizationIds),
                "resourceType", "Organizations", "resources", List.of(organizationIds), "scopes", scopes,
                "policies", List.of(policy))).expect(201);
    }

    void delete() {
        admin.delete("/admin/realms/" + name).expect(204);
    }
}
