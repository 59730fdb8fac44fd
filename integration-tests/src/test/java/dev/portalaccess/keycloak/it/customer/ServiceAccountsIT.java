package dev.portalaccess.keycloak.it.customer;

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

/** Customer service accounts for CI/CD: create, list, revoke, checked with the real introspection endpoint. */
@KeycloakIntegrationTest
class ServiceAccountsIT {

    private static JsonNode introspect(CustomerTestRealm realm, String token) {
        return realm.anonymous().postForm("/realms/" + realm.realm + "/protocol/openid-connect/token/introspect", Map.of(
                "client_id", "portal", "client_secret", CustomerTestRealm.PORTAL_SECRET, "token", token)).expect(200).json();
    }

    @Test
    void createListRevoke(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        String accounts = realm.path("/customers/" + acme + "/service-accounts");

        JsonNode created = admin.post(accounts, Map.of("name", "ci-pipeline")).expect(201).json();
        String clientId = created.path("clientId").asText();
        String secret = created.path("secret").asText();
        assertEquals("customer-acme-ci-pipeline", clientId);
        assertFalse(secret.isBlank(), "the secret is returned once, on creation");
        assertEquals("active", created.path("status").asText());

        List<JsonNode> listed = admin.get(accounts).expect(200).list();
        assertEquals(1, listed.size());
        assertFalse(listed.get(0).has("secret"), "lists never show the secret");

        String token = realm.anonymous().clientCredentialsGrant(realm.realm, clientId, secret).expect(200).json()
                .path("access_token").asText();
        JsonNode claims = Rest.jwtPayload(token);
        assertEquals(acme, claims.path("organization").path("acme").path("id").asText(), "customer claim: " + claims);
        JsonNode active = introspect(realm, token);
        assertTrue(active.path("active").asBoolean(), active.toString());
        assertEquals(acme, active.path("organization").path("acme").path("id").asText(), active.toString());

        admin.delete(accounts + "/" + created.path("id").asText()).expect(204);

        assertFalse(introspect(realm, token).path("active").asBoolean(), "a revoked account's token is inactive at once");
        Rest.Response refused = realm.anonymous().clientCredentialsGrant(realm.realm, clientId, secret);
        assertTrue(refused.status() == 400 || refused.status() == 401, "no new token after revoke: " + refused.status() + " " + refused.body());
        JsonNode revoked = admin.get(accounts).expect(200).list().get(0);
        assertEquals("revoked", revoked.path("status").asText());
        assertTrue(revoked.path("revokedAt").asLong() > 0);

        List<JsonNode> events = realm.adminEvents();
        assertTrue(events.stream().anyMatch(e -> "CLIENT".equals(e.path("resourceType").asText())
                && "CREATE".equals(e.path("operationType").asText()) && e.path("resourcePath").asText().startsWith("customers/" + acme)),
                "creation is an admin event: " + events);
        assertTrue(events.stream().anyMatch(e -> "revoke".equals(e.path("details").path("action").asText())), "revocation is an admin event");
        realm.delete();
    }

    @Test
    void badInputIsA400NamingTheField(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        String accounts = realm.path("/customers/" + acme + "/service-accounts");

        JsonNode missing = admin.post(accounts, Map.of()).expect(400).json();
        assertEquals("name", missing.path("field").asText());
        assertEquals("required", missing.path("error").asText());
        JsonNode invalid = admin.post(accounts, Map.of("name", "no spaces allowed")).expect(400).json();
        assertEquals("invalidName", invalid.path("error").asText());
        admin.post(accounts, Map.of("name", "deploy")).expect(201);
        assertEquals("exists", admin.post(accounts, Map.of("name", "deploy")).expect(409).json().path("error").asText());
        assertEquals("customerId", admin.get(realm.path("/customers/nope/service-accounts")).expect(404).json().path("field").asText());
        realm.delete();
    }

    @Test
    void aCustomersServiceAccountGetsNoTokenWhileItsPortalAccessIsOff(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of());
        JsonNode created = admin.post(realm.path("/customers/" + acme + "/service-accounts"), Map.of("name", "ci")).expect(201).json();
        String clientId = created.path("clientId").asText();
        String secret = created.path("secret").asText();

        realm.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, "false");
        Rest.Response refused = realm.anonymous().clientCredentialsGrant(realm.realm, clientId, secret).expect(400);
        assertEquals("invalid_grant", refused.json().path("error").asText());

        realm.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, "true");
        realm.anonymous().clientCredentialsGrant(realm.realm, clientId, secret).expect(200);
        realm.delete();
    }

    @Test
    void aDomainRestrictedCustomerGetsServiceAccountsButNoStrayMembers(KeycloakServer server, Rest admin) {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of());
        String acme = realm.createCustomer("acme", "Acme Corp", Map.of(
                "portalaccess.domainRestriction.enabled", List.of("true"),
                "portalaccess.domainRestriction.domains", List.of("acme.com")));

        // a service account has no email: it is let in because an admin bound its client to this customer
        JsonNode created = admin.post(realm.path("/customers/" + acme + "/service-accounts"), Map.of("name", "ci")).expect(201).json();
        String token = realm.anonymous().clientCredentialsGrant(realm.realm, created.path("clientId").asText(),
                created.path("secret").asText()).expect(200).json().path("access_token").asText();
        assertEquals(acme, Rest.jwtPayload(token).path("organization").path("acme").path("id").asText());

        // the service-account user of a client bound to another customer is still refused here
        String other = realm.createCustomer("globex", "Globex", Map.of());
        JsonNode foreign = admin.post(realm.path("/customers/" + other + "/service-accounts"), Map.of("name", "ci")).expect(201).json();
        JsonNode foreignUser = admin.get(realm.path("/users?username=service-account-" + foreign.path("clientId").asText())).expect(200).list().get(0);
        JsonNode refused = admin.post(realm.path("/organizations/" + acme + "/members"), "\"" + foreignUser.path("id").asText() + "\"").expect(400).json();
        assertEquals("email", refused.path("field").asText(), refused.toString());
        realm.delete();
    }
}
