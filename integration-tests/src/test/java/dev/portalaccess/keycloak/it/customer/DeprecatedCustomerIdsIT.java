package dev.portalaccess.keycloak.it.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.Browser;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The provider ids of tenant access before the rename (docs/renames.md) keep working for one release: a flow
 * built with the old authenticator id refuses and admits exactly as the renamed one, the old event listener id
 * is accepted in a realm's event listeners, the old mapper ids are offered, each shown as deprecated.
 */
@KeycloakIntegrationTest
class DeprecatedCustomerIdsIT {

    @Test
    void aFlowWithTheOldAuthenticatorIdRefusesAndAdmitsLikeTheRenamedOne(KeycloakServer server, Rest admin) throws Exception {
        CustomerTestRealm realm = CustomerTestRealm.create(admin, server, Map.of(), Map.of(),
                "portalaccess-customer-portal-access", "portalaccess-customer");
        try {
            JsonNode step = admin.get(realm.path("/authentication/flows/portal-browser/executions")).expect(200).list().stream()
                    .filter(e -> "portalaccess-customer-portal-access".equals(e.path("providerId").asText())).findFirst().orElseThrow();
            assertEquals("REQUIRED", step.path("requirement").asText(), step.toString());
            assertEquals("Customer portal access (deprecated id)", step.path("displayName").asText());

            String acme = realm.createCustomer("acme", "Acme Corp", Map.of(CustomerTestRealm.ACCESS_ATTRIBUTE, List.of("false")));
            String alice = realm.createMember(acme, "alice");
            try (Browser browser = new Browser()) {
                HtmlPage refused = PortalAccessIT.login(browser, realm.authUrl("portal"), "alice");
                assertEquals(403, refused.getWebResponse().getStatusCode(), refused.asNormalizedText());
                assertTrue(refused.asNormalizedText().contains("Portal access for Acme Corp is turned off"), refused.asNormalizedText());
            }
            assertTrue(realm.events("LOGIN_ERROR").stream().anyMatch(e -> "customer_portal_access_disabled".equals(e.path("error").asText())
                    && alice.equals(e.path("userId").asText())), "the refusal event");

            realm.setCustomerAttribute(acme, CustomerTestRealm.ACCESS_ATTRIBUTE, "true");
            try (Browser browser = new Browser()) {
                HtmlPage landed = PortalAccessIT.login(browser, realm.authUrl("portal"), "alice");
                assertTrue(landed.getUrl().toString().startsWith(realm.landing()) && landed.getUrl().toString().contains("code="),
                        "signs in again: " + landed.getUrl());
            }

            // Keycloak refuses an unknown event listener id: the old one is known
            JsonNode events = admin.get(realm.path("/events/config")).expect(200).json();
            assertTrue(events.path("eventsListeners").toString().contains("\"portalaccess-customer\""), events.toString());
            admin.put(realm.path("/events/config"), Map.of("eventsEnabled", true,
                    "eventsListeners", List.of("jboss-logging", "portalaccess-customer"))).expect(204);
            assertEquals(400, admin.put(realm.path("/events/config"), Map.of("eventsEnabled", true,
                    "eventsListeners", List.of("portalaccess-no-such-listener"))).status(), "an unknown id is refused");
        } finally {
            realm.delete();
        }
    }

    @Test
    void theOldIdsAreOfferedMarkedDeprecatedNextToTheNewOnes(Rest admin) {
        JsonNode info = admin.get("/admin/serverinfo").expect(200).json();
        JsonNode authenticators = info.path("providers").path("authenticator").path("providers");
        assertTrue(authenticators.has("portal-access-customer-portal-access"), "the new id");
        assertTrue(authenticators.has("portalaccess-customer-portal-access"), "the old id");
        List<JsonNode> mappers = info.path("protocolMapperTypes").path("openid-connect").findParents("id");
        for (String[] ids : new String[][] {{"portal-access-customer-claim-mapper", "portalaccess-customer-claim-mapper"},
                {"portal-access-customer-organization-mapper", "portalaccess-customer-organization-mapper"}}) {
            JsonNode renamed = mappers.stream().filter(m -> ids[0].equals(m.path("id").asText())).findFirst().orElseThrow();
            JsonNode old = mappers.stream().filter(m -> ids[1].equals(m.path("id").asText())).findFirst().orElseThrow();
            assertEquals(renamed.path("name").asText() + " (deprecated id)", old.path("name").asText());
            assertTrue(old.path("helpText").asText().startsWith("Deprecated id, renamed to '" + ids[0] + "'"), old.toString());
        }
    }
}
