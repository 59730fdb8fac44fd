package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * Customer roles and features on two nodes: the last two Administrators demoted on both nodes at the same
 * moment leave exactly one, and a token refreshed on the other node carries the features and role changed
 * through the first.
 */
@KeycloakClusterTest
class CustomerRolesClusterIT {

    private static final int ROUNDS = 5;

    @Test
    void demotingTheLastTwoAdministratorsOnBothNodesAtOnceLeavesOne(@NodeA Rest a, @NodeB Rest b) {
        CustomerRealm onA = CustomerRealm.create(a, "roles-cluster-race");
        CustomerRealm onB = onA.on(b);
        for (int round = 0; round < ROUNDS; round++) {
            String customer = onA.customer("Race" + round);
            String ann = onA.user("ann" + round);
            String bob = onA.user("bob" + round);
            onA.addMember(customer, ann).expect(201);
            onA.addMember(customer, bob).expect(201);
            String administrators = onA.roleGroupId(customer, "Administrator");
            a.put(onA.path("/organizations/" + customer + "/groups/" + administrators + "/members/" + bob), "").expect(204);

            // self-service on A and Keycloak's own admin REST on B, at the same moment
            Rest annOnA = onA.as("ann" + round);
            List<Integer> statuses = race(
                    () -> annOnA.put(onA.selfService("/customers/" + customer + "/members/" + ann), Map.of("role", "User")),
                    () -> b.delete(onB.path("/organizations/" + customer + "/groups/" + administrators + "/members/" + bob)));

            // the self-service change answers 200, Keycloak's DELETE 204; the refused one 409
            List<Integer> sorted = statuses.stream().sorted().toList();
            assertTrue(sorted.equals(List.of(200, 409)) || sorted.equals(List.of(204, 409)),
                    "round " + round + ": one wins, the other is refused: " + statuses);
            assertEquals(1, administrators(a, onA, customer).size(), "round " + round + ", node A: " + administrators(a, onA, customer));
            assertEquals(administrators(a, onA, customer), administrators(b, onB, customer), "round " + round + ": both nodes agree");
        }
    }

    @Test
    void aTokenRefreshedOnTheOtherNodeCarriesTheChangedFeaturesAndRole(@NodeA Rest a, @NodeB Rest b) {
        CustomerRealm onA = CustomerRealm.create(a, "roles-cluster-features");
        CustomerRealm onB = onA.on(b);
        String acme = onA.customer("Acme");
        String ann = onA.user("ann");
        String bob = onA.user("bob");
        onA.addMember(acme, ann).expect(201);
        onA.addMember(acme, bob).expect(201);

        JsonNode fromA = onA.tokens("bob");
        assertEquals(List.of("deployments", "artifacts"), features(fromA.path("access_token").asText(), "acme"));

        // changed through A, refreshed on B
        a.put(onA.path("/customer-features/customers/" + acme), Map.of("features", List.of("alerts", "support-bundles"))).expect(200);
        onA.as("ann").put(onA.selfService("/customers/" + acme + "/members/" + bob), Map.of("role", "Viewer")).expect(200);
        JsonNode onNodeB = b.withToken(null).refreshGrant(onA.realm, CustomerRealm.CLIENT, null,
                fromA.path("refresh_token").asText()).expect(200).json();
        assertEquals(List.of("deployments", "alerts", "support-bundles"), features(onNodeB.path("access_token").asText(), "acme"));
        assertEquals("Viewer", claim(onNodeB.path("access_token").asText(), "acme").path("role").asText());

        // and back: changed through B, refreshed on A
        b.delete(onB.path("/customer-features/customers/" + acme + "/deployments")).expect(200);
        onB.as("ann").put(onB.selfService("/customers/" + acme + "/members/" + bob), Map.of("role", "User")).expect(200);
        JsonNode onNodeA = a.withToken(null).refreshGrant(onA.realm, CustomerRealm.CLIENT, null,
                onNodeB.path("refresh_token").asText()).expect(200).json();
        assertEquals(List.of("support-bundles"), features(onNodeA.path("access_token").asText(), "acme"));
        assertEquals("User", claim(onNodeA.path("access_token").asText(), "acme").path("role").asText());
    }

    private static JsonNode claim(String accessToken, String alias) {
        return Rest.jwtPayload(accessToken).path("customers").path(alias);
    }

    private static List<String> features(String accessToken, String alias) {
        return CustomerFeaturesIT.names(claim(accessToken, alias).path("features"));
    }

    private static List<String> administrators(Rest node, CustomerRealm realm, String customer) {
        List<String> admins = new ArrayList<>();
        node.get(realm.path("/organizations/" + customer + "/groups/" + realm.roleGroupId(customer, "Administrator") + "/members"))
                .expect(200).list().forEach(member -> admins.add(member.path("username").asText()));
        admins.sort(null);
        return admins;
    }

    /** Runs both requests released by one barrier, so they reach the two nodes together. */
    private static List<Integer> race(Supplier<Rest.Response> first, Supplier<Rest.Response> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> { await(start); return first.get().status(); });
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> { await(start); return second.get().status(); });
        return List.of(one.join(), two.join());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
