package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * The project's rules are registered by their own factories (SPI {@code portal-access-rule}), never by a REST
 * resource: a server with the self-service and partner REST endpoints switched off still refuses to demote the last
 * Administrator, and the server info lists every rule with its version.
 */
@KeycloakIntegrationTest
class RulesWithoutEndpointsIT {

    @Test
    void theServerInfoListsEveryRuleWithItsVersion(Rest admin) {
        JsonNode rules = admin.get("/admin/serverinfo").expect(200).json().path("providers").path("portal-access-rule").path("providers");
        for (String id : List.of("portal-access-customer-roles", "portal-access-partner-access")) {
            JsonNode info = rules.path(id).path("operationalInfo");
            assertFalse(info.isMissingNode(), id + " in " + rules);
            assertEquals(System.getProperty("portalaccess.project.version"), info.path("version").asText(), id);
            assertFalse(info.path("guards").asText().isBlank(), id);
        }
    }

    @Test
    void switchingTheRestEndpointsOffKeepsTheLastAdministratorRule() throws Exception {
        Path home = Files.createTempDirectory("portalaccess-no-endpoints");
        KeycloakCluster.copyDistribution(Path.of(System.getProperty("portalaccess.keycloak.home")), home);
        KeycloakServer server = KeycloakServer.of(home, List.of("start-dev", "--db=dev-mem", "--cache=local",
                "--health-enabled=true",
                "--spi-realm-restapi-extension--customer-admin--enabled=false",
                "--spi-admin-realm-restapi-extension--partner-access--enabled=false"));
        server.start();
        try {
            Rest admin = Rest.admin(server);
            // the endpoints are really off
            admin.get("/admin/realms/master/partner-access/tenants").expect(404);
            CustomerRealm kc = CustomerRealm.create(admin, "rules-off");
            String acme = kc.customer("Acme");
            String ann = kc.user("ann");
            kc.addMember(acme, ann).expect(201);
            String administrators = kc.roleGroupId(acme, "Administrator");
            List<JsonNode> members = admin.get(kc.path("/organizations/" + acme + "/groups/" + administrators + "/members")).expect(200).list();
            assertEquals(List.of(ann), members.stream().map(m -> m.path("id").asText()).toList(), "the first member is an Administrator");

            CustomerRolesIT.assertLastAdministrator(kc.removeMember(acme, ann));
            CustomerRolesIT.assertLastAdministrator(admin.delete(kc.path("/organizations/" + acme + "/groups/" + administrators + "/members/" + ann)));
            assertTrue(admin.get(kc.path("/organizations/" + acme + "/members/" + ann)).status() == 200, "still a member");
        } finally {
            server.stop();
            deleteTree(home);
        }
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
