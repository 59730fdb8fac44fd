package dev.portalaccess.keycloak.it.roles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** Per-customer features: realm catalog, defaults, dependencies, admin REST, tokens. */
@KeycloakIntegrationTest
class CustomerFeaturesIT {

    @Test
    void newCustomersGetTheDefaultsAndTheListCountsEnabledFeatures(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "features-defaults");
        String acme = kc.customer("Acme");
        kc.customer("Globex");

        JsonNode customer = admin.get(kc.path("/customer-features/customers/" + acme)).expect(200).json();
        assertEquals(List.of("deployments", "artifacts"), names(customer.path("features")));
        assertEquals(4, customer.path("available").size());

        List<JsonNode> customers = admin.get(kc.path("/customer-features/customers")).expect(200).list();
        assertEquals(2, customers.size());
        customers.forEach(c -> assertEquals(2, c.path("enabledCount").asInt(), c.toString()));

        JsonNode catalog = admin.get(kc.path("/customer-features")).expect(200).json().path("catalog");
        assertEquals(List.of("deployments", "alerts", "artifacts", "support-bundles"),
                catalog.findValuesAsText("name"));
    }

    @Test
    void dependenciesFollowEnablingAndDisabling(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "features-deps");
        String acme = kc.customer("Acme");
        String base = kc.path("/customer-features/customers/" + acme);

        // start from nothing
        assertEquals(List.of(), names(admin.put(base, Map.of("features", List.of())).expect(200).json().path("features")));
        // enabling Alerts enables Deployments
        assertEquals(List.of("deployments", "alerts"), names(admin.put(base + "/alerts", "").expect(200).json().path("features")));
        // Support Bundles and Artifacts are independent
        assertEquals(List.of("deployments", "alerts", "support-bundles"),
                names(admin.put(base + "/support-bundles", "").expect(200).json().path("features")));
        // disabling Deployments disables Alerts
        assertEquals(List.of("support-bundles"), names(admin.delete(base + "/deployments").expect(200).json().path("features")));
        // a full set: what is listed brings what it requires
        assertEquals(List.of("deployments", "alerts", "artifacts"),
                names(admin.put(base, Map.of("features", List.of("alerts", "artifacts"))).expect(200).json().path("features")));
        assertEquals(3, admin.get(kc.path("/customer-features/customers")).expect(200).list().get(0).path("enabledCount").asInt());
    }

    @Test
    void unknownFeaturesAndBadCatalogsAreRefusedNamingThem(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "features-bad");
        String acme = kc.customer("Acme");
        Rest.Response unknown = admin.put(kc.path("/customer-features/customers/" + acme), Map.of("features", List.of("alerts", "teleport")));
        unknown.expect(400);
        assertEquals("features", unknown.json().path("field").asText());
        assertEquals("unknownFeature", unknown.json().path("error").asText());
        assertEquals("teleport", unknown.json().path("feature").asText());
        assertTrue(unknown.json().path("errorMessage").asText().contains("teleport"));
        admin.put(kc.path("/customer-features/customers/" + acme + "/teleport"), "").expect(400);
        // unchanged
        assertEquals(List.of("deployments", "artifacts"),
                names(admin.get(kc.path("/customer-features/customers/" + acme)).expect(200).json().path("features")));

        Rest.Response badCatalog = admin.put(kc.path("/customer-features/catalog"), "[{\"name\":\"alerts\",\"requires\":[\"nope\"]}]");
        badCatalog.expect(400);
        assertEquals("unknownRequirement", badCatalog.json().path("error").asText(), badCatalog.body());
        assertEquals(4, admin.get(kc.path("/customer-features")).expect(200).json().path("catalog").size());
        // the customer does not exist
        admin.get(kc.path("/customer-features/customers/nope")).expect(404);
    }

    @Test
    void changesAreAdminEventsAndNeedManageRealm(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "features-events");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        kc.addMember(acme, ann).expect(201);
        admin.put(kc.path("/customer-features/customers/" + acme + "/alerts"), "").expect(200);
        List<JsonNode> events = admin.get(kc.path("/admin-events?resourceTypes=ORGANIZATION&operationTypes=UPDATE")).expect(200).list();
        assertTrue(events.stream().anyMatch(e -> e.path("resourcePath").asText().contains("customer-features/customers/" + acme)
                && e.path("representation").asText().contains("alerts")), events.toString());
        // a customer user has no realm-admin rights
        kc.as("ann").get(kc.path("/customer-features/customers")).expect(403);
        kc.as("ann").put(kc.path("/customer-features/customers/" + acme + "/support-bundles"), "").expect(403);
    }

    @Test
    void tokensCarryRoleAndFeaturesAndAChangeShowsOnRefresh(Rest admin) {
        CustomerRealm kc = CustomerRealm.create(admin, "features-token");
        String acme = kc.customer("Acme");
        String ann = kc.user("ann");
        String bob = kc.user("bob");
        kc.addMember(acme, ann).expect(201);
        kc.addMember(acme, bob).expect(201);

        JsonNode tokens = kc.tokens("bob");
        JsonNode access = Rest.jwtPayload(tokens.path("access_token").asText());
        JsonNode claim = access.path("customers").path("acme");
        assertEquals(acme, claim.path("id").asText(), access.toString());
        assertEquals("Acme", claim.path("name").asText());
        assertEquals("User", claim.path("role").asText());
        assertEquals(List.of("deployments", "artifacts"), names(claim.path("features")));
        JsonNode id = Rest.jwtPayload(tokens.path("id_token").asText());
        assertEquals("User", id.path("customers").path("acme").path("role").asText(), id.toString());
        JsonNode userinfo = admin.withToken(tokens.path("access_token").asText())
                .get("/realms/" + kc.realm + "/protocol/openid-connect/userinfo").expect(200).json();
        assertEquals(List.of("deployments", "artifacts"), names(userinfo.path("customers").path("acme").path("features")));

        // the vendor changes features, ann makes bob a Viewer: the next refresh shows both
        admin.put(kc.path("/customer-features/customers/" + acme), Map.of("features", List.of("alerts", "support-bundles"))).expect(200);
        kc.as("ann").put(kc.selfService("/customers/" + acme + "/members/" + bob), Map.of("role", "Viewer")).expect(200);
        JsonNode refreshed = admin.withToken(null).refreshGrant(kc.realm, CustomerRealm.CLIENT, null,
                tokens.path("refresh_token").asText()).expect(200).json();
        JsonNode after = Rest.jwtPayload(refreshed.path("access_token").asText()).path("customers").path("acme");
        assertEquals("Viewer", after.path("role").asText(), after.toString());
        assertEquals(List.of("deployments", "alerts", "support-bundles"), names(after.path("features")));

        // removed from the customer: gone from the token
        kc.removeMember(acme, bob).expect(204);
        JsonNode gone = Rest.jwtPayload(kc.tokens("bob").path("access_token").asText());
        assertFalse(gone.path("customers").has("acme"), gone.toString());
    }

    static List<String> names(JsonNode array) {
        List<String> names = new java.util.ArrayList<>();
        array.forEach(n -> names.add(n.asText()));
        return names;
    }
}
