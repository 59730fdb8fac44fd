package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/**
 * {@code GET|PUT .../portal-access/customers/{id}/settings}: each section of tenant access read and written, stored
 * canonically in Keycloak's own models, a bad document refused whole (every bad field named, nothing stored), an
 * admin event per change.
 */
@KeycloakIntegrationTest
class CustomerSettingsApiIT {

    @Test
    void everySectionIsReadAndWritten(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-settings");
        try {
            String acme = realm.organization("acme");
            String settings = realm.api("/customers/" + acme + "/settings");
            JsonNode defaults = admin.get(settings).expect(200).json();
            assertTrue(defaults.path("portalAccess").path("enabled").asBoolean(), defaults.toString());
            assertTrue(defaults.path("contactEmail").isNull(), defaults.toString());
            assertTrue(defaults.path("portalUrl").isNull(), defaults.toString());
            assertEquals("[\"deployments\",\"artifacts\"]", defaults.path("features").toString(), "the catalogue's defaults");
            assertFalse(defaults.has("partner"), "no partner section without partner access: " + defaults);

            Map<String, Object> document = new HashMap<>();
            document.put("portalAccess", Map.of("enabled", false));
            document.put("contactEmail", " Boss@Acme.Example ");
            document.put("portalUrl", "https://portal.acme.example/app");
            document.put("features", List.of("alerts"));
            JsonNode stored = admin.put(settings, document).expect(200).json();
            assertFalse(stored.path("portalAccess").path("enabled").asBoolean(), stored.toString());
            assertEquals("boss@acme.example", stored.path("contactEmail").asText());
            assertEquals("https://portal.acme.example/app", stored.path("portalUrl").asText());
            assertEquals("[\"deployments\",\"alerts\"]", stored.path("features").toString(), "resolved with what alerts requires");
            assertEquals(stored, admin.get(settings).expect(200).json(), "read back");

            JsonNode organization = admin.get(realm.path("/organizations/" + acme)).expect(200).json();
            assertEquals("[\"false\"]", organization.path("attributes").path("portalaccess.portalAccess.enabled").toString());
            assertEquals("[\"boss@acme.example\"]", organization.path("attributes").path("portalaccess.contactEmail").toString());
            assertEquals("https://portal.acme.example/app", organization.path("redirectUrl").asText());
            assertEquals("[\"deployments\",\"alerts\"]", organization.path("attributes").path("portalaccess.features").toString());

            JsonNode row = admin.get(realm.api("/customers?search=acme")).expect(200).list().get(0);
            assertFalse(row.path("portalAccess").asBoolean(), row.toString());
            assertEquals(2, row.path("features").path("enabled").asInt(), row.toString());

            // a section left out is left unchanged; null clears
            Map<String, Object> clear = new HashMap<>();
            clear.put("contactEmail", null);
            clear.put("portalUrl", null);
            clear.put("features", List.of());
            JsonNode cleared = admin.put(settings, clear).expect(200).json();
            assertTrue(cleared.path("contactEmail").isNull(), cleared.toString());
            assertTrue(cleared.path("portalUrl").isNull(), cleared.toString());
            assertEquals("[]", cleared.path("features").toString(), "none, not the defaults");
            assertFalse(cleared.path("portalAccess").path("enabled").asBoolean(), "unchanged");

            List<JsonNode> events = realm.adminEvents("ORGANIZATION", "UPDATE");
            assertTrue(events.stream().anyMatch(e -> e.path("resourcePath").asText().endsWith("customers/" + acme + "/settings")
                    && e.path("representation").asText().contains("boss@acme.example")), events.toString());
        } finally {
            realm.delete();
        }
    }

    @Test
    void aBadDocumentIsRefusedNamingEveryFieldAndNothingIsStored(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-settings-bad");
        try {
            String acme = realm.organization("acme");
            String settings = realm.api("/customers/" + acme + "/settings");
            JsonNode before = admin.get(settings).expect(200).json();
            Map<String, Object> bad = new HashMap<>();
            bad.put("portalAccess", Map.of("enabled", "nope"));
            bad.put("contactEmail", "boss at acme");
            bad.put("portalUrl", "javascript:alert(1)");
            bad.put("features", List.of("deployments", "teleport"));
            bad.put("colour", "red");
            JsonNode refused = admin.put(settings, bad).expect(400).json();
            assertEquals(Set.of("portalAccess.enabled", "contactEmail", "portalUrl", "features[1]", "colour"),
                    CustomersApiIT.fields(refused), refused.toString());
            for (JsonNode p : refused.path("errors")) {
                assertTrue(p.hasNonNull("error") && p.hasNonNull("errorMessage") && p.hasNonNull("messageKey"), p.toString());
            }
            assertEquals(before, admin.get(settings).expect(200).json(), "nothing stored");

            // one bad section refuses the good ones with it
            Map<String, Object> mixed = new HashMap<>();
            mixed.put("contactEmail", "ok@acme.example");
            mixed.put("features", List.of("teleport"));
            assertEquals("features[0]", admin.put(settings, mixed).expect(400).json().path("field").asText());
            assertEquals(before, admin.get(settings).expect(200).json(), "all or nothing");
        } finally {
            realm.delete();
        }
    }

    @Test
    void thePartnerSectionSwitchesAutoAddLikeThePartnerApi(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-settings-partner", Map.of("portalaccess.partner.enabled", "true"));
        try {
            admin.post(realm.path("/groups"), Map.of("name", "partner-staff")).expect(201);
            String staffGroup = admin.get(realm.path("/groups?search=partner-staff&exact=true")).expect(200).list().get(0).path("id").asText();
            String pat = realm.user("pat");
            admin.put(realm.path("/users/" + pat + "/groups/" + staffGroup), Map.of()).expect(204);
            String tenant = realm.organization("tenant");
            String settings = realm.api("/customers/" + tenant + "/settings");
            assertFalse(admin.get(settings).expect(200).json().path("partner").path("autoAdd").asBoolean());

            assertEquals("partner.autoAdd", admin.put(settings, Map.of("partner", Map.of("autoAdd", "yes"))).expect(400)
                    .json().path("field").asText());
            JsonNode on = admin.put(settings, Map.of("partner", Map.of("autoAdd", true))).expect(200).json();
            assertTrue(on.path("partner").path("autoAdd").asBoolean(), on.toString());
            assertEquals(1, admin.get(realm.api("/customers/" + tenant + "/members")).expect(200).list().size(), "pat got access");
            assertEquals("[\"true\"]", admin.get(realm.path("/organizations/" + tenant)).expect(200).json()
                    .path("attributes").path("portalaccess.partner.autoAdd").toString());
        } finally {
            realm.delete();
        }
    }
}
