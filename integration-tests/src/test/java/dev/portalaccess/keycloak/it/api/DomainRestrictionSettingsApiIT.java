package dev.portalaccess.keycloak.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The {@code domainRestriction} and {@code jit} sections of a customer's settings document,
 * {@code GET|PUT /admin/realms/{realm}/portal-access/customers/{id}/settings}: read and written, bad input refused
 * naming the field with nothing stored, the domain restriction in force after a typed write, Keycloak's organization
 * permissions (a delegated organization admin manages exactly their organization), and an admin event per change.
 * The {@code customers} resource itself is spi-tenant-access's; until it is deployed these tests are skipped.
 */
@KeycloakIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainRestrictionSettingsApiIT {

    private RulesApiRealm realm;
    private String acme;
    private String globex;

    @BeforeAll
    void realm(Rest admin) {
        realm = RulesApiRealm.create(admin, "domain-api");
        acme = realm.createOrganization("acme", "acme.example", Map.of());
        globex = realm.createOrganization("globex", "globex.example", Map.of());
        realm.grantAdminRoles(realm.createUser("boss"), "realm-admin");
        realm.grantAdminRoles(realm.createUser("viewer"), "view-organizations");
        realm.createUser("nobody");
        realm.grantAdminRoles(realm.createUser("orgadmin"), "query-organizations");
        realm.delegateOrganization("orgadmin", acme);
    }

    @AfterAll
    void cleanUp() {
        realm.delete();
    }

    @BeforeEach
    void customersApiDeployed() {
        int status = realm.admin.get(realm.api("/customers/" + acme + "/settings")).status();
        assumeTrue(status != 404, "the customers API of spi-tenant-access is not deployed on this branch");
    }

    private String settings(String org) {
        return realm.api("/customers/" + org + "/settings");
    }

    @Test
    void theSectionsAreReadAndWrittenCanonicallyAndTheRestrictionHolds() {
        Rest boss = realm.as("boss");
        JsonNode initial = boss.get(settings(acme)).expect(200).json();
        assertEquals(false, initial.path("domainRestriction").path("enabled").asBoolean(true), initial.toString());
        assertEquals(0, initial.path("domainRestriction").path("entries").size(), initial.toString());
        assertEquals("refuse", initial.path("jit").path("withoutInvitation").asText(), initial.toString());

        JsonNode stored = boss.put(settings(acme), Map.of(
                "domainRestriction", Map.of("enabled", true, "entries", List.of("ACME.example", "*.acme.io")),
                "jit", Map.of("withoutInvitation", "Join"))).expect(200).json();
        assertEquals(true, stored.path("domainRestriction").path("enabled").asBoolean(), stored.toString());
        assertEquals(List.of("acme.example", "*.acme.io"),
                Rest.JSON.convertValue(stored.path("domainRestriction").path("entries"), List.class), stored.toString());
        assertEquals("join", stored.path("jit").path("withoutInvitation").asText(), stored.toString());
        Map<String, List<String>> attributes = realm.attributes(acme);
        assertEquals(List.of("true"), attributes.get(RawAttributeCanonicalIT.ENABLED), attributes.toString());
        assertEquals(List.of("acme.example", "*.acme.io"), attributes.get(RawAttributeCanonicalIT.DOMAINS));
        assertEquals(List.of("join"), attributes.get(RawAttributeCanonicalIT.JIT));

        String outsider = realm.createUser("eve-" + acme.substring(0, 6), "eve-" + acme.substring(0, 6) + "@evil.example");
        Rest.Response refused = realm.admin.post(realm.path("/organizations/" + acme + "/members"), outsider);
        assertEquals(400, refused.status(), refused.body());
        assertEquals("domainNotAllowed", refused.json().path("error").asText(), refused.body());

        JsonNode event = realm.adminEvents("ORGANIZATION").stream()
                .filter(e -> e.path("resourcePath").asText().contains(acme) && e.path("representation").asText().contains("acme.io"))
                .findFirst().orElseThrow(() -> new AssertionError("no admin event: " + realm.adminEvents("ORGANIZATION")));
        assertEquals("UPDATE", event.path("operationType").asText(), event.toString());

        // the customers list column
        List<JsonNode> rows = boss.get(realm.api("/customers?search=acme")).expect(200).list();
        assertTrue(rows.stream().anyMatch(r -> r.path("id").asText().equals(acme) && r.path("domainRestriction").asBoolean()),
                rows.toString());
    }

    @Test
    void badInputIsRefusedNamingEveryFieldAndNothingIsStored() {
        Rest boss = realm.as("boss");
        JsonNode before = boss.get(settings(globex)).expect(200).json();
        Rest.Response refused = boss.put(settings(globex), Map.of(
                "domainRestriction", Map.of("enabled", "yes", "entries", List.of("globex.example", "not a domain")),
                "jit", Map.of("withoutInvitation", "maybe"))).expect(400);
        Set<String> fields = refused.json().path("errors").findValuesAsText("field").stream().collect(Collectors.toSet());
        assertEquals(Set.of("domainRestriction.enabled", "domainRestriction.entries[1]", "jit.withoutInvitation"), fields,
                refused.body());
        assertEquals(before, boss.get(settings(globex)).expect(200).json(), "nothing stored");
        assertTrue(realm.attributes(globex).isEmpty(), realm.attributes(globex).toString());
    }

    @Test
    void aDelegatedOrganizationAdminManagesExactlyTheirOrganization() {
        Rest orgAdmin = realm.as("orgadmin");
        orgAdmin.get(settings(acme)).expect(200);
        orgAdmin.put(settings(acme), Map.of("jit", Map.of("withoutInvitation", "refuse"))).expect(200);
        assertEquals(403, orgAdmin.get(settings(globex)).status());
        assertEquals(403, orgAdmin.put(settings(globex), Map.of("jit", Map.of("withoutInvitation", "join"))).status());
        assertTrue(realm.attributes(globex).isEmpty(), "nothing written to another organization");

        realm.as("viewer").get(settings(globex)).expect(200);
        assertEquals(403, realm.as("viewer").put(settings(globex), Map.of("jit", Map.of("withoutInvitation", "join"))).status());
        assertEquals(403, realm.as("nobody").get(settings(acme)).status());
    }
}
