package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * "Automatically Add Partner Users" is a flag like every other: ' TRUE ' written through Keycloak's organization
 * admin REST means on, gives the tenant every partner user at once (the set-based insert), and is stored as
 * {@code true}, the form the later set-based queries (a partner user joining the staff) match.
 */
@KeycloakIntegrationTest
class PartnerAutoAddFlagIT {

    private static final String AUTO_ADD = "portalaccess.partner.autoAdd";

    @Test
    void aFlagWrittenInAnotherCaseAndWithBlanksIsOnAndStoredCanonically(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("spaced");
        List<String> staff = r.staff("partner", 2);

        JsonNode rep = admin.get(r.base + "/organizations/" + tenant).expect(200).json();
        ((ObjectNode) rep).set("attributes", Rest.JSON.valueToTree(Map.of(AUTO_ADD, List.of(" TRUE "))));
        admin.put(r.base + "/organizations/" + tenant, rep).expect(204);

        for (String u : staff) {
            assertTrue(r.hasAccess(tenant, u), "partner user " + u + " gained access");
        }
        assertEquals(2, r.memberCount(tenant), "members/count");
        JsonNode stored = admin.get(r.base + "/organizations/" + tenant).expect(200).json();
        assertEquals("[\"true\"]", stored.path("attributes").path(AUTO_ADD).toString(), "stored canonically: " + stored);
        assertTrue(r.tenantView(tenant).get("autoAdd").asBoolean());
        // a partner user who joins later is found by the set-based query, which matches the canonical value
        assertTrue(r.hasAccess(tenant, r.staff("later")), "a later partner user too");
    }
}
