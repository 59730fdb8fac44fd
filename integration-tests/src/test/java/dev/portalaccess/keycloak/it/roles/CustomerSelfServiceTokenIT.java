package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The customer self-service API takes only the user's own access token issued to a portal client of the
 * realm: another application's token, the account console's, a token of another realm, an expired or
 * signed-out one, an ID token or a refresh token answer 401 with a JSON error.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerSelfServiceTokenIT {

    private final Rest admin;
    private final CustomerRealm kc;
    private final String acme;
    private final String annId;

    CustomerSelfServiceTokenIT(Rest admin) {
        this.admin = admin;
        this.kc = CustomerRealm.create(admin, "self-token");
        this.acme = kc.customer("Acme");
        this.annId = kc.user("ann");
        kc.addMember(acme, annId).expect(201);
    }

    private String client(String clientId, Map<String, String> attributes) {
        Map<String, Object> rep = new HashMap<>();
        rep.put("clientId", clientId);
        rep.put("publicClient", true);
        rep.put("directAccessGrantsEnabled", true);
        rep.put("standardFlowEnabled", false);
        rep.put("attributes", attributes);
        return admin.post(kc.path("/clients"), rep).expect(201).createdId();
    }

    private JsonNode grant(String clientId) {
        return admin.withToken(null).passwordGrant(kc.realm, clientId, null, "ann", CustomerRealm.PASSWORD).expect(200).json();
    }

    private Rest.Response customersWith(String token) {
        return admin.withToken(token).get(kc.selfService("/customers"));
    }

    private static void assertUnauthorized(Rest.Response response, String error, String why) {
        assertEquals(401, response.status(), why + ": " + response.request() + " answered " + response.status() + " " + response.body());
        JsonNode body = response.json();
        assertEquals(error, body.path("error").asText(), why + ": " + response.body());
        assertTrue(!body.path("errorMessage").asText().isBlank(), why + ": " + response.body());
        assertTrue(String.valueOf(response.header("Content-Type")).startsWith("application/json"), why + ": " + response.headers());
    }

    @Test
    void onlyTokensOfThePortalClientsAreAccepted() {
        // the portal client (client id "portal", no marker) and a client marked as a portal
        assertEquals(1, customersWith(grant(CustomerRealm.CLIENT).path("access_token").asText()).expect(200).list().size());
        client("mobile-portal", Map.of("portalaccess.portal", "true"));
        assertEquals(1, customersWith(grant("mobile-portal").path("access_token").asText()).expect(200).list().size());

        // another application of the realm: a valid token of the same user, not a portal's
        client("other-app", Map.of());
        assertUnauthorized(customersWith(grant("other-app").path("access_token").asText()), "notPortalClient", "another application's token");
        client("unmarked-app", Map.of("portalaccess.portal", "false"));
        assertUnauthorized(customersWith(grant("unmarked-app").path("access_token").asText()), "notPortalClient", "a client marked false");

        // the account console's token (direct grants switched on for the test, the token is the console's)
        JsonNode console = admin.get(kc.path("/clients?clientId=account-console")).expect(200).list().get(0);
        Map<String, Object> update = Rest.JSON.convertValue(console, Map.class);
        update.put("directAccessGrantsEnabled", true);
        admin.put(kc.path("/clients/" + console.path("id").asText()), update).expect(204);
        String consoleToken = grant("account-console").path("access_token").asText();
        assertEquals("account-console", Rest.jwtPayload(consoleToken).path("azp").asText());
        assertUnauthorized(customersWith(consoleToken), "notPortalClient", "the account console's token");
        // writes too
        assertUnauthorized(admin.withToken(consoleToken).post(kc.selfService("/customers/" + acme + "/invitations"),
                Map.of("email", "x@example.org")), "notPortalClient", "an invitation with the account console's token");
    }

    @Test
    void aPortalClientUnmarkedLaterLosesTheApi() {
        String id = client("kiosk-portal", Map.of("portalaccess.portal", "true"));
        String token = grant("kiosk-portal").path("access_token").asText();
        customersWith(token).expect(200);
        JsonNode rep = admin.get(kc.path("/clients/" + id)).expect(200).json();
        Map<String, Object> update = Rest.JSON.convertValue(rep, Map.class);
        update.put("attributes", Map.of("portalaccess.portal", "false"));
        admin.put(kc.path("/clients/" + id), update).expect(204);
        assertUnauthorized(customersWith(token), "notPortalClient", "a token of a client that is no longer a portal");
    }

    @Test
    void idTokensRefreshTokensAndTokensOfAnotherRealmAreRefused() {
        JsonNode tokens = kc.tokens("ann");
        assertUnauthorized(customersWith(tokens.path("id_token").asText()), "notAuthenticated", "an ID token");
        assertUnauthorized(customersWith(tokens.path("refresh_token").asText()), "notAuthenticated", "a refresh token");
        assertUnauthorized(customersWith("not-a-token"), "notAuthenticated", "garbage");
        assertUnauthorized(customersWith(null), "notAuthenticated", "no token");

        // the same user name and the same portal client in another realm
        CustomerRealm other = CustomerRealm.create(admin, "self-token-other");
        String otherAcme = other.customer("Acme");
        other.addMember(otherAcme, other.user("ann")).expect(201);
        String foreign = other.tokens("ann").path("access_token").asText();
        other.as("ann").get(other.selfService("/customers")).expect(200);
        assertUnauthorized(customersWith(foreign), "notAuthenticated", "a token of another realm");
        admin.delete("/admin/realms/" + other.realm).expect(204);
    }

    @Test
    void signedOutAndExpiredTokensAreRefused() throws InterruptedException {
        String bob = kc.user("bob");
        kc.addMember(acme, bob).expect(201);
        String signedOut = kc.tokens("bob").path("access_token").asText();
        customersWith(signedOut).expect(200);
        admin.post(kc.path("/users/" + bob + "/logout"), Map.of()).expect(204);
        assertUnauthorized(customersWith(signedOut), "notAuthenticated", "a token of a session that was signed out");

        // a portal client whose tokens live one second
        client("short-portal", Map.of("portalaccess.portal", "true", "access.token.lifespan", "1"));
        String expiring = grant("short-portal").path("access_token").asText();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Rest.Response answer = customersWith(expiring);
        while (answer.status() == 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(250); // poll until the token's exp has passed on the server
            answer = customersWith(expiring);
        }
        assertUnauthorized(answer, "notAuthenticated", "an expired token");
        customersWith(kc.tokens("ann").path("access_token").asText()).expect(200);
    }
}
