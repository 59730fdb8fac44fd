package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;

/** The admin REST API under /admin/realms/{realm}/denylist. */
@KeycloakIntegrationTest
class DenylistRestIT {

    @Test
    void listIsPagedSortedAndSearchable(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-page");
        String text = IntStream.range(0, 25).mapToObj(i -> String.format("user%02d@spam.example", i))
                .collect(Collectors.joining("\n")) + "\nacme.com\n";
        assertEquals(26, DenylistFixture.importEntries(admin, realm, text).path("added").asInt());

        String base = "/admin/realms/" + realm + "/denylist";
        List<JsonNode> firstPage = admin.get(base + "?first=0&max=10").expect(200).list();
        assertEquals(10, firstPage.size());
        assertEquals("acme.com", firstPage.get(0).path("value").asText(), "sorted by value");
        assertEquals("DOMAIN", firstPage.get(0).path("kind").asText());
        assertEquals("admin", firstPage.get(0).path("createdBy").asText());
        assertTrue(firstPage.get(0).path("createdAt").asLong() > 0);
        assertEquals("user00@spam.example", firstPage.get(1).path("value").asText());
        assertEquals(6, admin.get(base + "?first=20&max=10").expect(200).list().size());
        assertEquals(26, admin.get(base + "/count").expect(200).json().path("count").asInt());

        List<JsonNode> found = admin.get(base + "?search=USER1").expect(200).list();
        assertEquals(10, found.size(), "user10..user19");
        assertTrue(found.stream().allMatch(e -> e.path("value").asText().startsWith("user1")));
        assertEquals(10, admin.get(base + "/count?search=user1").expect(200).json().path("count").asInt());
        assertEquals(0, admin.get(base + "?search=%25").expect(200).list().size(), "LIKE wildcards are literal");
    }

    @Test
    void addOneValidatesAndIsIdempotent(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-add");
        String base = "/admin/realms/" + realm + "/denylist";

        Rest.Response created = admin.post(base, Map.of("value", "  Spam@EXAMPLE.org ", "note", "ticket 7")).expect(201);
        JsonNode entry = created.json();
        assertEquals("spam@example.org", entry.path("value").asText());
        assertEquals("ADDRESS", entry.path("kind").asText());
        assertEquals("ticket 7", entry.path("note").asText());
        assertTrue(created.header("Location").endsWith("/denylist/" + entry.path("id").asText()));
        assertEquals(entry.path("id"), admin.get(base + "/" + entry.path("id").asText()).expect(200).json().path("id"));

        JsonNode again = admin.post(base, Map.of("value", "spam@example.org")).expect(200).json();
        assertEquals(entry.path("id"), again.path("id"), "adding a stored entry answers the stored entry");

        JsonNode wildcard = admin.post(base, Map.of("value", "*.Tempmail.example")).expect(201).json();
        assertEquals("SUBDOMAINS", wildcard.path("kind").asText());

        JsonNode bad = admin.post(base, Map.of("value", "a@@b.example")).expect(400).json();
        assertEquals("value", bad.path("field").asText());
        assertEquals("multipleAt", bad.path("error").asText());
        assertFalse(bad.path("errorMessage").asText().isBlank());

        JsonNode missing = admin.post(base, Map.of("note", "no value")).expect(400).json();
        assertEquals("value", missing.path("field").asText());
        assertEquals("missing", missing.path("error").asText());

        JsonNode longNote = admin.post(base, Map.of("value", "ok.example", "note", "x".repeat(1025))).expect(400).json();
        assertEquals("note", longNote.path("field").asText());
        assertEquals(2, admin.get(base + "/count").expect(200).json().path("count").asInt());
    }

