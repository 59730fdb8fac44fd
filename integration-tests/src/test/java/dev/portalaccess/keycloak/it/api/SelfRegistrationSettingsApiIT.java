package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET|PUT /admin/realms/{realm}/portal-access/settings/self-registration}: the realm's policy (stored in the
 * settings of the registration flow's policy step, where Keycloak's console edits it) and its permitted companies
 * (organization attributes and the organizations' own domains) as one document: read, written, validated as a whole
 * (400 with every bad field, nothing stored), with the registration link following it, view-realm to read and
 * manage-realm to write, and an admin event per change.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SelfRegistrationSettingsApiIT {

    static final String DOC = "/settings/self-registration";
    static final String FLOW = "registration with policy";

    private RulesApiRealm realm;
    private String configId;
    private String acme;
    private String globex;

    @BeforeAll
    void realm(Rest admin) {
        realm = RulesApiRealm.create(admin, "selfreg-api");
        admin.post(realm.path("/roles"), Map.of("name", "service-a")).expect(201);
        admin.post(realm.path("/groups"), Map.of("name", "customers")).expect(201);
        String base = realm.path("/authentication");
        admin.post(base + "/flows/registration/copy", Map.of("newName", FLOW)).expect(201);
        String form = admin.get(base + "/flows/" + enc(FLOW) + "/executions").expect(200).list().stream()
                .filter(e -> e.path("authenticationFlow").asBoolean() && e.path("level").asInt() == 0)
                .map(e -> e.path("displayName").asText()).findFirst().orElseThrow();
        admin.post(base + "/flows/" + enc(form) + "/executions/execution",
                Map.of("provider", "portal-access-self-registration-form")).expect(201);
        String step = admin.get(base + "/flows/" + enc(form) + "/executions").expect(200).list().stream()
                .filter(e -> "portal-access-self-registration-form".equals(e.path("providerId").asText()))
                .map(e -> e.path("id").asText()).findFirst().orElseThrow();
        configId = admin.post(base + "/executions/" + step + "/config",
                Map.of("alias", "policy-" + realm.name, "config", Map.of("mode", "ANYONE"))).expect(201).createdId();
        admin.put(realm.path(""), Map.of("realm", realm.name, "registrationFlow", FLOW)).expect(204);

        acme = realm.createOrganization("acme", "acme.example", Map.of());
        globex = realm.createOrganization("globex", "globex.example", Map.of());
        realm.grantAdminRoles(realm.createUser("boss"), "realm-admin");
        realm.grantAdminRoles(realm.createUser("viewer"), "view-realm");
        realm.createUser("nobody");
        realm.grantAdminRoles(realm.createUser("orgadmin"), "query-organizations");
        realm.delegateOrganization("orgadmin", acme);
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
    }

    private Map<String, Object> companiesDocument() {
        Map<String, Object> anyone = new LinkedHashMap<>();
        anyone.put("methods", List.of("portal", "email"));
        anyone.put("grantPortalAccess", true);
        anyone.put("defaultServices", List.of("role:service-a", "group:/customers"));
        anyone.put("directoryLoginUrl", "http://ad.example:8080");
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("organizationId", acme);
        company.put("methods", List.of("portal", "identityProvider"));
        company.put("grantPortalAccess", true);
        company.put("domains", List.of("acme.example", "ACME.io"));
        company.put("services", List.of("role:service-a"));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mode", "companies");
        doc.put("anyone", anyone);
        doc.put("companies", List.of(company));
        return doc;
    }

    @Test
    void theDocumentIsWrittenStoredWhereTheConsoleEditsItAndReadBack() {
        Rest boss = realm.as("boss");
        JsonNode stored = boss.put(realm.api(DOC), companiesDocument()).expect(200).json();
        assertEquals("COMPANIES", stored.path("mode").asText(), stored.toString());
        JsonNode anyone = stored.path("anyone");
        assertEquals(List.of("portal", "email"), texts(anyone.path("methods")), stored.toString());
        assertTrue(anyone.path("grantPortalAccess").asBoolean(), stored.toString());
        assertEquals(List.of("role:service-a", "group:/customers"), texts(anyone.path("defaultServices")));
        assertEquals("http://ad.example:8080", anyone.path("directoryLoginUrl").asText());
        assertEquals(1, stored.path("companies").size(), stored.toString());
        JsonNode company = stored.path("companies").path(0);
        assertEquals(acme, company.path("organizationId").asText());
        assertEquals("acme", company.path("alias").asText());
        assertEquals(List.of("portal", "identityProvider"), texts(company.path("methods")));
        assertEquals(List.of("acme.example", "acme.io"), texts(company.path("domains")), stored.toString());
        assertEquals(List.of("role:service-a"), texts(company.path("services")));
        assertEquals(stored, boss.get(realm.api(DOC)).expect(200).json(), "GET answers the stored document");

        // where Keycloak's console shows it: the step's settings and the organization
        JsonNode config = realm.admin.get(realm.path("/authentication/config/" + configId)).expect(200).json().path("config");
        assertEquals("COMPANIES", config.path("mode").asText(), config.toString());
        assertEquals("true", config.path("portalRegistration").asText(), config.toString());
        assertEquals("false", config.path("identityProviderRegistration").asText(), config.toString());
        assertEquals("true", config.path("emailRegistration").asText(), config.toString());
        assertEquals("role:service-a##group:/customers", config.path("defaultServices").asText(), config.toString());
        Map<String, List<String>> attributes = realm.attributes(acme);
        assertEquals(List.of("true"), attributes.get("portalaccess.selfRegistration.permitted"), attributes.toString());
        assertEquals(List.of("portal", "identityProvider"), attributes.get("portalaccess.selfRegistration.methods"));
        Set<String> domains = realm.organization(acme).path("domains").findValuesAsText("name").stream().collect(Collectors.toSet());
        assertEquals(Set.of("acme.example", "acme.io"), domains);

        // the side effect the step's settings have: the registration link follows the policy
        assertTrue(realm.admin.get(realm.path("")).expect(200).json().path("registrationAllowed").asBoolean());
        JsonNode event = realm.adminEvents("REALM").stream()
                .filter(e -> e.path("resourcePath").asText().endsWith("settings/self-registration"))
                .findFirst().orElseThrow(() -> new AssertionError("no admin event: " + realm.adminEvents("REALM")));
        assertEquals("UPDATE", event.path("operationType").asText(), event.toString());
        assertTrue(event.path("representation").asText().contains("COMPANIES"), event.toString());

        Map<String, Object> none = new LinkedHashMap<>(companiesDocument());
        none.put("mode", "NONE");
        none.put("companies", List.of());
        JsonNode closed = boss.put(realm.api(DOC), none).expect(200).json();
        assertEquals("NONE", closed.path("mode").asText());
        assertEquals(0, closed.path("companies").size(), closed.toString());
        assertFalse(realm.attributes(acme).containsKey("portalaccess.selfRegistration.permitted"), "no longer permitted");
        assertFalse(realm.admin.get(realm.path("")).expect(200).json().path("registrationAllowed").asBoolean(),
                "NONE hides the registration link");
    }

    @Test
    void badFieldsAreAllListedAndNothingIsStored() {
        Rest boss = realm.as("boss");
        JsonNode before = boss.get(realm.api(DOC)).expect(200).json();
        Map<String, Object> globexCompany = new LinkedHashMap<>();
        globexCompany.put("organizationId", globex);
        globexCompany.put("methods", List.of("directory"));
        globexCompany.put("domains", List.of("not a domain", "acme.example"));
        globexCompany.put("services", List.of("group:/no-such-group"));
        Map<String, Object> anyone = new LinkedHashMap<>();
        anyone.put("methods", List.of("portal", "fax"));
        anyone.put("grantPortalAccess", "perhaps");
        anyone.put("defaultServices", List.of("role:no-such-role"));
        anyone.put("directoryLoginUrl", "ftp://nope");
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("mode", "SOMETIMES");
        doc.put("anyone", anyone);
        doc.put("companies", List.of(Map.of("organizationId", "no-such-org"), globexCompany));
        doc.put("colour", "blue");

        Rest.Response refused = boss.put(realm.api(DOC), doc).expect(400);
        Set<String> fields = refused.json().path("errors").findValuesAsText("field").stream().collect(Collectors.toSet());
        for (String field : List.of("colour", "mode", "anyone.methods[1]", "anyone.grantPortalAccess",
                "anyone.defaultServices[0]", "anyone.directoryLoginUrl", "companies[0].organizationId",
                "companies[1].methods[0]", "companies[1].domains[0]", "companies[1].services[0]")) {
            assertTrue(fields.contains(field), field + " in " + refused.body());
        }
        assertEquals("colour", refused.json().path("field").asText(), "the top level repeats the first: " + refused.body());
        assertEquals(before, boss.get(realm.api(DOC)).expect(200).json(), "nothing stored");
        assertTrue(realm.attributes(globex).isEmpty(), realm.attributes(globex).toString());
    }

    @Test
    void aDomainOfAnotherOrganizationIsRefused() {
        Map<String, Object> company = Map.of("organizationId", acme, "domains", List.of("globex.example"));
        Rest.Response refused = realm.as("boss").put(realm.api(DOC), Map.of("companies", List.of(company))).expect(400);
        assertEquals("companies[0].domains[0]", refused.json().path("field").asText(), refused.body());
        assertEquals("domainTaken", refused.json().path("error").asText(), refused.body());
        assertEquals("portalAccessSelfRegistrationDomainTaken", refused.json().path("messageKey").asText(), refused.body());
    }

    @Test
    void aViewerMayReadButNotWriteAndOthersNeither() {
        realm.as("viewer").get(realm.api(DOC)).expect(200);
        Rest.Response viewerWrite = realm.as("viewer").put(realm.api(DOC), Map.of("mode", "NONE"));
        assertEquals(403, viewerWrite.status(), viewerWrite.body());
        assertEquals(403, realm.as("nobody").get(realm.api(DOC)).status());
        assertEquals(403, realm.as("nobody").put(realm.api(DOC), Map.of("mode", "NONE")).status());
        assertEquals(403, realm.as("orgadmin").get(realm.api(DOC)).status(), "a delegated organization admin has no realm settings");
        assertEquals(403, realm.as("orgadmin").put(realm.api(DOC), Map.of("mode", "NONE")).status());
    }

    @Test
    void theEmailIntakeAnswersUnderThePortalAccessRoot(KeycloakServer server) {
        for (String path : List.of("/realms/" + realm.name + "/portal-access/self-registration/email",
                "/realms/" + realm.name + "/self-registration/email")) {
            Rest.Response anonymous = Rest.anonymous(server).post(path, Map.of("email", "a@b.example"));
            assertEquals(401, anonymous.status(), path + ": " + anonymous.body());
            Rest.Response forbidden = realm.as("nobody").post(path, Map.of("email", "a@b.example"));
            assertEquals(403, forbidden.status(), path + ": " + forbidden.body());
        }
    }

    @Test
    void theSchemaListsEveryKeyOfTheseFeatures() {
        JsonNode features = realm.as("viewer").get(realm.api("/schema")).expect(200).json().path("features");
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        features.forEach(f -> byId.put(f.path("id").asText(), f));
        for (String id : List.of("domainRestriction", "denylist", "companySelfRegistration", "selfRegistration")) {
            assertTrue(byId.containsKey(id), id + " in " + byId.keySet());
        }
        JsonNode enabled = byId.get("domainRestriction").path("settings").path(0);
        assertEquals("portalaccess.domainRestriction.enabled", enabled.path("key").asText(), enabled.toString());
        assertEquals("flag", enabled.path("type").asText(), enabled.toString());
        assertEquals("false", enabled.path("default").asText(), enabled.toString());
        assertEquals("portalAccess.setting.domainRestriction.enabled.label", enabled.path("labelKey").asText());
        JsonNode mode = byId.get("selfRegistration").path("settings").path(0);
        assertEquals(List.of("NONE", "ANYONE", "COMPANIES"), texts(mode.path("choices")), mode.toString());
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
