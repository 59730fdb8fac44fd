package dev.portalaccess.keycloak.it.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/**
 * A throwaway customer realm for the team page's browser tests: customer roles on, the seed's features, the
 * customer-portal login theme, admin events stored with details, a portal client with password grants (for the
 * tests' crafted calls with a user's own token).
 */
final class TeamRealm {

    static final String PASSWORD = "Team-Pass-1";
    static final String CATALOG = "[{\"name\":\"deployments\",\"label\":\"Deployments\",\"default\":true},"
            + "{\"name\":\"alerts\",\"label\":\"Alerts\",\"requires\":[\"deployments\"]},"
            + "{\"name\":\"artifacts\",\"label\":\"Artifacts\",\"default\":true},"
            + "{\"name\":\"support-bundles\",\"label\":\"Support Bundles\"}]";

    final Rest admin;
    final String name;

    private TeamRealm(Rest admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static TeamRealm create(Rest admin, String prefix) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName(prefix));
        rep.put("displayName", "Customer Portal");
        rep.put("loginTheme", "customer-portal");
        rep.put("organizationsEnabled", true);
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        rep.put("attributes", Map.of("portalaccess.roles.enabled", "true", "portalaccess.features", CATALOG));
        rep.put("clients", List.of(Map.of("clientId", "portal", "publicClient", true, "directAccessGrantsEnabled", true,
                "standardFlowEnabled", true, "redirectUris", List.of("http://localhost/*"))));
        return new TeamRealm(admin, TestRealms.create(admin, rep));
    }

    String path(String rest) {
        return "/admin/realms/" + name + rest;
    }

    String teamUrl(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + name + "/portal-access/team/";
    }

    String customer(String customerName) {
        String alias = customerName.toLowerCase();
        return admin.post(path("/organizations"), Map.of("name", customerName, "alias", alias,
                "domains", List.of(Map.of("name", alias + ".example")))).expect(201).createdId();
    }

    String user(String username, String email) {
        return TestRealms.createUser(admin, name, username, email, PASSWORD);
    }

    void join(String customerId, String userId) {
        admin.post(path("/organizations/" + customerId + "/members"), userId).expect(201);
    }

    /** Only addresses of the customer's own domain may join or be invited. */
    void restrictToDomain(String customerId, String domain) {
        JsonNode org = admin.get(path("/organizations/" + customerId)).expect(200).json();
        ObjectNode attributes = (ObjectNode) org.path("attributes");
        attributes.putArray("portalaccess.domainRestriction.enabled").add("true");
        attributes.putArray("portalaccess.domainRestriction.domains").add(domain);
        admin.put(path("/organizations/" + customerId), org.toString()).expect(204);
    }

    /** The customer's members as {username: role}, read through the self-service API as {@code asUser}. */
    Map<String, String> team(String asUser, String customerId) {
        Map<String, String> team = new HashMap<>();
        for (JsonNode member : as(asUser).get(selfService("/customers/" + customerId + "/members")).expect(200).list()) {
            team.put(member.path("username").asText(), member.path("role").isNull() ? null : member.path("role").asText());
        }
        return team;
    }

    /** The self-service API with the user's own portal token (a crafted call outside the page). */
    Rest as(String username) {
        String token = admin.withToken(null).passwordGrant(name, "portal", null, username, PASSWORD).expect(200).json()
                .path("access_token").asText();
        return admin.withToken(token);
    }

    String selfService(String rest) {
        return "/realms/" + name + "/customer-admin" + rest;
    }

    void delete() {
        admin.delete("/admin/realms/" + name);
    }
}