    @Test
    void bulkImportIsAllOrNothingAndReportsEveryBadLine(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-import");
        String base = "/admin/realms/" + realm + "/denylist";
        admin.post(base, Map.of("value", "stored.example")).expect(201);

        String bad = "# header comment\nfine.example\nnot an email\nalso@fine.example\n@nolocal.example\n\nlast.example\n";
        JsonNode error = admin.post(base + "/import", "text/plain", bad).expect(400).json();
        assertEquals("invalidLines", error.path("error").asText());
        List<Integer> lines = new ArrayList<>();
        error.path("lines").forEach(l -> lines.add(l.path("line").asInt()));
        assertEquals(List.of(3, 5), lines);
        assertEquals("not an email", error.path("lines").get(0).path("value").asText());
        assertFalse(error.path("lines").get(0).path("error").asText().isBlank());
        assertEquals("emptyLocalPart", error.path("lines").get(1).path("error").asText());
        assertEquals(1, admin.get(base + "/count").expect(200).json().path("count").asInt(), "nothing imported");

        String csv = "fine.example,\"first, noted\"\nFINE.example\nstored.example,again\nnew@fine.example\n";
        JsonNode result = admin.post(base + "/import", "text/csv", csv).expect(200).json();
        assertEquals(4, result.path("received").asInt());
        assertEquals(2, result.path("added").asInt(), "duplicates within the file and with stored entries are skipped");
        assertEquals(2, result.path("skipped").asInt());
        JsonNode fine = admin.get(base + "?search=fine.example&max=1").expect(200).list().get(0);
        assertEquals("fine.example", fine.path("value").asText());
        assertEquals("first, noted", fine.path("note").asText());
    }

