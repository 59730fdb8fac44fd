package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** The partner-portal realm export: partner staff, tenants with and without auto-add, an external user. Read only. */
@KeycloakIntegrationTest
class PartnerPortalRealmIT {

    private static final String PA = "/admin/realms/partner-portal/partner-access";

    @Test
    void exportCarriesStaffTenantsAndAutoAdd(Rest admin) {
        JsonNode settings = admin.get(PA).expect(200).json();
        assertTrue(settings.get("enabled").asBoolean());
        assertEquals("partner-staff", settings.get("staffGroup").asText());

        List<String> staff = admin.get(PA + "/staff").expect(200).list().stream().map(u -> u.get("username").asText()).toList();
        assertTrue(staff.containsAll(List.of("pat.partner", "sam.support")), staff.toString());
        assertFalse(staff.contains("erin.external"), "external users are not partner staff");

        Map<String, JsonNode> tenants = admin.get(PA + "/tenants").expect(200).list().stream()
                .collect(Collectors.toMap(t -> t.get("alias").asText(), t -> t));
        assertTrue(tenants.get("acme").get("autoAdd").asBoolean(), "acme: auto-add on");
        assertFalse(tenants.get("globex").get("autoAdd").asBoolean(), "globex: managed one by one");
        JsonNode acme = admin.get(PA + "/tenants/" + tenants.get("acme").get("id").asText()).expect(200).json();
        assertEquals(2, acme.get("userCount").asInt(), "every partner user on the auto-add tenant");
        JsonNode globex = admin.get(PA + "/tenants/" + tenants.get("globex").get("id").asText()).expect(200).json();
        assertTrue(globex.get("users").toString().contains("erin.external"), "an external user on globex");

        // a pending invitation, seeded at import (a realm export cannot hold invitations themselves)
        List<JsonNode> pending = admin.get(PA + "/tenants/" + tenants.get("initech").get("id").asText() + "/invitations").expect(200).list();
        assertEquals(1, pending.size(), pending.toString());
        assertEquals("new.colleague@initech.customer.example", pending.get(0).get("email").asText());
        assertEquals("PENDING", pending.get(0).get("status").asText());

        // imported with partner access on: invited users with an account accept after signing in
        JsonNode join = admin.get("/admin/realms/partner-portal/authentication/required-actions/portal-access-tenant-invitation")
                .expect(200).json();
        assertTrue(join.get("enabled").asBoolean(), join.toString());
    }

    @Test
    void exportNamesItsPartnerAdministrators(Rest admin) {
        JsonNode settings = admin.get("/admin/realms/partner-portal/portal-access/settings/partner-access").expect(200).json();
        assertEquals("partner-admins", settings.get("adminGroup").asText(), settings.toString());
        String groupId = admin.get("/admin/realms/partner-portal/groups?exact=true&search=partner-admins").expect(200).list()
                .get(0).get("id").asText();
        List<String> administrators = admin.get("/admin/realms/partner-portal/groups/" + groupId + "/members").expect(200).list()
                .stream().map(u -> u.get("username").asText()).toList();
        assertEquals(List.of("pat.partner"), administrators, "the demo partner administrator");
    }
}
