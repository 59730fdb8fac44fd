package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** "Automatically Add Partner Users": on, later staff, refusal of single removals, and off. */
@KeycloakIntegrationTest
class PartnerAutoAddIT {

    @Test
    void switchOnGrantsEveryPartnerUserNowAndLater(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("auto");
        String other = r.tenant("manual");
        List<String> staff = r.staff("partner", 3);
        String outsider = r.user("outsider");

        JsonNode on = r.autoAdd(tenant, true).expect(200).json();
        assertTrue(on.get("autoAdd").asBoolean());
        assertEquals(3, on.get("added").asInt());
        for (String u : staff) {
            assertTrue(r.hasAccess(tenant, u));
            assertTrue(r.isOrganizationMember(tenant, u), "Keycloak lists the auto-added member");
            assertFalse(r.hasAccess(other, u), "only the switched tenant");
        }
        assertFalse(r.hasAccess(tenant, outsider), "only partner users");
        assertEquals("true", admin.get(r.base + "/organizations/" + tenant).expect(200).json()
                .path("attributes").path("portalaccess.partner.autoAdd").get(0).asText(), "stored as an organization attribute");

        // a partner user added later, through Keycloak's group API and through this REST
        String later = r.staff("later");
        assertTrue(r.hasAccess(tenant, later));
        assertFalse(r.hasAccess(other, later));
        String viaRest = r.user("viarest");
        r.admin.post(r.pa("/staff"), Map.of("userId", viaRest)).expect(201);
        assertTrue(r.hasAccess(tenant, viaRest));
        List<JsonNode> events = admin.get(r.base + "/admin-events?resourceTypes=ORGANIZATION&operationTypes=UPDATE").expect(200).list();
        assertTrue(events.stream().anyMatch(e -> e.path("resourcePath").asText().endsWith("/auto-add")));
    }

    @Test
    void whileOnSingleRemovalIsRefusedUntilSwitchedOff(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("auto");
        List<String> staff = r.staff("partner", 3);
        r.autoAdd(tenant, true).expect(200);

        JsonNode refused = r.revoke(tenant, staff.get(0)).expect(409).json();
        assertEquals("autoAddEnabled", refused.get("error").asText());
        assertTrue(refused.get("errorMessage").asText().contains("turn it off"), refused.toString());
        assertTrue(r.hasAccess(tenant, staff.get(0)));
        Rest.Response keycloak = admin.delete(r.base + "/organizations/" + tenant + "/members/" + staff.get(0));
        assertTrue(keycloak.status() >= 400, "Keycloak's DELETE member is refused too: " + keycloak);
        assertTrue(r.hasAccess(tenant, staff.get(0)));

        // off: everyone keeps access, new partner users no longer get it, one-by-one management again
        JsonNode off = r.autoAdd(tenant, false).expect(200).json();
        assertFalse(off.get("autoAdd").asBoolean());
        for (String u : staff) {
            assertTrue(r.hasAccess(tenant, u), "kept after switching off");
        }
        String later = r.staff("later");
        assertFalse(r.hasAccess(tenant, later), "new partner users are not added any more");
        r.revoke(tenant, staff.get(0)).expect(204);
        assertFalse(r.hasAccess(tenant, staff.get(0)));
        r.grant(tenant, later).expect(201);

        assertEquals("enabled", r.admin.put(r.pa("/tenants/" + tenant + "/auto-add"), Map.of("enabled", "yes")).expect(400).json().get("field").asText());
    }

    @Test
    void externalUsersOfAnAutoAddTenantCanStillBeRemoved(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("auto");
        r.staff("partner", 2);
        String external = r.user("external");
        admin.post(r.base + "/organizations/" + tenant + "/members", "application/json", "\"" + external + "\"").expect(201);
        r.autoAdd(tenant, true).expect(200);
        r.revoke(tenant, external).expect(204);
        assertFalse(r.hasAccess(tenant, external));
    }
}
