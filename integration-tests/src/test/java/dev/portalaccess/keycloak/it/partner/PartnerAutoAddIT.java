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

    @Test
    void autoAddSwitchedOnThroughTheOrganizationAttributesAddsThePartnerUsersAsTheSwitchDoes(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("console");
        List<String> staff = r.staff("partner", 2);
        r.memberCount(tenant); // cached before the write

        // the admin console's Attributes tab: Keycloak's PUT of the whole organization
        JsonNode rep = admin.get(r.base + "/organizations/" + tenant).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) rep).set("attributes",
                Rest.JSON.valueToTree(Map.of("portalaccess.partner.autoAdd", List.of("true"))));
        admin.put(r.base + "/organizations/" + tenant, rep).expect(204);

        for (String u : staff) {
            assertTrue(r.hasAccess(tenant, u), "partner user " + u + " gained access at once");
            assertTrue(r.isOrganizationMember(tenant, u));
        }
        assertEquals(2, r.memberCount(tenant), "members/count");
        assertTrue(r.tenantView(tenant).get("autoAdd").asBoolean());
        assertTrue(r.hasAccess(tenant, r.staff("later")), "later partner users too");
        assertEquals("autoAddEnabled", r.revoke(tenant, staff.get(0)).expect(409).json().get("error").asText(),
                "and single removals are refused, as after the switch");

        // a tenant created with the attribute set (Keycloak's POST /organizations)
        String created = admin.post(r.base + "/organizations", Map.of("name", "created", "alias", "created",
                "domains", List.of(Map.of("name", "created.customer.example")),
                "attributes", Map.of("portalaccess.partner.autoAdd", List.of("true"))))
                .expect(201).createdId();
        assertEquals(3, r.memberCount(created), "every partner user of the realm");

        // switched off through the attributes: everyone keeps access, single removals are allowed again
        ((com.fasterxml.jackson.databind.node.ObjectNode) rep).set("attributes",
                Rest.JSON.valueToTree(Map.of("portalaccess.partner.autoAdd", List.of("false"))));
        admin.put(r.base + "/organizations/" + tenant, rep).expect(204);
        assertEquals(3, r.memberCount(tenant));
        r.revoke(tenant, staff.get(0)).expect(204);
    }

    @Test
    void aRawAutoAddValueOtherThanTrueOrFalseIsRefusedNamingTheSwitch(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("raw");
        r.staff("partner", 1);
        JsonNode rep = admin.get(r.base + "/organizations/" + tenant).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) rep).put("description", "changed");
        ((com.fasterxml.jackson.databind.node.ObjectNode) rep).set("attributes",
                Rest.JSON.valueToTree(Map.of("portalaccess.partner.autoAdd", List.of("yes"))));

        JsonNode refused = admin.put(r.base + "/organizations/" + tenant, rep).expect(400).json();
        assertEquals("portalaccess.partner.autoAdd", refused.path("field").asText(), refused.toString());
        // the settings schema refuses it for every feature alike (error invalidValue), naming the switch by its label
        assertEquals("invalidValue", refused.path("error").asText(), refused.toString());
        assertTrue(refused.path("errorMessage").asText().contains("Automatically add partner users"), "names the switch: " + refused);
        JsonNode stored = admin.get(r.base + "/organizations/" + tenant).expect(200).json();
        assertTrue(stored.path("attributes").path("portalaccess.partner.autoAdd").isMissingNode(), "nothing stored: " + stored);
        assertFalse("changed".equals(stored.path("description").asText()), "the whole update rolled back");
        assertEquals(0, r.memberCount(tenant));
    }

    @Test
    void aRealmImportedWithAnAutoAddTenantGivesItsPartnerUsersAccess(KeycloakServer server, Rest admin) {
        String realm = dev.portalaccess.keycloak.testsupport.TestRealms.uniqueName("partner-import");
        Map<String, Object> rep = new java.util.HashMap<>();
        rep.put("realm", realm);
        rep.put("organizationsEnabled", true);
        rep.put("attributes", Map.of("portalaccess.partner.enabled", "true"));
        rep.put("groups", List.of(Map.of("name", "partner-staff")));
        rep.put("users", List.of(
                Map.of("username", "pat", "email", "pat@partner.example", "enabled", true, "groups", List.of("/partner-staff")),
                Map.of("username", "sam", "email", "sam@partner.example", "enabled", true, "groups", List.of("/partner-staff")),
                Map.of("username", "erin", "email", "erin@external.example", "enabled", true)));
        rep.put("organizations", List.of(
                Map.of("name", "acme", "alias", "acme", "enabled", true,
                        "domains", List.of(Map.of("name", "acme.customer.example")),
                        "attributes", Map.of("portalaccess.partner.autoAdd", List.of("true")),
                        "members", List.of(Map.of("username", "erin", "membershipType", "MANAGED")))));
        dev.portalaccess.keycloak.testsupport.TestRealms.create(admin, rep);
        String base = "/admin/realms/" + realm;
        String acme = admin.get(base + "/organizations?search=acme&exact=true").expect(200).list().get(0).get("id").asText();

        List<JsonNode> members = admin.get(base + "/organizations/" + acme + "/members").expect(200).list();
        assertEquals(List.of("erin", "pat", "sam"), members.stream().map(m -> m.get("username").asText()).sorted().toList(),
                "the imported tenant with auto-add on has every partner user");
        assertEquals(3, admin.get(base + "/organizations/" + acme + "/members/count").expect(200).json().asLong());
        JsonNode erin = members.stream().filter(m -> m.get("username").asText().equals("erin")).findFirst().orElseThrow();
        assertEquals("UNMANAGED", erin.get("membershipType").asText(), "an imported managed member is access only");
        admin.delete(base).expect(204);
    }
}