    @Test
    void deleteOneDeleteManyAndExport(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-delete");
        String base = "/admin/realms/" + realm + "/denylist";
        DenylistFixture.importEntries(admin, realm, "a.example\nb.example\nc@d.example\n*.e.example\nf.example\n");
        String id = admin.get(base + "?search=a.example").expect(200).list().get(0).path("id").asText();

        admin.delete(base + "/" + id).expect(204);
        admin.delete(base + "/" + id).expect(404);
        JsonNode removed = admin.post(base + "/delete", Map.of("values", List.of("B.example", "C@D.example", "unknown.example")))
                .expect(200).json();
        assertEquals(2, removed.path("removed").asInt());
        JsonNode invalid = admin.post(base + "/delete", Map.of("values", List.of("ok.example", "x@@y"))).expect(400).json();
        assertEquals("values[1]", invalid.path("field").asText());

        Rest.Response export = admin.get(base + "/export").expect(200);
        assertTrue(export.header("Content-Type").startsWith("text/csv"), export.header("Content-Type"));
        List<String> lines = export.body().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("*.e.example", "f.example"), lines);
    }

    @Test
    void checkUsesTheRulesOfTheEngine(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-check");
        String base = "/admin/realms/" + realm + "/denylist";
        DenylistFixture.importEntries(admin, realm, "acme.com\n*.corp.example\nbad@good.example\n");
        assertTrue(admin.get(base + "/check?email=x@EU.acme.com").expect(200).json().path("denied").asBoolean());
        assertFalse(admin.get(base + "/check?email=x@notacme.com").expect(200).json().path("denied").asBoolean());
        assertFalse(admin.get(base + "/check?email=x@corp.example").expect(200).json().path("denied").asBoolean());
        assertTrue(admin.get(base + "/check?email=x@a.corp.example").expect(200).json().path("denied").asBoolean());
        assertTrue(admin.get(base + "/check?email=Bad@good.example").expect(200).json().path("denied").asBoolean());
        assertFalse(admin.get(base + "/check?email=bad%2Bx@good.example").expect(200).json().path("denied").asBoolean());
        assertEquals("email", admin.get(base + "/check?email=nope").expect(400).json().path("field").asText());
    }

    @Test
    void readingNeedsViewRealmAndChangingNeedsManageRealm(KeycloakServer server, Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-perm");
        String base = "/admin/realms/" + realm + "/denylist";
        DenylistFixture.importEntries(admin, realm, "a.example\n");

        TestRealms.createUser(admin, realm, "viewer", "viewer@ok.example", DenylistFixture.PASSWORD);
        TestRealms.createUser(admin, realm, "nobody", "nobody@ok.example", DenylistFixture.PASSWORD);
        grantRealmManagementRole(admin, realm, "viewer", "view-realm");
        Rest anonymous = Rest.anonymous(server);
        Rest viewer = anonymous.withToken(token(anonymous, realm, "viewer"));
        Rest nobody = anonymous.withToken(token(anonymous, realm, "nobody"));

        anonymous.get(base).expect(401);
        nobody.get(base).expect(403);
        nobody.get(base + "/export").expect(403);
        assertEquals(1, viewer.get(base).expect(200).list().size());
        viewer.get(base + "/export").expect(200);
        viewer.post(base, Map.of("value", "b.example")).expect(403);
        viewer.post(base + "/import", "text/plain", "c.example\n").expect(403);
        String id = viewer.get(base).expect(200).list().get(0).path("id").asText();
        viewer.delete(base + "/" + id).expect(403);
        viewer.post(base + "/delete", Map.of("values", List.of("a.example"))).expect(403);
        assertEquals(1, admin.get(base + "/count").expect(200).json().path("count").asInt());
    }

    @Test
    void everyChangeEmitsAnAdminEvent(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-events");
        String base = "/admin/realms/" + realm + "/denylist";
        String id = admin.post(base, Map.of("value", "one.example")).expect(201).json().path("id").asText();
        DenylistFixture.importEntries(admin, realm, "two.example\nthree.example\n");
        admin.delete(base + "/" + id).expect(204);
        admin.post(base + "/delete", Map.of("values", List.of("two.example"))).expect(200);

        List<JsonNode> events = admin.get("/admin/realms/" + realm + "/admin-events?resourceTypes=CUSTOM&max=50").expect(200).list();
        List<String> seen = events.stream().map(e -> e.path("operationType").asText() + " " + e.path("resourcePath").asText()).toList();
        assertTrue(seen.contains("CREATE denylist/" + id), seen.toString());
        assertTrue(seen.contains("CREATE denylist/import"), seen.toString());
        assertTrue(seen.contains("DELETE denylist/" + id), seen.toString());
        assertTrue(seen.contains("DELETE denylist/delete"), seen.toString());
        JsonNode create = events.stream().filter(e -> ("denylist/" + id).equals(e.path("resourcePath").asText())
                && "CREATE".equals(e.path("operationType").asText())).findFirst().orElseThrow();
        assertTrue(create.path("representation").asText().contains("one.example"), create.toString());
    }

    @Test
    void removingTheRealmRemovesItsEntries(Rest admin) {
        String realm = DenylistFixture.realm(admin, "dl-rest-remove");
        DenylistFixture.importEntries(admin, realm, "a.example\nb.example\n");
        admin.delete("/admin/realms/" + realm).expect(204);
        admin.post("/admin/realms", Map.of("realm", realm, "enabled", true)).expect(201);
        assertEquals(0, admin.get("/admin/realms/" + realm + "/denylist/count").expect(200).json().path("count").asInt());
    }

    static String token(Rest anonymous, String realm, String username) {
        return anonymous.passwordGrant(realm, "admin-cli", null, username, DenylistFixture.PASSWORD).expect(200).json()
                .path("access_token").asText();
    }

    static void grantRealmManagementRole(Rest admin, String realm, String username, String role) {
        String userId = admin.get("/admin/realms/" + realm + "/users?exact=true&username=" + username).expect(200).list()
                .get(0).path("id").asText();
        String clientId = admin.get("/admin/realms/" + realm + "/clients?clientId=realm-management").expect(200).list()
                .get(0).path("id").asText();
        JsonNode roleRep = admin.get("/admin/realms/" + realm + "/clients/" + clientId + "/roles/" + role).expect(200).json();
        admin.post("/admin/realms/" + realm + "/users/" + userId + "/role-mappings/clients/" + clientId, List.of(roleRep)).expect(204);
    }
}
