package dev.portalaccess.keycloak.it.customer;

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

/** Portal access turned off through one node: login and refresh refused on the other at once; back on, both work. */
@KeycloakClusterTest
class PortalAccessClusterIT {

    @Test
    void accessOffThroughNodeARefusesLoginAndRefreshOnNodeBAndOnThroughNodeBLetsInOnNodeA(KeycloakCluster cluster,
            @NodeA Rest a, @NodeB Rest b) throws Exception {
        CustomerTestRealm onA = CustomerTestRealm.create(a, cluster.nodeA(), Map.of());
        CustomerTestRealm onB = onA.on(b, cluster.nodeB());
        String acme = onA.createCustomer("acme", "Acme Corp", Map.of());
        onA.createMember(acme, "bob");
        String fromA = onA.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "bob", "openid").expect(200).json()
                .path("refresh_token").asText();
        String fromB = onB.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "bob", "openid").expect(200).json()
                .path("refresh_token").asText();
        onB.refresh(fromA).expect(200);   // one hostname: a token of node A refreshes on node B

        onA.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, "false");

        Rest.Response refused = onB.refresh(fromA).expect(400);
        assertEquals("invalid_grant", refused.json().path("error").asText(), refused.body());
        assertTrue(refused.json().path("error_description").asText().contains("turned off"), refused.body());
        onB.refresh(fromB).expect(400);
        onB.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "bob", "openid").expect(400);
        try (Browser onNodeB = cluster.browser(1)) {
            HtmlPage page = PortalAccessIT.login(onNodeB, onA.authUrl("portal"), "bob");
            assertEquals(403, page.getWebResponse().getStatusCode(), page.asNormalizedText());
            assertTrue(page.asNormalizedText().contains("Portal access for Acme Corp is turned off"), page.asNormalizedText());
        }

        onB.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, "true");

        JsonNode refreshed = onA.refresh(fromB).expect(200).json();
        assertTrue(refreshed.has("access_token"), refreshed.toString());
        onA.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "bob", "openid").expect(200);
        try (Browser onNodeA = cluster.browser(0)) {
            HtmlPage landed = PortalAccessIT.login(onNodeA, onA.authUrl("portal"), "bob");
            assertTrue(landed.getUrl().toString().contains("code="), "portal sign-in works again on node A: " + landed.getUrl());
        }
        onA.delete();
    }
}
