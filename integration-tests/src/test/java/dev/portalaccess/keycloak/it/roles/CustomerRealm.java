package dev.portalaccess.keycloak.it.roles;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/** A throwaway realm with customer roles on, the seed's four features, and a portal client with the customer mapper. */
final class CustomerRealm {

    static final String PASSWORD = "Secret-123";
    static final String CLIENT = "portal";
    static final String CATALOG = "[{\"name\":\"deployments\",\"label\":\"Deployments\",\"default\":true},"
            + "{\"name\":\"alerts\",\"label\":\"Alerts\",\"requires\":[\"deployments\"]},"
            + "{\"name\":\"artifacts\",\"label\":\"Artifacts\",\"default\":true},"
            + "{\"name\":\"support-bundles\",\"label\":\"Support Bundles\"}]";

    final Rest admin;
    final String realm;

    private CustomerRealm(Rest admin, String realm) {
        this.admin = admin;
        this.realm = realm;
    }

    static CustomerRealm create(Rest admin, String prefix) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName(prefix));
        rep.put("organizationsEnabled", true);
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        rep.put("attributes", Map.of("portalaccess.roles.enabled", "true", "portalaccess.features", CATALOG));
        rep.put("clients", List.of(Map.of(
                "clientId", CLIENT,
                "publicClient", true,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", true,
                "redirectUris", List.of("http://localhost/*"),
                "protocolMappers", List.of(Map.of(
                        "name", "customers",
                        "protocol", "openid-connect",
                        "protocolMapper", "portal-access-customer-claim-mapper",
                        "config", Map.of("claim.name", "customers", "access.token.claim", "true",
                                "id.token.claim", "true", "userinfo.token.claim", "true"))))));
        return new CustomerRealm(admin, TestRealms.create(admin, rep));
    }

    /** The same realm through another admin client (another cluster node). */
    CustomerRealm on(Rest otherAdmin) {
        return new CustomerRealm(otherAdmin, realm);
    }

    String realmId() {
        return admin.get(path("")).expect(200).json().path("id").asText();
    }

    String path(String rest) {
        return "/admin/realms/" + realm + rest;
    }

    String customer(String name) {
        Map<String, Object> rep = Map.of("name", name, "alias", name.toLowerCase(),
                "domains", List.of(Map.of("name", name.toLowerCase() + ".example")));
        return admin.post(path("/organizations"), rep).expect(201).createdId();
    }

    String user(String username) {
        return TestRealms.createUser(admin, realm, username, username + "@example.org", PASSWORD);
    }

    Rest.Response addMember(String customerId, String userId) {
        return admin.post(path("/organizations/" + customerId + "/members"), userId);
    }

    Rest.Response removeMember(String customerId, String userId) {
        return admin.delete(path("/organizations/" + customerId + "/members/" + userId));
    }

    String roleGroupId(String customerId, String role) {
        for (JsonNode group : admin.get(path("/organizations/" + customerId + "/groups")).expect(200).list()) {
            if (role.equals(group.path("name").asText())) {
                return group.path("id").asText();
            }
        }
        throw new AssertionError("customer " + customerId + " has no role group " + role);
    }

    JsonNode tokens(String username) {
        return admin.withToken(null).passwordGrant(realm, CLIENT, null, username, PASSWORD).expect(200).json();
    }

    /** The self-service API as this user. */
    Rest as(String username) {
        return admin.withToken(tokens(username).path("access_token").asText());
    }

    String selfService(String rest) {
        return "/realms/" + realm + "/customer-admin" + rest;
    }

    /** The customer's members as {username: role}, read through the self-service API as {@code username}. */
    Map<String, String> team(String asUser, String customerId) {
        Map<String, String> team = new HashMap<>();
        for (JsonNode member : as(asUser).get(selfService("/customers/" + customerId + "/members")).expect(200).list()) {
            team.put(member.path("username").asText(), member.path("role").isNull() ? null : member.path("role").asText());
        }
        return team;
    }
}
