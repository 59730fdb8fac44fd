package dev.portalaccess.keycloak.it.membership;

import static dev.portalaccess.keycloak.it.membership.Customers.DOMAINS;
import static dev.portalaccess.keycloak.it.membership.Customers.ENABLED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * A whole realm with restricted customers and their members, imported through Keycloak's admin REST
 * ({@code POST /admin/realms}, the admin console's "Create realm" with a resource file): a member outside
 * the allowed domains refuses the whole import, nothing of the realm is kept; a valid import keeps its
 * members. The server-start import ({@code --import-realm}, {@code kc.sh import}) is
 * {@link StartupImportDomainRestrictionIT}.
 */
@KeycloakIntegrationTest
class RealmImportDomainRestrictionIT {

    /** A realm export with users and one customer restricted to {@code acme.com} whose members are {@code members}. */
    static Map<String, Object> realmExport(String realm, List<Map<String, Object>> users, List<String> members,
            String membershipType) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("realm", realm);
        rep.put("enabled", true);
        rep.put("organizationsEnabled", true);
        rep.put("users", users);
        Map<String, Object> acme = new LinkedHashMap<>();
        acme.put("name", "Acme");
        acme.put("alias", "acme");
        acme.put("enabled", true);
        acme.put("domains", List.of(Map.of("name", "acme.com", "verified", false)));
        acme.put("attributes", Map.of(ENABLED, List.of("true"), DOMAINS, List.of("acme.com")));
        acme.put("members", members.stream()
                .map(username -> Map.<String, Object>of("username", username, "membershipType", membershipType))
                .collect(Collectors.toList()));
        rep.put("organizations", List.of(acme));
        return rep;
    }

    static Map<String, Object> user(String username, String email) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        if (email != null) {
            user.put("email", email);
            user.put("emailVerified", true);
        }
        return user;
    }

    private static void assertRealmAbsent(Rest admin, String realm) {
        assertEquals(404, admin.get("/admin/realms/" + realm).status(), "nothing of realm " + realm + " is kept");
    }

    private static Set<String> memberNames(Rest admin, String realm, String alias) {
        String org = Customers.idByAlias(admin, realm, alias);
        return admin.get(Customers.orgs(realm) + "/" + org + "/members").expect(200).list().stream()
                .map(m -> m.path("username").asText()).collect(Collectors.toSet());
    }

    @Test
    void aMemberOutsideTheAllowedDomainsRefusesTheWholeImport(Rest admin) {
        for (String type : List.of("UNMANAGED", "MANAGED")) {
            String realm = TestRealms.uniqueName("import-refused");
            Map<String, Object> export = realmExport(realm,
                    List.of(user("alice", "alice@acme.com"), user("mallory", "mallory@evil.example")),
                    List.of("alice", "mallory"), type);

            Rest.Response refused = admin.post("/admin/realms", export);

            refused.expect(400);
            JsonNode body = refused.json();
            assertEquals("email", body.path("field").asText(), refused.body());
            assertEquals("domainNotAllowed", body.path("error").asText(), refused.body());
            assertTrue(body.path("errorMessage").asText().contains("mallory@evil.example"), refused.body());
            assertTrue(body.path("errorMessage").asText().contains("Acme"), refused.body());
            assertRealmAbsent(admin, realm);
        }
    }

    @Test
    void aMemberWithoutAnEmailOrWithAnInvalidOneRefusesTheImport(Rest admin) {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("emailMissing", null);
        cases.put("domainNotAllowed", "eve@acme.com.evil.example"); // a look-alike suffix is another domain
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String realm = TestRealms.uniqueName("import-refused");
            List<Map<String, Object>> users = new ArrayList<>(List.of(user("alice", "alice@acme.com"), user("eve", c.getValue())));
            Rest.Response refused = admin.post("/admin/realms", realmExport(realm, users, List.of("alice", "eve"), "UNMANAGED"));

            refused.expect(400);
            assertEquals(c.getKey(), refused.json().path("error").asText(), refused.body());
            assertRealmAbsent(admin, realm);
        }
    }

    @Test
    void aValidImportKeepsItsMembersAndTheRestriction(Rest admin) {
        String realm = TestRealms.uniqueName("import-valid");
        admin.post("/admin/realms", realmExport(realm,
                List.of(user("alice", "alice@acme.com"), user("eric", "eric@eu.acme.com"), user("outsider", "o@evil.example")),
                List.of("alice", "eric"), "UNMANAGED")).expect(201);
        try {
            assertEquals(Set.of("alice", "eric"), memberNames(admin, realm, "acme"));
            String org = Customers.idByAlias(admin, realm, "acme");
            assertEquals(List.of("true"), Customers.attributes(admin, realm, org).get(ENABLED));
            // the imported restriction holds afterwards too
            String outsider = Customers.usersByEmail(admin, realm, "o@evil.example").get(0).path("id").asText();
            Customers.addMember(admin, realm, org, outsider).expect(400);
            assertFalse(Customers.isMember(admin, realm, org, outsider));
        } finally {
            admin.delete("/admin/realms/" + realm).expect(204);
        }
    }

    @Test
    void aPartialImportCannotAddMembersToARestrictedCustomer(Rest admin) {
        String realm = TestRealms.uniqueName("import-partial");
        admin.post("/admin/realms", realmExport(realm, List.of(user("alice", "alice@acme.com")), List.of("alice"), "UNMANAGED"))
                .expect(201);
        try {
            // a partial import carries no organizations (Keycloak's PartialImportRepresentation has none): an
            // "organizations" section, however it is written, adds nobody; the users themselves are imported
            Map<String, Object> partial = new LinkedHashMap<>();
            partial.put("ifResourceExists", "SKIP");
            partial.put("users", List.of(user("mallory", "mallory@evil.example")));
            partial.put("organizations", realmExport(realm, List.of(), List.of("mallory"), "UNMANAGED").get("organizations"));
            Rest.Response answer = admin.post("/admin/realms/" + realm + "/partialImport", partial);
            assertTrue(answer.status() == 200 || answer.status() == 400, answer.request() + " " + answer.status() + " " + answer.body());

            assertEquals(Set.of("alice"), memberNames(admin, realm, "acme"));
        } finally {
            admin.delete("/admin/realms/" + realm).expect(204);
        }
    }
}
