package dev.portalaccess.keycloak.it.registration;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/**
 * A throwaway realm set up for self-registration through the real admin REST API, the way an admin does it
 * in the console: the "Self-registration policy" step in a copy of the registration flow (its settings are
 * the policy), the identity-provider steps in a copy of the first broker login flow, services (realm roles
 * and a group), companies (organizations) and a public "portal" client.
 */
final class SelfRegistrationRealm {

    static final String FORM_STEP = "portal-access-self-registration-form";
    static final String IDP_CHECK_STEP = "portal-access-selfreg-idp-check";
    static final String IDP_GRANT_STEP = "portal-access-selfreg-idp-grant";
    static final String REGISTRATION_FLOW = "self-registration";
    static final String BROKER_FLOW = "self-registration first broker login";

    static final String SERVICE_ROLE = "service-helpdesk";
    static final String COMPANY_ROLE = "service-acme-support";
    static final String SERVICE_GROUP = "customers";

    final Rest admin;
    final String realm;
    final String policyConfigId;

    private SelfRegistrationRealm(Rest admin, String realm, String policyConfigId) {
        this.admin = admin;
        this.realm = realm;
        this.policyConfigId = policyConfigId;
    }

    static SelfRegistrationRealm create(Rest admin, KeycloakServer server, String prefix, Map<String, String> policy) {
        String realm = TestRealms.create(admin, Map.of(
                "realm", TestRealms.uniqueName(prefix),
                "organizationsEnabled", true,
                "registrationAllowed", true,
                "eventsEnabled", true,
                "roles", Map.of("realm", List.of(Map.of("name", SERVICE_ROLE), Map.of("name", COMPANY_ROLE),
                        Map.of("name", "self-registration-intake"))),
                "groups", List.of(Map.of("name", SERVICE_GROUP)),
                "clients", List.of(Map.of(
                        "clientId", "portal", "enabled", true, "publicClient", true,
                        "standardFlowEnabled", true, "directAccessGrantsEnabled", true,
                        "redirectUris", List.of(server.baseUrl() + "/*")))));
        String base = "/admin/realms/" + realm + "/authentication";
        admin.post(base + "/flows/registration/copy", Map.of("newName", REGISTRATION_FLOW)).expect(201);
        String formFlow = subflowAlias(admin, realm, REGISTRATION_FLOW);
        String executionId = addStep(admin, realm, formFlow, FORM_STEP);
        String configId = admin.post(base + "/executions/" + executionId + "/config",
                Map.of("alias", "self-registration-policy-" + realm, "config", policy)).expect(201).createdId();

        admin.post(base + "/flows/" + enc("first broker login") + "/copy", Map.of("newName", BROKER_FLOW)).expect(201);
        String check = addStep(admin, realm, BROKER_FLOW, IDP_CHECK_STEP);
        // right after "Review Profile" (the registrant may edit the email there), before user creation
        while (indexOf(admin, realm, BROKER_FLOW, check) > 1) {
            admin.post(base + "/executions/" + check + "/raise-priority", Map.of()).expect(204);
        }
        addStep(admin, realm, BROKER_FLOW, IDP_GRANT_STEP);

        admin.put("/admin/realms/" + realm, Map.of("registrationFlow", REGISTRATION_FLOW)).expect(204);
        return new SelfRegistrationRealm(admin, realm, configId);
    }

    /** The same realm through another admin client (another cluster node). */
    SelfRegistrationRealm on(Rest otherAdmin) {
        return new SelfRegistrationRealm(otherAdmin, realm, policyConfigId);
    }

    /** Replaces the policy (what the admin does in the step's settings dialog). */
    void setPolicy(Map<String, String> policy) {
        admin.put("/admin/realms/" + realm + "/authentication/config/" + policyConfigId,
                Map.of("id", policyConfigId, "alias", "self-registration-policy-" + realm, "config", policy)).expect(204);
    }

