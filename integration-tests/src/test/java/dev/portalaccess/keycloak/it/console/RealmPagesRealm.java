package dev.portalaccess.keycloak.it.console;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/**
 * A throwaway realm for the realm pages' browser tests (issue 14): organizations on, partner access on with the
 * {@code partner-staff} group, a realm admin {@code boss}; made through the admin REST API.
 */
final class RealmPagesRealm {

    static final String PASSWORD = ConsoleRealm.PASSWORD;
    static final String ADMIN = "boss";

    final Rest admin;
    final String name;
    final String staffGroupId;

    private RealmPagesRealm(Rest admin, String name, String staffGroupId) {
        this.admin = admin;
        this.name = name;
        this.staffGroupId = staffGroupId;
    }

    static RealmPagesRealm create(Rest admin, String prefix) {
        String name = TestRealms.uniqueName(prefix);
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", name);
        rep.put("displayName", "Service Desk");
        rep.put("organizationsEnabled", true);
        rep.put("registrationAllowed", true);
        rep.put("attributes", Map.of("portalaccess.partner.enabled", "true"));
        rep.put("groups", List.of(Map.of("name", "partner-staff"), Map.of("name", "customers", "subGroups",
                List.of(Map.of("name", "acme-employees"), Map.of("name", "globex-employees")))));
        rep.put("roles", Map.of("realm", List.of(Map.of("name", "incidents"), Map.of("name", "knowledge-base"))));
        TestRealms.create(admin, rep);
        String staff = admin.get("/admin/realms/" + name + "/groups?search=partner-staff&exact=true").expect(200).list()
                .get(0).path("id").asText();
        RealmPagesRealm realm = new RealmPagesRealm(admin, name, staff);
        String boss = realm.user(ADMIN, "boss@service-desk.example");
        String clientId = admin.get(realm.path("/clients?clientId=realm-management")).expect(200).list().get(0).path("id").asText();
        JsonNode role = admin.get(realm.path("/clients/" + clientId + "/roles/realm-admin")).expect(200).json();
        admin.post(realm.path("/users/" + boss + "/role-mappings/clients/" + clientId), List.of(role)).expect(204);
        return realm;
    }

    String path(String rest) {
        return "/admin/realms/" + name + rest;
    }

    String consoleUrl(KeycloakServer server) {
        return server.baseUrl() + "/realms/" + name + "/portal-access/console/" + name;
    }

    String user(String username, String email) {
        return TestRealms.createUser(admin, name, username, email, PASSWORD);
    }

    String partnerUser(String username) {
        String id = user(username, username + "@partner.example");
        admin.put(path("/users/" + id + "/groups/" + staffGroupId), Map.of()).expect(204);
        return id;
    }

    String organization(String alias, String... domains) {
        return admin.post(path("/organizations"), Map.of("name", alias.substring(0, 1).toUpperCase() + alias.substring(1),
                "alias", alias, "domains", java.util.Arrays.stream(domains).map(d -> Map.of("name", d)).toList()))
                .expect(201).createdId();
    }

    /** The partner API at whichever root the server has (the new one once the tenant-api branch is merged). */
    String partner(String rest) {
        int status = admin.get(path("/portal-access/partner")).status();
        return path((status == 200 ? "/portal-access/partner" : "/partner-access") + rest);
    }

    String denylist(String rest) {
        int status = admin.get(path("/portal-access/denylist/count")).status();
        return path((status == 200 ? "/portal-access/denylist" : "/denylist") + rest);
    }

    long denylistCount() {
        return admin.get(denylist("/count")).expect(200).json().path("count").asLong();
    }

    boolean hasDocument(String document) {
        return admin.get(path("/portal-access/settings/" + document)).status() == 200;
    }

    void delete() {
        admin.delete("/admin/realms/" + name).expect(204);
    }
}
