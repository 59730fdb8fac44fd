package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** Granting, revoking, the at-least-one-user rule and partner staff removal, through the real admin REST. */
@KeycloakIntegrationTest
class PartnerAccessIT {

    @Test
    void grantIsOnlyForPartnerUsersAndIsOrganizationMembership(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("acme");
        String partner = r.staff("alice");
        String outsider = r.user("olivia");

        JsonNode refused = r.grant(tenant, outsider).expect(400).json();
        assertEquals("userId", refused.get("field").asText());
        assertEquals("notPartnerUser", refused.get("error").asText());
        assertFalse(r.isOrganizationMember(tenant, outsider));

        r.grant(tenant, partner).expect(201);
        assertTrue(r.hasAccess(tenant, partner));
        assertTrue(r.isOrganizationMember(tenant, partner), "access is visible as Keycloak organization membership");
        assertEquals("alreadyHasAccess", r.grant(tenant, partner).expect(409).json().get("error").asText());

        assertEquals("userId", r.admin.post(r.pa("/tenants/" + tenant + "/users"), Map.of()).expect(400).json().get("field").asText());
        assertEquals("userNotFound", r.grant(tenant, "no-such-user").expect(400).json().get("error").asText());
        r.grant("no-such-tenant", partner).expect(404);

        List<JsonNode> events = admin.get(r.base + "/admin-events?resourceTypes=ORGANIZATION_MEMBERSHIP&operationTypes=CREATE").expect(200).list();
        assertTrue(events.stream().anyMatch(e -> e.path("resourcePath").asText().contains("partner-access/tenants/" + tenant + "/users")),
                "an admin event for the grant: " + events);
    }

    @Test
    void revokingOneTenantKeepsOtherTenantsAndStaffMembership(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String t1 = r.tenant("t1");
        String t2 = r.tenant("t2");
        String alice = r.staff("alice");
        String bob = r.staff("bob");
        for (String t : List.of(t1, t2)) {
            r.grant(t, alice).expect(201);
            r.grant(t, bob).expect(201);
        }

        r.revoke(t1, alice).expect(204);

        assertFalse(r.hasAccess(t1, alice));
        assertTrue(r.hasAccess(t2, alice));
        assertTrue(r.isStaff(alice), "still a partner user");
        assertEquals("notFound", r.revoke(t1, alice).expect(404).json().get("error").asText());
        List<JsonNode> events = admin.get(r.base + "/admin-events?resourceTypes=ORGANIZATION_MEMBERSHIP&operationTypes=DELETE").expect(200).list();
        assertTrue(events.stream().anyMatch(e -> e.path("resourcePath").asText().contains("/users/" + alice)));
    }

    @Test
    void theLastUserOfATenantCannotBeRemovedOnAnyPath(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("solo");
        String alice = r.staff("alice");
        r.grant(tenant, alice).expect(201);

        JsonNode refused = r.revoke(tenant, alice).expect(409).json();
        assertEquals("lastTenantAccess", refused.get("error").asText());
        assertEquals("portalAccessPartnerLastTenantAccess", refused.get("messageKey").asText());
        assertTrue(refused.get("errorMessage").asText().contains("solo"));
        assertTrue(r.hasAccess(tenant, alice));

        // Keycloak's own member removal is guarded too
        Rest.Response keycloak = admin.delete(r.base + "/organizations/" + tenant + "/members/" + alice);
        assertTrue(keycloak.status() >= 400, "Keycloak's DELETE member must be refused: " + keycloak);
        assertTrue(r.isOrganizationMember(tenant, alice), "still a member after Keycloak's DELETE");

        // with a second user, one can go
        String bob = r.staff("bob");
        r.grant(tenant, bob).expect(201);
        admin.delete(r.base + "/organizations/" + tenant + "/members/" + alice).expect(204);
        assertFalse(r.hasAccess(tenant, alice));

        // deleting the whole tenant is not "leaving it with no one"
        admin.delete(r.base + "/organizations/" + tenant).expect(204);
        admin.get(r.base + "/organizations/" + tenant).expect(404);
    }

    @Test
    void deletingAUserRevokesTheirTenantsAndIsRefusedForTheLastUser(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String solo = r.tenant("solo");
        String shared = r.tenant("shared");
        String alice = r.staff("alice");
        String bob = r.staff("bob");
        r.grant(solo, alice).expect(201);
        r.grant(shared, alice).expect(201);
        r.grant(shared, bob).expect(201);

        Rest.Response refused = admin.delete(r.base + "/users/" + alice);
        assertEquals(400, refused.status(), refused.toString());
        assertTrue(refused.json().path("error_description").asText().contains("At least one user must keep access to tenant 'solo'"),
                refused.body());
        admin.get(r.base + "/users/" + alice).expect(200);
        assertTrue(r.hasAccess(solo, alice), "refused whole: nothing removed");
        assertTrue(r.hasAccess(shared, alice));

        r.grant(solo, bob).expect(201);
        admin.delete(r.base + "/users/" + alice).expect(204);
        assertEquals(1, r.memberCount(solo));
        assertEquals(1, r.memberCount(shared));
        assertTrue(r.hasAccess(solo, bob));

        // a user deleted while auto-add is on is simply gone: the switch only stops single removals
        String auto = r.tenant("auto");
        r.autoAdd(auto, true).expect(200);
        String carol = r.staff("carol");
        assertTrue(r.hasAccess(auto, carol));
        admin.delete(r.base + "/users/" + carol).expect(204);
        assertTrue(r.hasAccess(auto, bob));
    }

