package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** The customer-portal realm export brings roles, features, sample customers and the token mapper. */
@KeycloakIntegrationTest
class CustomerPortalRealmIT {

    private static final String REALM = "customer-portal";

    @Test
    void sampleCustomersHaveMembersInEveryRole(Rest admin) {
        Map<String, String> acme = rolesOf(admin, customerId(admin, "acme-robotics"));
        assertEquals(Map.of("ann.acme", "Administrator", "ulf.acme", "User", "vera.acme", "Viewer"), acme);
        Map<String, String> globex = rolesOf(admin, customerId(admin, "globex"));
        assertEquals(Map.of("gina.globex", "Administrator", "gus.globex", "User"), globex);
    }

    @Test
    void featureCatalogAndCustomerFeaturesComeFromTheExport(Rest admin) {
        JsonNode catalog = admin.get("/admin/realms/" + REALM + "/customer-features").expect(200).json().path("catalog");
        assertEquals(List.of("deployments", "alerts", "artifacts", "support-bundles"), catalog.findValuesAsText("name"));
        assertEquals(List.of("Deployments", "Alerts", "Artifacts", "Support Bundles"), catalog.findValuesAsText("label"));
        assertEquals("deployments", catalog.get(1).path("requires").get(0).asText());

        Map<String, Integer> counts = new HashMap<>();
        admin.get("/admin/realms/" + REALM + "/customer-features/customers").expect(200).list()
                .forEach(c -> counts.put(c.path("alias").asText(), c.path("enabledCount").asInt()));
        assertEquals(2, counts.get("acme-robotics"), counts.toString());
        assertEquals(3, counts.get("globex"), counts.toString());
    }

    @Test
    void thePortalClientCarriesTheCustomerMapperAndTokensShowIt(Rest admin) {
        JsonNode portal = admin.get("/admin/realms/" + REALM + "/clients?clientId=portal").expect(200).list().get(0);
        assertTrue(portal.path("protocolMappers").findValuesAsText("protocolMapper").contains("portal-access-customer-claim-mapper"),
                portal.toString());

        // a test-only client with the same mapper lets the test use a password grant (the portal client uses PKCE)
        Map<String, Object> client = Map.of("clientId", "roles-it-" + System.nanoTime(), "publicClient", true,
                "directAccessGrantsEnabled", true,
                "protocolMappers", List.of(Map.of("name", "customers", "protocol", "openid-connect",
                        "protocolMapper", "portal-access-customer-claim-mapper",
                        "config", Map.of("access.token.claim", "true", "id.token.claim", "true", "userinfo.token.claim", "true"))));
        admin.post("/admin/realms/" + REALM + "/clients", client).expect(201);
        String gina = admin.get("/admin/realms/" + REALM + "/users?username=gina.globex&exact=true").expect(200).list().get(0).path("id").asText();
        admin.put("/admin/realms/" + REALM + "/users/" + gina + "/reset-password",
                Map.of("type", "password", "value", "Gina-Secret-1", "temporary", false)).expect(204);

        JsonNode token = admin.withToken(null).passwordGrant(REALM, (String) client.get("clientId"), null, "gina.globex", "Gina-Secret-1")
                .expect(200).json();
        JsonNode globex = Rest.jwtPayload(token.path("access_token").asText()).path("customers").path("globex");
        assertEquals("Globex", globex.path("name").asText(), globex.toString());
        assertEquals("Administrator", globex.path("role").asText());
        assertEquals(List.of("deployments", "alerts", "support-bundles"), CustomerFeaturesIT.names(globex.path("features")));
    }

    private static String customerId(Rest admin, String alias) {
        for (JsonNode org : admin.get("/admin/realms/" + REALM + "/organizations?search=").expect(200).list()) {
            if (alias.equals(org.path("alias").asText())) {
                return org.path("id").asText();
            }
        }
        throw new AssertionError("no customer " + alias);
    }

    private static Map<String, String> rolesOf(Rest admin, String customerId) {
        Map<String, String> roles = new HashMap<>();
        for (JsonNode group : admin.get("/admin/realms/" + REALM + "/organizations/" + customerId + "/groups").expect(200).list()) {
            for (JsonNode member : admin.get("/admin/realms/" + REALM + "/organizations/" + customerId + "/groups/"
                    + group.path("id").asText() + "/members").expect(200).list()) {
                String previous = roles.put(member.path("username").asText(), group.path("name").asText());
                assertEquals(null, previous, "one role per member");
            }
        }
        return roles;
    }
}
