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
 * The realm documents of tenant access ({@code settings/customer-access}, {@code settings/features},
 * {@code settings/partner-access}): each setting read and written in canonical form, a bad document refused whole
 * with every bad field, the side effects of the raw attributes (roles switched on provision role groups), admin events.
 */
@KeycloakIntegrationTest
class RealmSettingsApiIT {

    @Test
    void customerAccessIsReadAndWritten(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-realm-ca");
        try {
            admin.post(realm.path("/clients"), Map.of("clientId", "portal", "publicClient", true)).expect(201);
            admin.post(realm.path("/clients"), Map.of("clientId", "shop", "publicClient", true)).expect(201);
            String doc = realm.api("/settings/customer-access");
            JsonNode defaults = admin.get(doc).expect(200).json();
            assertFalse(defaults.path("autoInvite").asBoolean(), defaults.toString());
            assertFalse(defaults.path("removalSignOut").asBoolean());
            assertTrue(defaults.path("serviceAccountAudience").isNull());
            assertEquals("[\"portal\"]", defaults.path("portalClients").toString(), "the client 'portal' by default");

            JsonNode stored = admin.put(doc, Map.of("autoInvite", true, "removalSignOut", true, "serviceAccountAudience", "shop",
                    "portalClients", List.of("shop"))).expect(200).json();
            assertTrue(stored.path("autoInvite").asBoolean(), stored.toString());
            assertTrue(stored.path("removalSignOut").asBoolean());
            assertEquals("shop", stored.path("serviceAccountAudience").asText());
            assertEquals("[\"shop\"]", stored.path("portalClients").toString(), "portal unmarked, shop marked");
            assertEquals(stored, admin.get(doc).expect(200).json());
            JsonNode attributes = realm.realmAttributes();
            assertEquals("true", attributes.path("portalaccess.autoInvite.enabled").asText());
            assertEquals("true", attributes.path("portalaccess.removal.signOut").asText());
            assertEquals("shop", attributes.path("portalaccess.serviceAccounts.audience").asText());
            JsonNode portal = admin.get(realm.path("/clients?clientId=portal")).expect(200).list().get(0);
            assertEquals("false", portal.path("attributes").path("portalaccess.portal").asText(), portal.toString());

            assertTrue(realm.adminEvents("REALM", "UPDATE").stream()
                    .anyMatch(e -> e.path("resourcePath").asText().endsWith("settings/customer-access")), "admin event");

            Map<String, Object> bad = new HashMap<>();
            bad.put("autoInvite", "yes");
            bad.put("removalSignOut", 1);
            bad.put("serviceAccountAudience", "nope");
            bad.put("portalClients", List.of("shop", "ghost"));
            JsonNode refused = admin.put(doc, bad).expect(400).json();
            assertEquals(Set.of("autoInvite", "removalSignOut", "serviceAccountAudience", "portalClients[1]"),
                    CustomersApiIT.fields(refused), refused.toString());
            assertEquals(stored, admin.get(doc).expect(200).json(), "nothing stored");
        } finally {
            realm.delete();
        }
    }

    @Test
    void aRawRealmAttributeNoSettingCanReadReadsAsTheDefaultAndIsReported(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-realm-raw");
        try {
            // Keycloak's own realm update writes attributes without any event: nothing can refuse it there
            admin.put(realm.path(""), Map.of("attributes", Map.of("portalaccess.autoInvite.enabled", "yes",
                    "portalaccess.roles.enabled", " TRUE "))).expect(204);
            JsonNode access = admin.get(realm.api("/settings/customer-access")).expect(200).json();
            assertFalse(access.path("autoInvite").asBoolean(), "read as the default: " + access);
            assertEquals("autoInvite", access.path("invalid").get(0).path("field").asText(), access.toString());
            assertEquals("invalidValue", access.path("invalid").get(0).path("error").asText());
            JsonNode features = admin.get(realm.api("/settings/features")).expect(200).json();
            assertTrue(features.path("rolesEnabled").asBoolean(), "' TRUE ' is a flag like 'true': " + features);
            assertFalse(features.has("invalid"), features.toString());

            // the document as read may be sent back; writing it stores canonical values and the report is gone
            admin.put(realm.api("/settings/customer-access"), access).expect(200);
            assertEquals("false", realm.realmAttributes().path("portalaccess.autoInvite.enabled").asText());
            assertFalse(admin.get(realm.api("/settings/customer-access")).expect(200).json().has("invalid"));
        } finally {
            realm.delete();
        }
    }

