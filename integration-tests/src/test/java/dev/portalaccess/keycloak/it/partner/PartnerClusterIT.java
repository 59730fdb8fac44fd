package dev.portalaccess.keycloak.it.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import dev.portalaccess.keycloak.testsupport.KeycloakCluster;
import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * Partner access on two nodes: "Automatically Add Partner Users" switched on through one node and a partner
 * user added through the other (token, Keycloak's membership API and member counts on both nodes), and the
 * last two users of a tenant revoked on both nodes at the same moment.
 */
@KeycloakClusterTest
class PartnerClusterIT {

    @Test
    void autoAddOnThroughNodeAAndAPartnerUserAddedThroughNodeBHaveTheTenantOnBothNodes(KeycloakCluster cluster,
            @NodeA Rest a, @NodeB Rest b) {
        PartnerRealm onA = PartnerRealm.create(cluster.nodeA(), a);
        PartnerRealm onB = onA.on(b);
        String tenant = onA.tenant("auto");
        List<String> staff = onA.staff("partner", 2);
        // both nodes read the tenant before the switch, so a stale cache on either would show
        for (PartnerRealm node : List.of(onA, onB)) {
            assertEquals(0, node.memberCount(tenant));
        }

        assertEquals(2, onA.autoAdd(tenant, true).expect(200).json().get("added").asInt());
        for (PartnerRealm node : List.of(onA, onB)) {
            assertMembers(node, tenant, 2, "after the switch on node A");
        }

        String later = onB.staff("later");

        for (PartnerRealm node : List.of(onA, onB)) {
            String where = "partner user added through node B, read on " + (node == onA ? "node A" : "node B");
            assertMembers(node, tenant, 3, where);
            List<String> tenants = new ArrayList<>();
            node.admin.get(node.base + "/organizations/members/" + later + "/organizations").expect(200).list()
                    .forEach(o -> tenants.add(o.path("id").asText()));
            assertEquals(List.of(tenant), tenants, where + ": Keycloak's membership API");
            assertTrue(node.hasAccess(tenant, later), where + ": partner API");
            JsonNode claim = Rest.jwtPayload(node.admin.withToken(null).postForm("/realms/" + onA.name + "/protocol/openid-connect/token",
                    Map.of("grant_type", "password", "client_id", "portal", "username", "later", "password", PartnerRealm.PASSWORD,
                            "scope", "openid organization")).expect(200).json().path("access_token").asText()).path("organization");
            assertTrue(claim.toString().contains("auto"), where + ": the token names the tenant: " + claim);
        }
        for (String u : staff) {
            assertTrue(onB.hasAccess(tenant, u));
        }
    }

    private static void assertMembers(PartnerRealm node, String tenant, int expected, String where) {
        int listed = node.admin.get(node.base + "/organizations/" + tenant + "/members?max=100").expect(200).list().size();
        assertEquals(expected, listed, where + ": members listed");
        assertEquals(expected, node.memberCount(tenant), where + ": Keycloak's members/count");
        assertEquals(expected, node.tenantView(tenant).path("userCount").asInt(), where + ": partner API userCount");
    }

    @Test
    void revokingTheLastTwoUsersOfATenantOnBothNodesAtOnceLeavesOne(KeycloakCluster cluster, @NodeA Rest a, @NodeB Rest b)
            throws Exception {
        PartnerRealm onA = PartnerRealm.create(cluster.nodeA(), a);
        PartnerRealm onB = onA.on(b);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 4; round++) {
                String tenant = onA.tenant("race" + round);
                String first = onA.staff("first" + round);
                String second = onA.staff("second" + round);
                onA.grant(tenant, first).expect(201);
                onA.grant(tenant, second).expect(201);
                boolean viaKeycloak = round % 2 == 1;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (PartnerRealm node : List.of(onA, onB)) {
                    String user = node == onA ? first : second;
                    Callable<Integer> revoke = () -> {
                        start.await();
                        return viaKeycloak
                                ? node.admin.delete(node.base + "/organizations/" + tenant + "/members/" + user).status()
                                : node.revoke(tenant, user).status();
                    };
                    results.add(pool.submit(revoke));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                String what = "round " + round + (viaKeycloak ? " (Keycloak's DELETE)" : " (partner API)") + ": " + statuses;
                assertEquals(1, statuses.stream().filter(s -> s == 204).count(), what + ": exactly one revoke succeeded");
                assertTrue(statuses.stream().allMatch(s -> s == 204 || s == 400 || s == 409), what);
                assertEquals(1, onA.memberCount(tenant), what + ": one user left (node A)");
                assertEquals(1, onB.memberCount(tenant), what + ": one user left (node B)");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