    @Test
    void removingSomeoneFromTheStaffRevokesTheirTenants(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String granted = r.tenant("granted");
        String auto = r.tenant("auto");
        String keeper = r.staff("keeper");
        String alice = r.staff("alice");
        String bob = r.staff("bob");
        r.grant(granted, keeper).expect(201);
        r.grant(granted, alice).expect(201);
        r.grant(granted, bob).expect(201);
        r.autoAdd(auto, true).expect(200);
        assertTrue(r.hasAccess(auto, alice));

        // through this extension's REST
        r.admin.delete(r.pa("/staff/" + alice)).expect(204);
        assertFalse(r.isStaff(alice));
        assertFalse(r.hasAccess(granted, alice), "individually granted tenant revoked");
        assertFalse(r.hasAccess(auto, alice), "auto-added tenant revoked");

        // through Keycloak's own group API: same effect
        admin.delete(r.base + "/users/" + bob + "/groups/" + r.staffGroupId).expect(204);
        assertFalse(r.hasAccess(granted, bob));
        assertFalse(r.hasAccess(auto, bob));
        assertTrue(r.hasAccess(granted, keeper));

        // the last user of a tenant cannot leave the staff: it would leave the tenant with no one
        String lonely = r.tenant("lonely");
        r.grant(lonely, keeper).expect(201);
        assertEquals("lastTenantAccess", r.admin.delete(r.pa("/staff/" + keeper)).expect(409).json().get("error").asText());
        assertTrue(r.isStaff(keeper), "refused whole: still staff");
        assertTrue(r.hasAccess(granted, keeper), "refused whole: other tenants kept");
        assertTrue(admin.delete(r.base + "/users/" + keeper + "/groups/" + r.staffGroupId).status() >= 400);
        assertTrue(r.isStaff(keeper));
        assertTrue(r.hasAccess(lonely, keeper));
    }

    @Test
    void twoAdminsRevokingTheLastTwoUsersAtOnceLeaveOne(KeycloakServer server, Rest admin) throws Exception {
        PartnerRealm r = PartnerRealm.create(server, admin);
        Rest admin2 = Rest.admin(server);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                String tenant = r.tenant("race" + round);
                String a = r.staff("first" + round);
                String b = r.staff("second" + round);
                r.grant(tenant, a).expect(201);
                r.grant(tenant, b).expect(201);
                boolean viaKeycloak = round % 2 == 1;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (String[] job : List.of(new String[] {a, "1"}, new String[] {b, "2"})) {
                    Rest client = job[1].equals("1") ? admin : admin2;
                    Callable<Integer> revoke = () -> {
                        start.await();
                        return viaKeycloak
                                ? client.delete(r.base + "/organizations/" + tenant + "/members/" + job[0]).status()
                                : client.delete(r.pa("/tenants/" + tenant + "/users/" + job[0])).status();
                    };
                    results.add(pool.submit(revoke));
                }
                start.countDown();
                int ok = 0;
                for (Future<Integer> f : results) {
                    if (f.get() == 204) {
                        ok++;
                    }
                }
                assertEquals(1, r.memberCount(tenant), "round " + round + (viaKeycloak ? " (Keycloak's DELETE)" : "") + ": one user left");
                assertEquals(1, ok, "round " + round + ": exactly one revoke succeeded");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void settingsAndListsAreReadable(KeycloakServer server, Rest admin) {
        PartnerRealm r = PartnerRealm.create(server, admin);
        String tenant = r.tenant("listed");
        String alice = r.staff("alice");
        r.grant(tenant, alice).expect(201);

        JsonNode settings = admin.get(r.pa("")).expect(200).json();
        assertTrue(settings.get("enabled").asBoolean());
        assertEquals("partner-staff", settings.get("staffGroup").asText());
        assertEquals(r.staffGroupId, settings.get("staffGroupId").asText());
        assertTrue(admin.get(r.pa("/staff")).expect(200).list().stream().anyMatch(u -> u.get("id").asText().equals(alice)));
        JsonNode view = r.tenantView(tenant);
        assertEquals(1, view.get("userCount").asInt());
        assertTrue(view.get("users").get(0).get("partnerUser").asBoolean());
        assertFalse(view.get("autoAdd").asBoolean());
        assertTrue(admin.get(r.pa("/tenants")).expect(200).list().stream().anyMatch(t -> t.get("id").asText().equals(tenant)));

        // a realm without partner access on refuses with a reason
        String plain = dev.portalaccess.keycloak.testsupport.TestRealms.create(admin,
                Map.of("realm", dev.portalaccess.keycloak.testsupport.TestRealms.uniqueName("plain"), "organizationsEnabled", true));
        JsonNode off = admin.get("/admin/realms/" + plain + "/partner-access/staff").expect(400).json();
        assertEquals("partnerAccessDisabled", off.get("error").asText());
        assertNotEquals("", off.get("errorMessage").asText());
    }
}
