package dev.portalaccess.keycloak.it.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/**
 * A throwaway realm (organizations on, admin events with representations on) for the typed API tests of domain
 * restriction, denylist and self-registration, with admins of each kind: realm admin, realm viewer, a user without
 * rights and a delegated organization admin (fine-grained admin permissions v2, as Keycloak 26.7 offers them).
 */
final class RulesApiRealm {

    static final String PASSWORD = "Rules-Api-Pass-1";

    final Rest admin;
    final String name;

    private RulesApiRealm(Rest admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static RulesApiRealm create(Rest admin, String prefix) {
        String name = TestRealms.uniqueName(prefix);
        TestRealms.create(admin, Map.of("realm", name, "organizationsEnabled", true,
                "adminEventsEnabled", true, "adminEventsDetailsEnabled", true));
        return new RulesApiRealm(admin, name);
    }

    String path(String rest) {
        return "/admin/realms/" + name + rest;
    }

    String api(String rest) {
        return path("/portal-access" + rest);
    }

    String createUser(String username) {
        return TestRealms.createUser(admin, name, username, username + "@example.org", PASSWORD);
    }

    String createUser(String username, String email) {
        return TestRealms.createUser(admin, name, username, email, PASSWORD);
    }

    /** Gives the user roles of the realm's realm-management client (realm-admin, view-realm, query-organizations...). */
    void grantAdminRoles(String userId, String... roles) {
        String clientId = admin.get(path("/clients?clientId=realm-management")).expect(200).list().get(0).path("id").asText();
        List<JsonNode> reps = Arrays.stream(roles)
                .map(role -> admin.get(path("/clients/" + clientId + "/roles/" + role)).expect(200).json())
                .toList();
        admin.post(path("/users/" + userId + "/role-mappings/clients/" + clientId), reps).expect(204);
    }

    String createOrganization(String alias, String domain, Map<String, List<String>> attributes) {
        return admin.post(path("/organizations"), Map.of("name", alias, "alias", alias,
                "domains", List.of(Map.of("name", domain)), "attributes", attributes)).expect(201).createdId();
    }

    JsonNode organization(String id) {
        return admin.get(path("/organizations/" + id)).expect(200).json();
    }

    Map<String, List<String>> attributes(String orgId) {
        JsonNode attributes = organization(orgId).path("attributes");
        return attributes.isObject() ? Rest.JSON.convertValue(attributes, new TypeReference<Map<String, List<String>>>() { })
                : Map.of();
    }

    /** What the admin console's Attributes tab sends: the whole organization with the new attributes. */
    Rest.Response putAttributes(String orgId, Map<String, List<String>> attributes) {
        Map<String, Object> rep = Rest.JSON.convertValue(organization(orgId), new TypeReference<Map<String, Object>>() { });
        rep.put("attributes", attributes);
        return admin.put(path("/organizations/" + orgId), rep);
    }

    /** An access token of {@code username} (through admin-cli). */
    String token(String username) {
        return Rest.anonymous(KeycloakServer.shared()).passwordGrant(name, "admin-cli", null, username, PASSWORD)
                .expect(200).json().path("access_token").asText();
    }

    Rest as(String username) {
        return Rest.anonymous(KeycloakServer.shared()).withToken(token(username));
    }

    /** Keycloak 26.7's delegated organization admin: a user policy and a permission on one organization (view, manage). */
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

    /** The realm's admin events, newest first. */
    List<JsonNode> adminEvents(String resourceType) {
        return admin.get(path("/admin-events?resourceTypes=" + resourceType + "&max=50")).expect(200).list();
    }

    void delete() {
        admin.delete("/admin/realms/" + name).expect(204);
    }
}
