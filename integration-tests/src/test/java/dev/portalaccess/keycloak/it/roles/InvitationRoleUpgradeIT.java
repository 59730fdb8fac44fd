package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;

/**
 * The upgrade from a version that kept an invitation's role in the organization attribute
 * {@code portalaccess.invitation.<id>.role}: a copy of the test server's distribution with a file database is
 * first started without the project's JARs (so the database has Keycloak's invitation and the attribute, and no
 * {@code PA_INVITATION_ROLE}), then with them. The first start with this version must move the role into the table
 * and remove the attributes, a stale one (its invitation gone) included.
 */
@KeycloakIntegrationTest
class InvitationRoleUpgradeIT {

    private static final List<String> ARGS = List.of("start-dev", "--db=dev-file", "--cache=local", "--health-enabled=true");

    @Test
    void theFirstStartWithThisVersionMovesTheRoleIntoTheTableAndRemovesTheAttributes(KeycloakServer server) throws IOException {
        Path home = copyDistribution(server.home());
        Path parked = Files.createDirectories(home.resolve("parked-providers"));
        try {
            List<Path> jars;
            try (Stream<Path> files = Files.list(home.resolve("providers"))) {
                jars = files.filter(p -> p.getFileName().toString().startsWith("portal-access-")).toList();
            }
            for (Path jar : jars) {
                Files.move(jar, parked.resolve(jar.getFileName()));
            }

            // the earlier version's database: Keycloak's invitation, its role as an organization attribute
            String realm = TestRealms.uniqueName("invrole-upgrade");
            String acme;
            String invitation;
            String stale = "7d3c1c0e-0000-4000-8000-00000000dead";
            KeycloakServer earlier = KeycloakServer.of(home, ARGS);
            earlier.start();
            try {
                Rest admin = Rest.admin(earlier);
                Map<String, Object> rep = new HashMap<>();
                rep.put("realm", realm);
                rep.put("organizationsEnabled", true);
                rep.put("attributes", Map.of("portalaccess.roles.enabled", "true"));
                TestRealms.create(admin, rep);
                acme = admin.post("/admin/realms/" + realm + "/organizations", Map.of("name", "Acme", "alias", "acme",
                        "domains", List.of(Map.of("name", "acme.example")))).expect(201).createdId();
                admin.post("/admin/realms/" + realm + "/organizations/" + acme + "/members/invite-user",
                        "application/x-www-form-urlencoded", "email=vic%40example.org").expect(204);
                invitation = admin.get("/admin/realms/" + realm + "/organizations/" + acme + "/invitations").expect(200)
                        .list().get(0).path("id").asText();
                JsonNode org = admin.get("/admin/realms/" + realm + "/organizations/" + acme).expect(200).json();
                ObjectNode attributes = (ObjectNode) org.path("attributes");
                attributes.putArray("portalaccess.invitation." + invitation + ".role").add("Viewer");
                attributes.putArray("portalaccess.invitation." + stale + ".role").add("Administrator");
                admin.put("/admin/realms/" + realm + "/organizations/" + acme, org.toString()).expect(204);
            } finally {
                earlier.stop();
            }

            for (Path jar : jars) {
                Files.move(parked.resolve(jar.getFileName()), jar);
            }
            KeycloakServer upgraded = KeycloakServer.of(home, ARGS);
            upgraded.start();
            try {
                Rest admin = Rest.admin(upgraded);
                List<JsonNode> invitations = admin.get("/admin/realms/" + realm + "/portal-access/customers/" + acme + "/invitations")
                        .expect(200).list();
                assertEquals(1, invitations.size(), invitations.toString());
                assertEquals(invitation, invitations.get(0).path("id").asText());
                assertEquals("Viewer", invitations.get(0).path("role").asText(), "the role moved with the upgrade: " + invitations);
                assertEquals(1, InvitationRoleIT.roleRows(admin), "one row: the stale attribute had no invitation to go with");

                JsonNode attributes = admin.get("/admin/realms/" + realm + "/organizations/" + acme).expect(200).json().path("attributes");
                for (Iterator<String> names = attributes.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    assertFalse(name.startsWith("portalaccess.invitation."), "removed at start: " + attributes);
                }
            } finally {
                upgraded.stop();
            }
        } finally {
            deleteQuietly(home);
        }
    }

    /** A copy of the distribution without its data and logs, next to it under target/. */
    private static Path copyDistribution(Path source) {
        Path target = source.resolveSibling(source.getFileName() + "-invitation-upgrade-" + System.nanoTime());
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path relative = source.relativize(path);
                if (relative.startsWith("data") || relative.toString().endsWith(".log")) {
                    continue;
                }
                Path copy = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(path, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Deletes the copy but keeps its server log next to it (target/), for a look after a failure. */
    private static void deleteQuietly(Path home) {
        try {
            Path log = home.resolve("keycloak-test.log");
            if (Files.exists(log)) {
                Files.copy(log, home.resolveSibling(home.getFileName() + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (Stream<Path> paths = Files.walk(home)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            // a leftover copy under target/ is harmless; mvn clean removes it
        }
    }
}
