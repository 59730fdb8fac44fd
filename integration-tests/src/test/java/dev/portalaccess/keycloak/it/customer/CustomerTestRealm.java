package dev.portalaccess.keycloak.it.customer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/** A throwaway realm set up like a portal realm: organizations on, a confidential portal client, the customer flows. */
final class CustomerTestRealm {

    static final String PORTAL_SECRET = "portal-secret";
    static final String OTHER_SECRET = "other-secret";
    static final String PASSWORD = "Secret-Passw0rd!";
    static final String ACCESS_ATTRIBUTE = "portalaccess.portalAccess.enabled";

    final Rest admin;
    final KeycloakServer server;
    final String realm;

    private CustomerTestRealm(Rest admin, KeycloakServer server, String realm) {
        this.admin = admin;
        this.server = server;
        this.realm = realm;
    }

    /** A realm with the customer browser flow and the customer event listener; {@code attributes} are realm attributes. */
    static CustomerTestRealm create(Rest admin, KeycloakServer server, Map<String, String> attributes) {
        return create(admin, server, attributes, Map.of());
    }

    /** As {@link #create(Rest, KeycloakServer, Map)}, with more realm representation fields (e.g. the email theme). */
    static CustomerTestRealm create(Rest admin, KeycloakServer server, Map<String, String> attributes, Map<String, Object> more) {
        return create(admin, server, attributes, more, "portal-access-customer-portal-access", "portal-access-customer");
    }

    /** As above, with the authenticator and event listener given by id (the deprecated ids of docs/renames.md still work). */
    static CustomerTestRealm create(Rest admin, KeycloakServer server, Map<String, String> attributes, Map<String, Object> more,
                                    String authenticatorId, String eventListenerId) {
        Map<String, Object> rep = new HashMap<>(more);
        rep.put("realm", TestRealms.uniqueName("customer"));
        rep.put("displayName", "Acme Vendor Portal");
        rep.put("organizationsEnabled", true);
        rep.put("eventsEnabled", true);
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        rep.put("eventsListeners", List.of("jboss-logging", eventListenerId));
        rep.put("attributes", attributes);
        String realmName = (String) rep.get("realm");
        String landing = server.baseUrl() + "/realms/" + realmName + "/portal-landing";
        rep.put("clients", List.of(
                client("portal", PORTAL_SECRET, landing, Map.of()),
                client("other", OTHER_SECRET, landing, Map.of())));
        TestRealms.create(admin, rep);
        CustomerTestRealm realm = new CustomerTestRealm(admin, server, realmName);
        realm.installPortalBrowserFlow(authenticatorId);
        return realm;
    }

    /**
     * The portal browser flow, built through the admin REST API: an identification sub-flow (cookie, or the
     * username/password form), then the customer portal access authenticator, required, so it runs on every
     * identification path.
     */
    private void installPortalBrowserFlow(String authenticatorId) {
        String flows = path("/authentication/flows");
        admin.post(flows, Map.of("alias", "portal-browser", "providerId", "basic-flow", "topLevel", true, "builtIn", false,
                "description", "browser flow with customer portal access")).expect(201);
        admin.post(flows + "/portal-browser/executions/flow", Map.of("alias", "portal-browser-identify", "type", "basic-flow",
                "description", "who the user is")).expect(201);
        admin.post(flows + "/portal-browser-identify/executions/execution", Map.of("provider", "auth-cookie")).expect(201);
        admin.post(flows + "/portal-browser-identify/executions/flow", Map.of("alias", "portal-browser-forms", "type", "basic-flow",
                "description", "username and password")).expect(201);
        admin.post(flows + "/portal-browser-forms/executions/execution", Map.of("provider", "auth-username-password-form")).expect(201);
        admin.post(flows + "/portal-browser/executions/execution", Map.of("provider", authenticatorId)).expect(201);
        for (JsonNode execution : admin.get(flows + "/portal-browser/executions").expect(200).list()) {
            String requirement = switch (execution.path("displayName").asText()) {
                case "portal-browser-identify", "Customer portal access", "Customer portal access (deprecated id)",
                     "Username Password Form" -> "REQUIRED";
                default -> "ALTERNATIVE";
            };
            ObjectNode update = (ObjectNode) execution;
            update.put("requirement", requirement);
            admin.put(flows + "/portal-browser/executions", update).expect(202, 204);
        }
        admin.put("/admin/realms/" + realm, Map.of("browserFlow", "portal-browser")).expect(204);
    }

