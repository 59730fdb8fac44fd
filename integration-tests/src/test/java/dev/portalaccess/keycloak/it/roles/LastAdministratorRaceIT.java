package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Supplier;

import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Two requests at the same time each removing or demoting one of a customer's last two Administrators:
 * exactly one succeeds, the customer keeps one Administrator. Ten rounds per path.
 */
@KeycloakIntegrationTest
class LastAdministratorRaceIT {

    private static final int ROUNDS = 10;

    @Test
    void concurrentRemovalsThroughKeycloakAdminRestLeaveOneAdministrator(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "roles-race-rest");
        for (int round = 0; round < ROUNDS; round++) {
            String customer = kc.customer("Race" + round);
            String ann = kc.user("ann" + round);
            String bob = kc.user("bob" + round);
            kc.addMember(customer, ann).expect(201);
            kc.addMember(customer, bob).expect(201);
            kc.admin.put(kc.path("/organizations/" + customer + "/groups/" + kc.roleGroupId(customer, "Administrator")
                    + "/members/" + bob), "").expect(204);

            List<Integer> statuses = race(() -> kc.removeMember(customer, ann), () -> kc.removeMember(customer, bob));

            assertOneWon(statuses, round);
            List<String> admins = administrators(kc, customer);
            assertEquals(1, admins.size(), "round " + round + ": administrators left " + admins);
        }
    }

    @Test
    void concurrentSelfServiceDemotionsLeaveOneAdministrator(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "roles-race-self");
        for (int round = 0; round < ROUNDS; round++) {
            String customer = kc.customer("Race" + round);
            String ann = kc.user("ann" + round);
            String bob = kc.user("bob" + round);
            kc.addMember(customer, ann).expect(201);
            kc.addMember(customer, bob).expect(201);
            Rest annApi = kc.as("ann" + round);
            annApi.put(kc.selfService("/customers/" + customer + "/members/" + bob), Map.of("role", "Administrator")).expect(200);
            Rest bobApi = kc.as("bob" + round);

            // each demotes themselves at the same moment
            List<Integer> statuses = race(
                    () -> annApi.put(kc.selfService("/customers/" + customer + "/members/" + ann), Map.of("role", "User")),
                    () -> bobApi.put(kc.selfService("/customers/" + customer + "/members/" + bob), Map.of("role", "Viewer")));

            assertEquals(List.of(200, 409), statuses.stream().sorted().toList(), "round " + round + ": " + statuses);
            List<String> admins = administrators(kc, customer);
            assertEquals(1, admins.size(), "round " + round + ": administrators left " + admins);
        }
    }

    private static List<String> administrators(CustomerRealm kc, String customer) {
        List<String> admins = new ArrayList<>();
        kc.admin.get(kc.path("/organizations/" + customer + "/groups/" + kc.roleGroupId(customer, "Administrator") + "/members"))
                .expect(200).list().forEach(member -> admins.add(member.path("username").asText()));
        return admins;
    }

    private static void assertOneWon(List<Integer> statuses, int round) {
        assertEquals(List.of(204, 409), statuses.stream().sorted().toList(), "round " + round + ": " + statuses);
    }

    /** Runs both requests released by one barrier, so they reach the server together. */
    private static List<Integer> race(Supplier<Rest.Response> first, Supplier<Rest.Response> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> { await(start); return first.get().status(); });
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> { await(start); return second.get().status(); });
        return List.of(a.join(), b.join());
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
