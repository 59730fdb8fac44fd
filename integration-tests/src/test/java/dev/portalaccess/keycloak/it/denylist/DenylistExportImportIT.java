package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * The documented export/import step: the realm's own export (settings, user profile with the
 * validator, flows) plus the denylist export, imported back into a fresh realm of the same name.
 */
@KeycloakIntegrationTest
class DenylistExportImportIT {

    @Test
    void denylistSurvivesRealmExportAndImport(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-roundtrip");
        String base = "/admin/realms/" + realm + "/denylist";
        admin.post(base + "/import", "text/csv",
                "acme.com,\"blocked, see ticket 42\"\n*.spam.example\nbad@good.example,phishing\nxn--bcher-kva.example\n").expect(200);
        List<String> before = entries(admin, realm);

        JsonNode realmExport = admin.post("/admin/realms/" + realm + "/partial-export?exportClients=true&exportGroupsAndRoles=true",
                Map.of()).expect(200).json();
        String denylistExport = admin.get(base + "/export").expect(200).body();

        admin.delete("/admin/realms/" + realm).expect(204);
        admin.post("/admin/realms", realmExport).expect(201);
        assertEquals(0, admin.get(base + "/count").expect(200).json().path("count").asInt(), "the table left with the realm");

        JsonNode imported = admin.post(base + "/import", "text/csv", denylistExport).expect(200).json();
        assertEquals(4, imported.path("added").asInt());
        assertEquals(before, entries(admin, realm));
        assertTrue(admin.get(base + "/check?email=x@b%C3%BCcher.example").expect(200).json().path("denied").asBoolean(),
                "IDN entry round-trips in its ASCII form");

        JsonNode profile = admin.get("/admin/realms/" + realm + "/users/profile").expect(200).json();
        assertTrue(profile.toString().contains(DenylistFixture.VALIDATOR), "the validator travels with the realm export");
    }

    @Test
    void seedAttributeLoadsEntriesWhenARealmIsCreated(Rest admin) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("realm", TestRealms.uniqueName("dl-seed"));
        rep.put("attributes", Map.of("portalaccess.denylist.seed", "seed.example\n# comment\nBad@Seed2.example, *.seed3.example\nnot valid\n"));
        String realm = TestRealms.create(admin, rep);
        List<JsonNode> entries = admin.get("/admin/realms/" + realm + "/denylist").expect(200).list();
        assertEquals(List.of("*.seed3.example", "bad@seed2.example", "seed.example"),
                entries.stream().map(e -> e.path("value").asText()).toList());
        assertEquals("realm-import", entries.get(0).path("createdBy").asText());
    }

    private static List<String> entries(Rest admin, String realm) {
        return admin.get("/admin/realms/" + realm + "/denylist?max=100").expect(200).list().stream()
                .map(e -> e.path("value").asText() + "|" + e.path("kind").asText() + "|" + e.path("note").asText(""))
                .toList();
    }
}
