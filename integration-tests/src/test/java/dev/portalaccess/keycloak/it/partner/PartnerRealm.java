package dev.portalaccess.keycloak.it.partner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;

/** A throwaway realm with partner access on, its staff group, tenants and users, made through admin REST. */
final class PartnerRealm {

    static final String PASSWORD = "Passw0rd!";

    final Rest admin;
    final String name;
    final String staffGroupId;
    final String base;

    private PartnerRealm(Rest admin, String name, String staffGroupId) {
        this.admin = admin;
        this.name = name;
        this.staffGroupId = staffGroupId;
        this.base = "/admin/realms/" + name;
    }

    static PartnerRealm create(KeycloakServer server, Rest admin) {
        String realm = TestRealms.uniqueName("partner");
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", realm);
        rep.put("organizationsEnabled", true);
        rep.put("registrationAllowed", true);
        rep.put("adminEventsEnabled", true);
        rep.put("adminEventsDetailsEnabled", true);
        rep.put("eventsEnabled", true);
        rep.put("attributes", Map.of("portalaccess.partner.enabled", "true"));
        rep.put("groups", List.of(Map.of("name", "partner-staff")));
        rep.put("clients", List.of(Map.of(
                "clientId", "portal", "publicClient", true, "enabled", true, "standardFlowEnabled", true,
                "directAccessGrantsEnabled", true,
                "redirectUris", List.of(server.baseUrl() + "/realms/" + realm + "/portal-callback*"),
                "optionalClientScopes", List.of("organization", "offline_access"))));
        TestRealms.create(admin, rep);
        String groupId = admin.get("/admin/realms/" + realm + "/groups?search=partner-staff&exact=true").expect(200).list().get(0).get("id").asText();
        return new PartnerRealm(admin, realm, groupId);
    }

    /** The same realm through another admin client (another cluster node). */
    PartnerRealm on(Rest otherAdmin) {
        return new PartnerRealm(otherAdmin, name, staffGroupId);
    }

    /** Where the partner portal sends a user to sign in: the realm's login for the test realm's "portal" client. */
    String portalSignInUrl(KeycloakServer server) {
        String redirect = server.baseUrl() + "/realms/" + name + "/portal-callback";
        return server.baseUrl() + "/realms/" + name + "/protocol/openid-connect/auth?client_id=portal&response_type=code&scope=openid"
                + "&redirect_uri=" + java.net.URLEncoder.encode(redirect, java.nio.charset.StandardCharsets.UTF_8);
    }

    String user(String username) {
        return TestRealms.createUser(admin, name, username, username + "@partner.example", PASSWORD);
    }

    /** A user added to the partner staff through Keycloak's own group API. */
    String staff(String username) {
        String id = user(username);
        admin.put(base + "/users/" + id + "/groups/" + staffGroupId, Map.of()).expect(204);
        return id;
    }

    List<String> staff(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(staff(prefix + i));
        }
        return ids;
    }

    String tenant(String alias) {
        return admin.post(base + "/organizations", Map.of("name", alias, "alias", alias,
                "domains", List.of(Map.of("name", alias + ".customer.example")))).expect(201).createdId();
    }

    /** The realm's partner-administrators group (default name), made through Keycloak's group API; returns its id. */
    String adminGroup() {
        admin.post(base + "/groups", Map.of("name", "partner-admins")).expect(201, 409);
        return admin.get(base + "/groups?search=partner-admins&exact=true").expect(200).list().get(0).get("id").asText();
    }

    /** A partner administrator: a plain user of the realm in the partner-administrators group, no realm-management role. */
    String partnerAdmin(String username) {
        String id = user(username);
        admin.put(base + "/users/" + id + "/groups/" + adminGroup(), Map.of()).expect(204);
        return id;
    }

    /** The user's own token of the realm's "portal" client, on the team page's partner API. */
    Rest asUser(String username) {
        String token = admin.withToken(null).passwordGrant(name, "portal", null, username, PASSWORD).expect(200).json()
                .path("access_token").asText();
        return admin.withToken(token);
    }

    /** The team page's partner API: /realms/{realm}/portal-access/partner{path}. */
    String team(String path) {
        return "/realms/" + name + "/portal-access/partner" + path;
    }

    String pa(String path) {
        return base + "/partner-access" + path;
    }

    Rest.Response grant(String tenant, String user) {
        return admin.post(pa("/tenants/" + tenant + "/users"), Map.of("userId", user));
    }

    Rest.Response revoke(String tenant, String user) {
        return admin.delete(pa("/tenants/" + tenant + "/users/" + user));
    }

    Rest.Response autoAdd(String tenant, boolean on) {
        return admin.put(pa("/tenants/" + tenant + "/auto-add"), Map.of("enabled", on));
    }

    boolean hasAccess(String tenant, String user) {
        return admin.get(pa("/tenants/" + tenant + "/users/" + user)).expect(200).json().get("access").asBoolean();
    }

    /** Keycloak's own view: is the user listed as a member of the organization? */
    boolean isOrganizationMember(String tenant, String user) {
        int status = admin.get(base + "/organizations/" + tenant + "/members/" + user).status();
        return status == 200;
    }

    long memberCount(String tenant) {
        return admin.get(base + "/organizations/" + tenant + "/members/count").expect(200).json().asLong();
    }

    boolean isStaff(String user) {
        for (JsonNode g : admin.get(base + "/users/" + user + "/groups").expect(200).list()) {
            if (g.get("id").asText().equals(staffGroupId)) {
                return true;
            }
        }
        return false;
    }

    JsonNode tenantView(String tenant) {
        return admin.get(pa("/tenants/" + tenant)).expect(200).json();
    }
}