    private static Map<String, Object> client(String clientId, String secret, String landing, Map<String, String> attributes) {
        Map<String, Object> client = new HashMap<>();
        client.put("clientId", clientId);
        client.put("enabled", true);
        client.put("publicClient", false);
        client.put("secret", secret);
        client.put("standardFlowEnabled", true);
        client.put("directAccessGrantsEnabled", true);
        client.put("rootUrl", "http://localhost:3000");
        client.put("baseUrl", "/app/");
        client.put("redirectUris", List.of(landing, "http://localhost:3000/*"));
        client.put("attributes", attributes);
        client.put("defaultClientScopes", List.of("web-origins", "acr", "profile", "roles", "basic", "email"));
        client.put("optionalClientScopes", List.of("organization", "offline_access"));
        return client;
    }


    String path(String suffix) {
        return "/admin/realms/" + realm + suffix;
    }

    /** Creates a customer; {@code attributes} are organization attributes. Returns its id. */
    String createCustomer(String alias, String name, Map<String, List<String>> attributes) {
        Map<String, Object> org = new HashMap<>();
        org.put("name", name);
        org.put("alias", alias);
        org.put("enabled", true);
        org.put("attributes", attributes);
        return admin.post(path("/organizations"), org).expect(201).createdId();
    }

    String createMember(String customerId, String username) {
        String userId = TestRealms.createUser(admin, realm, username, username + "@example.org", PASSWORD);
        admin.post(path("/organizations/" + customerId + "/members"), userId).expect(201);
        return userId;
    }

    /** Sets one organization attribute (null removes it) through the admin REST update. */
    void setCustomerAttribute(String customerId, String name, String value) {
        ObjectNode org = (ObjectNode) admin.get(path("/organizations/" + customerId)).expect(200).json();
        ObjectNode attributes = org.has("attributes") && org.get("attributes").isObject()
                ? (ObjectNode) org.get("attributes") : org.putObject("attributes");
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.putArray(name).add(value);
        }
        admin.put(path("/organizations/" + customerId), org).expect(204);
    }

    Rest.Response passwordGrant(String clientId, String secret, String username, String scope) {
        return anonymous().postForm("/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", clientId, "client_secret", secret,
                "username", username, "password", PASSWORD, "scope", scope));
    }

    Rest.Response refresh(String refreshToken) {
        return anonymous().refreshGrant(realm, "portal", PORTAL_SECRET, refreshToken);
    }

    Rest anonymous() {
        return Rest.anonymous(server);
    }

    String authUrl(String clientId) {
        return server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + clientId
                + "&response_type=code&scope=openid&redirect_uri=" + java.net.URLEncoder.encode(landing(), java.nio.charset.StandardCharsets.UTF_8);
    }

    String landing() {
        return server.baseUrl() + "/realms/" + realm + "/portal-landing";
    }

    List<JsonNode> events(String type) {
        return admin.get(path("/events?type=" + type)).expect(200).list();
    }

    List<JsonNode> adminEvents() {
        return admin.get(path("/admin-events?max=200")).expect(200).list();
    }

    void delete() {
        admin.delete("/admin/realms/" + realm).expect(204);
    }

    /** The id of the customer's organization group {@code name} (e.g. a role group). */
    String roleGroup(String customerId, String name) {
        for (JsonNode group : admin.get(path("/organizations/" + customerId + "/groups")).expect(200).list()) {
            if (name.equals(group.path("name").asText())) {
                return group.path("id").asText();
            }
        }
        throw new AssertionError("customer " + customerId + " has no group " + name);
    }

    /** The same realm through another server (a cluster node) and its admin client. */
    CustomerTestRealm on(Rest otherAdmin, KeycloakServer otherServer) {
        return new CustomerTestRealm(otherAdmin, otherServer, realm);
    }
}
