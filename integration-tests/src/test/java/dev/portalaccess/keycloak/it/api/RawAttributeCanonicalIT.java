package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Raw organization attribute writes (Keycloak's organization admin REST, which the admin console's Attributes tab
 * uses) go through every feature's settings: each declared key is validated (400 naming the attribute, nothing
 * stored) and stored in canonical form, so every reader sees one spelling.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawAttributeCanonicalIT {

    static final String ENABLED = "portalaccess.domainRestriction.enabled";
    static final String DOMAINS = "portalaccess.domainRestriction.domains";
    static final String JIT = "portalaccess.jit.withoutInvitation";
    static final String PERMITTED = "portalaccess.selfRegistration.permitted";
    static final String METHODS = "portalaccess.selfRegistration.methods";
    static final String SERVICES = "portalaccess.selfRegistration.services";
    static final String GRANT = "portalaccess.selfRegistration.grantPortalAccess";

    private RulesApiRealm realm;

    @BeforeAll
    void realm(Rest admin) {
        realm = RulesApiRealm.create(admin, "raw-canonical");
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
    }

    @Test
    void aFlagWrittenWithSpacesAndCapitalsIsStoredCanonicallyAndRestricts() {
        String org = realm.createOrganization("acme", "acme.example", Map.of());
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put(ENABLED, List.of(" TRUE "));
        attributes.put(DOMAINS, List.of(" ACME.com "));
        attributes.put(JIT, List.of("Join"));
        attributes.put("color", List.of(" Blue "));
        realm.putAttributes(org, attributes).expect(204);

        Map<String, List<String>> stored = realm.attributes(org);
        assertEquals(List.of("true"), stored.get(ENABLED), stored.toString());
        assertEquals(List.of("acme.com"), stored.get(DOMAINS), stored.toString());
        assertEquals(List.of("join"), stored.get(JIT), stored.toString());
        assertEquals(List.of(" Blue "), stored.get("color"), "an attribute that is no setting is left as written");

        String outsider = realm.createUser("out-" + org.substring(0, 6), "out-" + org.substring(0, 6) + "@evil.example");
        Rest.Response refused = realm.admin.post(realm.path("/organizations/" + org + "/members"), outsider);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("domainNotAllowed", refused.json().path("error").asText(), refused.body());
        assertEquals("portalAccessDomainNotAllowed", refused.json().path("messageKey").asText(), refused.body());
    }

    @Test
    void companySettingsAreStoredCanonically() {
        String org = realm.createOrganization("initech", "initech.example", Map.of(
                PERMITTED, List.of(" True"), METHODS, List.of("Portal, email"), SERVICES, List.of(" role:support "),
                GRANT, List.of("FALSE")));
        Map<String, List<String>> stored = realm.attributes(org);
        assertEquals(List.of("true"), stored.get(PERMITTED), stored.toString());
        assertEquals(List.of("portal,email"), stored.get(METHODS), stored.toString());
        assertEquals(List.of("role:support"), stored.get(SERVICES), stored.toString());
        assertEquals(List.of("false"), stored.get(GRANT), stored.toString());
    }

    @Test
    void aBadValueOfAnyDeclaredKeyIsRefusedNamingTheAttributeAndNothingIsStored() {
        Map<String, List<String>> good = Map.of(ENABLED, List.of("true"), DOMAINS, List.of("acme.com"),
                PERMITTED, List.of("true"), METHODS, List.of("portal"));
        String org = realm.createOrganization("hooli", "hooli.example", good);

        Map<String, Map<String, List<String>>> bad = new LinkedHashMap<>();
        bad.put(ENABLED, Map.of(ENABLED, List.of("yes")));
        bad.put(DOMAINS, Map.of(DOMAINS, List.of("acme.com", "not a domain")));
        bad.put(JIT, Map.of(JIT, List.of("maybe")));
        bad.put(PERMITTED, Map.of(PERMITTED, List.of("yes")));
        bad.put(METHODS, Map.of(METHODS, List.of("portal", "fax")));
        bad.put(SERVICES, Map.of(SERVICES, List.of("role:")));
        bad.put(GRANT, Map.of(GRANT, List.of("true", "false")));
        for (Map.Entry<String, Map<String, List<String>>> e : bad.entrySet()) {
            Map<String, List<String>> attributes = new LinkedHashMap<>(good);
            attributes.putAll(e.getValue());
            Rest.Response refused = realm.putAttributes(org, attributes);
            assertEquals(400, refused.status(), e.getKey() + ": " + refused.body());
            JsonNode body = refused.json();
            assertEquals(e.getKey(), body.path("field").asText(), refused.body());
            assertFalse(body.path("error").asText().isEmpty(), refused.body());
            assertFalse(body.path("errorMessage").asText().isEmpty(), refused.body());
            assertTrue(body.path("messageKey").asText().startsWith("portalAccess"), refused.body());
            assertEquals(good, realm.attributes(org), e.getKey() + ": nothing of the refused write is stored");
        }
    }

    @Test
    void everyBadAttributeIsListed() {
        String org = realm.createOrganization("umbrella", "umbrella.example", Map.of());
        Rest.Response refused = realm.putAttributes(org, Map.of(ENABLED, List.of("yes"), PERMITTED, List.of("maybe")));
        assertEquals(400, refused.status(), refused.body());
        assertEquals(2, refused.json().path("errors").size(), refused.body());
        assertTrue(realm.attributes(org).isEmpty(), realm.attributes(org).toString());
    }
}
