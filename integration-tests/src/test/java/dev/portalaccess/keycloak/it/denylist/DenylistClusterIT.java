package dev.portalaccess.keycloak.it.denylist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/** A denylist entry added through one node refuses registration on the other at once; its removal lets in again. */
@KeycloakClusterTest
class DenylistClusterIT {

    @Test
    void anEntryAddedOnNodeARefusesOnNodeBAndItsRemovalOnNodeBLetsInOnNodeA(KeycloakCluster cluster, @NodeA Rest a, @NodeB Rest b)
            throws Exception {
        String realm = DenylistFixture.realm(a, "dl-cluster");
        String base = "/admin/realms/" + realm + "/denylist";

        JsonNode entry = a.post(base, Map.of("value", "blocked.example")).expect(201).json();

        assertTrue(b.get(base + "/check?email=eve@blocked.example").expect(200).json().path("denied").asBoolean(),
                "node B sees the entry node A added");
        try (Browser onB = cluster.browser(1)) {
            HtmlPage refused = DenylistRegistrationIT.register(
                    onB.open(DenylistFixture.registrationUrl(cluster.hostname(), realm)), "eve", "eve@blocked.example");
            String error = DenylistFixture.fieldError(refused, "email");
            assertTrue(error.contains(DenylistFixture.MESSAGE), "registration on node B refused, got '" + error + "' on\n"
                    + refused.asNormalizedText());
        }
        assertEquals(0, DenylistFixture.usersWithEmail(b, realm, "eve@blocked.example"));

        b.delete(base + "/" + entry.path("id").asText()).expect(204);

        assertTrue(!a.get(base + "/check?email=eve@blocked.example").expect(200).json().path("denied").asBoolean(),
                "node A sees the removal made on node B");
        assertEquals(0, a.get(base + "/count").expect(200).json().path("count").asInt());
        try (Browser onA = cluster.browser(0)) {
            HtmlPage accepted = DenylistRegistrationIT.register(
                    onA.open(DenylistFixture.registrationUrl(cluster.hostname(), realm)), "eve", "eve@blocked.example");
            assertEquals("", DenylistFixture.fieldError(accepted, "email"), accepted.asNormalizedText());
        }
        assertEquals(1, DenylistFixture.usersWithEmail(b, realm, "eve@blocked.example"), "the user registered on A, seen on B");
        a.delete("/admin/realms/" + realm).expect(204);
    }
}