    /** A company: an organization with its accepted domain and self-registration attributes. */
    String createCompany(String alias, String domain, boolean permitted, List<String> methods, List<String> services,
                         boolean grantPortalAccess) {
        Map<String, Object> org = new HashMap<>();
        org.put("name", alias);
        org.put("alias", alias);
        org.put("enabled", true);
        org.put("domains", List.of(Map.of("name", domain)));
        org.put("attributes", Map.of(
                "portalaccess.selfRegistration.permitted", List.of(String.valueOf(permitted)),
                "portalaccess.selfRegistration.methods", methods,
                "portalaccess.selfRegistration.services", services,
                "portalaccess.selfRegistration.grantPortalAccess", List.of(String.valueOf(grantPortalAccess))));
        return admin.post("/admin/realms/" + realm + "/organizations", org).expect(201).createdId();
    }

    JsonNode realmRep() {
        return admin.get("/admin/realms/" + realm).expect(200).json();
    }

    /** The user with this exact username, or a missing node. */
    JsonNode user(String username) {
        List<JsonNode> users = admin.get("/admin/realms/" + realm + "/users?exact=true&username=" + enc(username)).expect(200).list();
        return users.isEmpty() ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : users.get(0);
    }

    List<String> realmRoles(String userId) {
        return admin.get("/admin/realms/" + realm + "/users/" + userId + "/role-mappings/realm").expect(200).list()
                .stream().map(r -> r.path("name").asText()).toList();
    }

    List<String> groups(String userId) {
        return admin.get("/admin/realms/" + realm + "/users/" + userId + "/groups").expect(200).list()
                .stream().map(g -> g.path("path").asText()).toList();
    }

    List<String> memberIds(String orgId) {
        return admin.get("/admin/realms/" + realm + "/organizations/" + orgId + "/members").expect(200).list()
                .stream().map(m -> m.path("id").asText()).toList();
    }

    /** The user events of the realm with this type, newest first. */
    List<JsonNode> events(String type) {
        return admin.get("/admin/realms/" + realm + "/events?type=" + type).expect(200).list();
    }

    String registrationUrl(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/registrations?client_id=portal"
                + "&response_type=code&scope=openid&redirect_uri=" + enc(server.baseUrl() + "/realms/" + realm + "/account/");
    }

    String loginUrl(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=portal"
                + "&response_type=code&scope=openid&redirect_uri=" + enc(server.baseUrl() + "/realms/" + realm + "/account/");
    }

    static Map<String, String> policy(String mode, String... settings) {
        Map<String, String> policy = new HashMap<>();
        policy.put("mode", mode);
        for (String setting : settings) {
            String[] kv = setting.split("=", 2);
            policy.put(kv[0], kv[1]);
        }
        return policy;
    }

    private static String subflowAlias(Rest admin, String realm, String flow) {
        return executions(admin, realm, flow).stream()
                .filter(e -> e.path("authenticationFlow").asBoolean() && e.path("level").asInt() == 0)
                .map(e -> e.path("displayName").asText()).findFirst()
                .orElseThrow(() -> new AssertionError("no form subflow in " + flow));
    }

    private static String addStep(Rest admin, String realm, String flow, String provider) {
        String base = "/admin/realms/" + realm + "/authentication/flows/" + enc(flow);
        admin.post(base + "/executions/execution", Map.of("provider", provider)).expect(201);
        JsonNode execution = executions(admin, realm, flow).stream()
                .filter(e -> provider.equals(e.path("providerId").asText())).findFirst()
                .orElseThrow(() -> new AssertionError(provider + " not added to " + flow));
        Map<String, Object> update = Rest.JSON.convertValue(execution, Map.class);
        update.put("requirement", "REQUIRED");
        admin.put(base + "/executions", update).expect(202, 204);
        return execution.path("id").asText();
    }

    private static int indexOf(Rest admin, String realm, String flow, String executionId) {
        List<JsonNode> top = executions(admin, realm, flow).stream().filter(e -> e.path("level").asInt() == 0).toList();
        for (int i = 0; i < top.size(); i++) {
            if (executionId.equals(top.get(i).path("id").asText())) {
                return i;
            }
        }
        throw new AssertionError(executionId + " not at top level of " + flow);
    }

    static List<JsonNode> executions(Rest admin, String realm, String flow) {
        return admin.get("/admin/realms/" + realm + "/authentication/flows/" + enc(flow) + "/executions").expect(200).list();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static void assertContains(String haystack, String needle, String what) {
        assertTrue(haystack.contains(needle), what + ": expected to contain <" + needle + "> in:\n" + haystack);
    }
}
