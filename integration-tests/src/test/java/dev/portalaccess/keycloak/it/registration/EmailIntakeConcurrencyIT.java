package dev.portalaccess.keycloak.it.registration;

import static dev.portalaccess.keycloak.it.registration.SelfRegistrationRealm.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * The mail intake may deliver the same sender several times at once (retries, parallel workers): every call
 * for one address answers with the same user, exactly one of them {@code created}, and one account exists.
 */
@KeycloakIntegrationTest
class EmailIntakeConcurrencyIT {

    private static final int CALLERS = 8;
    private static final int ROUNDS = 4;

    @Test
    void parallelCallsForOneAddressAnswerTheSameUserAndCreateItOnce(KeycloakServer server, Rest admin) throws Exception {
        SelfRegistrationRealm r = EmailSelfRegistrationIT.setUp(admin, server, policy("ANYONE", "emailRegistration=true",
                "defaultServices=role:" + SelfRegistrationRealm.SERVICE_ROLE));
        Rest intake = EmailSelfRegistrationIT.intake(server, r);
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String address = "burst" + round + "@anywhere.test";
                // the same sender as the intake may see it: several spellings of one address
                List<String> spellings = List.of(address, address.toUpperCase(), "Burst" + round + "@Anywhere.Test", " " + address + " ");
                CyclicBarrier start = new CyclicBarrier(CALLERS);
                List<Future<Rest.Response>> calls = new ArrayList<>();
                for (int i = 0; i < CALLERS; i++) {
                    String email = spellings.get(i % spellings.size());
                    calls.add(pool.submit(() -> {
                        start.await(60, TimeUnit.SECONDS);
                        return intake.post(EmailSelfRegistrationIT.endpoint(r), Map.of("email", email, "name", "Burst Sender"));
                    }));
                }
                List<Rest.Response> answers = new ArrayList<>();
                for (Future<Rest.Response> call : calls) {
                    answers.add(call.get(120, TimeUnit.SECONDS));
                }
                String seen = answers.stream().map(a -> a.status() + " " + a.body()).collect(Collectors.joining("\n"));

                assertTrue(answers.stream().allMatch(a -> a.status() == 200 || a.status() == 201),
                        "round " + round + ": every call answers 200 or 201:\n" + seen);
                assertEquals(1, answers.stream().filter(a -> a.status() == 201).count(), "round " + round + ": exactly one created:\n" + seen);
                assertTrue(answers.stream().filter(a -> a.status() == 200)
                        .allMatch(a -> "exists".equals(a.json().path("result").asText())), "round " + round + ": the others exist:\n" + seen);
                Set<String> ids = answers.stream().map(a -> a.json().path("userId").asText()).collect(Collectors.toSet());
                assertEquals(1, ids.size(), "round " + round + ": one user id for every call:\n" + seen);

                List<JsonNode> users = admin.get("/admin/realms/" + r.realm + "/users?exact=true&email=" + SelfRegistrationRealm.enc(address))
                        .expect(200).list();
                assertEquals(1, users.size(), "round " + round + ": one account for the address");
                assertEquals(ids.iterator().next(), users.get(0).path("id").asText(), "round " + round + ": the answered user is the account");
                assertTrue(r.realmRoles(users.get(0).path("id").asText()).contains(SelfRegistrationRealm.SERVICE_ROLE),
                        "round " + round + ": the one account got its services");
                long registered = r.events("REGISTER").stream()
                        .filter(e -> address.equals(e.path("details").path("email").asText())).count();
                assertEquals(1, registered, "round " + round + ": one REGISTER event for the address");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