    @Test
    void featuresAndRolesAreReadAndWrittenAndRolesProvisionWhenSwitchedOn(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-realm-f", Map.of("portalaccess.roles.enabled", "false"));
        try {
            String acme = realm.organization("acme");
            String doc = realm.api("/settings/features");
            JsonNode before = admin.get(doc).expect(200).json();
            assertFalse(before.path("rolesEnabled").asBoolean(), before.toString());
            assertEquals(4, before.path("catalog").size());
            assertEquals(0, admin.get(realm.path("/organizations/" + acme + "/groups")).expect(200).list().size());

            List<Map<String, Object>> catalog = List.of(
                    Map.of("name", "deployments", "label", "Deployments", "default", true),
                    Map.of("name", "alerts", "requires", List.of("deployments")));
            JsonNode stored = admin.put(doc, Map.of("rolesEnabled", true, "catalog", catalog)).expect(200).json();
            assertTrue(stored.path("rolesEnabled").asBoolean(), stored.toString());
            assertEquals("alerts", stored.path("catalog").get(1).path("label").asText(), "canonical: the label defaults to the name");
            assertEquals(stored, admin.get(doc).expect(200).json());
            List<JsonNode> groups = admin.get(realm.path("/organizations/" + acme + "/groups")).expect(200).list();
            assertEquals(Set.of("Administrator", "User", "Viewer"),
                    Set.copyOf(groups.stream().map(g -> g.path("name").asText()).toList()), "role groups provisioned: " + groups);

            List<Map<String, Object>> badCatalog = List.of(
                    Map.of("name", "Deployments"),
                    Map.of("name", "alerts", "requires", List.of("teleport")),
                    Map.of("name", "alerts", "colour", "red"));
            JsonNode refused = admin.put(doc, Map.of("rolesEnabled", "yes", "catalog", badCatalog)).expect(400).json();
            assertEquals(Set.of("rolesEnabled", "catalog[0].name", "catalog[1].requires[0]", "catalog[2].name", "catalog[2].colour"),
                    CustomersApiIT.fields(refused), refused.toString());
            assertEquals(stored, admin.get(doc).expect(200).json(), "nothing stored");
            JsonNode cycle = admin.put(doc, Map.of("catalog", List.of(Map.of("name", "a", "requires", List.of("b")),
                    Map.of("name", "b", "requires", List.of("a"))))).expect(400).json();
            assertEquals("cyclicRequirement", cycle.path("error").asText(), cycle.toString());
        } finally {
            realm.delete();
        }
    }

    @Test
    void partnerAccessNeedsItsStaffGroupAndIsReadAndWritten(Rest admin) {
        ApiRealm realm = ApiRealm.create(admin, "api-realm-p");
        try {
            String doc = realm.api("/settings/partner-access");
            JsonNode defaults = admin.get(doc).expect(200).json();
            assertEquals("{\"enabled\":false,\"staffGroup\":\"partner-staff\",\"adminGroup\":\"partner-admins\",\"portalUrl\":null}", defaults.toString());

            JsonNode missing = admin.put(doc, Map.of("enabled", true, "staffGroup", "msp")).expect(400).json();
            assertEquals("staffGroup", missing.path("field").asText(), missing.toString());
            assertEquals("staffGroupMissing", missing.path("error").asText());
            JsonNode badUrl = admin.put(doc, Map.of("portalUrl", "portal.example", "enabled", "on")).expect(400).json();
            assertEquals(Set.of("portalUrl", "enabled"), CustomersApiIT.fields(badUrl), badUrl.toString());
            assertEquals(defaults, admin.get(doc).expect(200).json(), "nothing stored");

            admin.post(realm.path("/groups"), Map.of("name", "msp")).expect(201);
            JsonNode stored = admin.put(doc, Map.of("enabled", true, "staffGroup", " msp ", "portalUrl", "https://msp.example/"))
                    .expect(200).json();
            assertEquals("{\"enabled\":true,\"staffGroup\":\"msp\",\"adminGroup\":\"partner-admins\",\"portalUrl\":\"https://msp.example/\"}", stored.toString());
            assertEquals("msp", realm.realmAttributes().path("portalaccess.partner.staffGroup").asText());
            // the partner administrators' group is named here too, trimmed; a non-string answers 400 by its field
            assertEquals("msp-admins", admin.put(doc, Map.of("adminGroup", " msp-admins ")).expect(200).json().path("adminGroup").asText());
            assertEquals("msp-admins", realm.realmAttributes().path("portalaccess.partner.adminGroup").asText());
            assertEquals("adminGroup", admin.put(doc, Map.of("adminGroup", 7)).expect(400).json().path("field").asText());
            // as at import: the "Join a tenant" required action is registered once partner access is on
            assertTrue(admin.get(realm.path("/authentication/required-actions")).expect(200).list().stream()
                    .anyMatch(a -> a.path("providerId").asText().contains("tenant-invitation")), "required action registered");
            // the partner API at the new root answers as under the old one
            assertTrue(admin.get(realm.api("/partner")).expect(200).json().path("enabled").asBoolean());
            assertEquals(admin.get(realm.path("/partner-access")).expect(200).json(), admin.get(realm.api("/partner")).expect(200).json());
        } finally {
            realm.delete();
        }
    }
}
