package dev.portalaccess.keycloak.it.membership;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/** Customers (organizations) and their membership settings, through Keycloak's real admin REST API. */
final class Customers {

    static final String ENABLED = "portalaccess.domainRestriction.enabled";
    static final String DOMAINS = "portalaccess.domainRestriction.domains";
    static final String WITHOUT_INVITATION = "portalaccess.jit.withoutInvitation";

    private Customers() {
    }

    /** A throwaway realm with organizations and user events on, mail to the sink. */
    static String realm(Rest admin, String prefix) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName(prefix));
        rep.put("organizationsEnabled", true);
        rep.put("eventsEnabled", true);
        rep.put("registrationAllowed", false);
        return TestRealms.create(admin, rep);
    }

    /** Creates an organization with one Keycloak domain and {@code attributes}; returns its id. */
    static String create(Rest admin, String realm, String name, String domain, Map<String, List<String>> attributes) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("name", name);
        rep.put("alias", name);
        rep.put("enabled", true);
        rep.put("domains", List.of(Map.of("name", domain)));
        rep.put("attributes", attributes);
        return admin.post(orgs(realm), rep).expect(201).createdId();
    }

    static Map<String, List<String>> restrictedTo(String... entries) {
        return Map.of(ENABLED, List.of("true"), DOMAINS, List.of(entries));
    }

    /** Replaces the organization's attributes (full representation PUT, as the admin console does). */
    static Rest.Response putAttributes(Rest admin, String realm, String orgId, Map<String, List<String>> attributes) {
        Map<String, Object> rep = Rest.JSON.convertValue(admin.get(orgs(realm) + "/" + orgId).expect(200).json(),
                new TypeReference<Map<String, Object>>() { });
        rep.put("attributes", attributes);
        return admin.put(orgs(realm) + "/" + orgId, rep);
    }

    static Map<String, List<String>> attributes(Rest admin, String realm, String orgId) {
        JsonNode attrs = admin.get(orgs(realm) + "/" + orgId).expect(200).json().path("attributes");
        return Rest.JSON.convertValue(attrs, new TypeReference<Map<String, List<String>>>() { });
    }

    static Rest.Response inviteUser(Rest admin, String realm, String orgId, String email) {
        return admin.postForm(orgs(realm) + "/" + orgId + "/members/invite-user",
                Map.of("email", email, "firstName", "Invited", "lastName", "Person"));
    }

    static Rest.Response inviteExistingUser(Rest admin, String realm, String orgId, String userId) {
        return admin.postForm(orgs(realm) + "/" + orgId + "/members/invite-existing-user", Map.of("id", userId));
    }

    static Rest.Response addMember(Rest admin, String realm, String orgId, String userId) {
        return admin.post(orgs(realm) + "/" + orgId + "/members", "\"" + userId + "\"");
    }

    static boolean isMember(Rest admin, String realm, String orgId, String userId) {
        return admin.get(orgs(realm) + "/" + orgId + "/members/" + userId).status() == 200;
    }

    static List<JsonNode> invitations(Rest admin, String realm, String orgId) {
        return admin.get(orgs(realm) + "/" + orgId + "/invitations").expect(200).list();
    }

    static List<JsonNode> usersByEmail(Rest admin, String realm, String email) {
        return admin.get("/admin/realms/" + realm + "/users?exact=true&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8)).expect(200).list();
    }

    /** User events of {@code type} (e.g. INVITE_ORG_ERROR), newest first. */
    static List<JsonNode> events(Rest admin, String realm, String type) {
        return admin.get("/admin/realms/" + realm + "/events?type=" + type).expect(200).list();
    }

    /** The id of the organization with {@code alias}. */
    static String idByAlias(Rest admin, String realm, String alias) {
        return admin.get(orgs(realm) + "?max=1000").expect(200).list().stream()
                .filter(o -> alias.equals(o.path("alias").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no organization " + alias + " in realm " + realm))
                .path("id").asText();
    }

    static String orgs(String realm) {
        return "/admin/realms/" + realm + "/organizations";
    }
}
