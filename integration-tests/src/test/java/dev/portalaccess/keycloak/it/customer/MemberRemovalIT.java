package dev.portalaccess.keycloak.it.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** Removing a member through the admin REST takes effect at the next refresh, and can end the portal sessions. */
@KeycloakIntegrationTest
class MemberRemovalIT {

    private static boolean carries(JsonNode tokenResponse, String alias) {
        JsonNode claim = Rest.jwtPayload(tokenResponse.get("access_token").asText()).path("organization");
        if (claim.isArray()) {
            for (JsonNode value : claim) {
                if (alias.equals(value.asText())) {
                    return true;
                }
            }
            return false;
        }
        return claim.has(alias);
    }

    @Test
    void nextRefreshNoLongerCarriesTheCustomer(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        String globex = realm.createCustomer("globex", "Globex", Map.of());
        String dana = realm.createMember(acme, "dana");
        admin.post(realm.path("/organizations/" + globex + "/members"), dana).expect(201);

        // organization:* asks Keycloak's organization scope for every customer of the user
        JsonNode tokens = realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "dana", "openid organization:*").expect(200).json();
        assertTrue(carries(tokens, "acme"), "member token carries acme: " + Rest.jwtPayload(tokens.get("access_token").asText()));
        assertTrue(carries(tokens, "globex"));

        admin.delete(realm.path("/organizations/" + acme + "/members/" + dana)).expect(204);

        JsonNode refreshed = realm.refresh(tokens.get("refresh_token").asText()).expect(200).json();
        assertFalse(carries(refreshed, "acme"), "the refreshed token no longer carries acme: "
                + Rest.jwtPayload(refreshed.get("access_token").asText()));
        assertTrue(carries(refreshed, "globex"), "other customers stay");
        realm.delete();
    }

    @Test
    void withSignOutOnTheRemovedMembersPortalSessionEnds(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of("portalaccess.removal.signOut", "true"));
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        String erin = realm.createMember(acme, "erin");
        String frank = realm.createMember(acme, "frank");

        JsonNode erinTokens = realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "erin", "openid organization").expect(200).json();
        JsonNode frankTokens = realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "frank", "openid organization").expect(200).json();
        assertEquals(1, admin.get(realm.path("/users/" + erin + "/sessions")).expect(200).list().size());

        admin.delete(realm.path("/organizations/" + acme + "/members/" + erin)).expect(204);

        assertTrue(admin.get(realm.path("/users/" + erin + "/sessions")).expect(200).list().isEmpty(), "erin's portal session ended");
        Rest.Response refused = realm.refresh(erinTokens.get("refresh_token").asText()).expect(400);
        assertEquals("invalid_grant", refused.json().path("error").asText(), refused.body());
        // the member who stays keeps their session
        realm.refresh(frankTokens.get("refresh_token").asText()).expect(200);
        assertEquals(1, admin.get(realm.path("/users/" + frank + "/sessions")).expect(200).list().size());
        realm.delete();
    }

    @Test
    void withoutSignOutTheSessionStays(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        String gina = realm.createMember(acme, "gina");
        realm.passwordGrant("portal", CustomerTestRealm.PORTAL_SECRET, "gina", "openid organization").expect(200);

        admin.delete(realm.path("/organizations/" + acme + "/members/" + gina)).expect(204);

        assertEquals(1, admin.get(realm.path("/users/" + gina + "/sessions")).expect(200).list().size(),
                "portalaccess.removal.signOut is off: the session stays");
        realm.delete();
    }
}
