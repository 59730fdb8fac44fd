package dev.portalaccess.keycloak.customer.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class FeatureCatalogTest {

    static final String SEED = "[{\"name\":\"deployments\",\"label\":\"Deployments\",\"default\":true},"
            + "{\"name\":\"alerts\",\"label\":\"Alerts\",\"requires\":[\"deployments\"]},"
            + "{\"name\":\"artifacts\",\"label\":\"Artifacts\",\"default\":true},"
            + "{\"name\":\"support-bundles\",\"label\":\"Support Bundles\"}]";

    final FeatureCatalog catalog = FeatureCatalog.parse(SEED);

    @Test
    void defaultsAreDeploymentsAndArtifacts() {
        assertEquals(List.of("deployments", "artifacts"), List.copyOf(catalog.defaults()));
    }

    @Test
    void enablingAlertsEnablesDeployments() {
        assertEquals(Set.of("deployments", "alerts"), catalog.enable(Set.of(), "alerts"));
    }

    @Test
    void disablingDeploymentsDisablesAlerts() {
        assertEquals(Set.of("artifacts"), catalog.disable(Set.of("deployments", "alerts", "artifacts"), "deployments"));
    }

    @Test
    void independentFeaturesToggleAlone() {
        assertEquals(Set.of("deployments", "alerts", "support-bundles"),
                catalog.enable(Set.of("deployments", "alerts"), "support-bundles"));
        assertEquals(Set.of("deployments", "alerts"), catalog.disable(Set.of("deployments", "alerts", "artifacts"), "artifacts"));
    }

    @Test
    void settingAListAddsWhatItRequires() {
        assertEquals(Set.of("deployments", "alerts"), catalog.change(List.of("alerts")));
        assertEquals(Set.of("deployments", "alerts", "artifacts"), catalog.change(List.of("alerts", "artifacts")));
        assertEquals(Set.of(), catalog.change(List.of()));
    }

    @Test
    void requirementsAreTransitive() {
        FeatureCatalog chain = FeatureCatalog.parse("[{\"name\":\"a\"},{\"name\":\"b\",\"requires\":[\"a\"]},{\"name\":\"c\",\"requires\":[\"b\"]}]");
        assertEquals(Set.of("a", "b", "c"), chain.enable(Set.of(), "c"));
        assertEquals(Set.of(), chain.disable(Set.of("a", "b", "c"), "a"));
    }

    @Test
    void invalidCatalogsAreRefusedWithAReason() {
        assertError("unknownRequirement", "[{\"name\":\"alerts\",\"requires\":[\"nope\"]}]");
        assertError("duplicateName", "[{\"name\":\"a\"},{\"name\":\"a\"}]");
        assertError("invalidName", "[{\"name\":\"Not Valid\"}]");
        assertError("cyclicRequirement", "[{\"name\":\"a\",\"requires\":[\"b\"]},{\"name\":\"b\",\"requires\":[\"a\"]}]");
        assertError("unknownProperty", "[{\"name\":\"a\",\"defualt\":true}]");
        assertError("notArray", "{\"name\":\"a\"}");
        assertError("notJson", "[{");
    }

    @Test
    void roundTripsThroughJson() {
        FeatureCatalog again = FeatureCatalog.parse(catalog.toJson());
        assertEquals(List.copyOf(catalog.features()), List.copyOf(again.features()));
        assertTrue(again.contains("support-bundles"));
    }

    private static void assertError(String error, String json) {
        FeatureCatalog.InvalidFeatureCatalogException e =
                assertThrows(FeatureCatalog.InvalidFeatureCatalogException.class, () -> FeatureCatalog.parse(json));
        assertEquals(error, e.error(), e.getMessage());
    }

    @Test
    void theTypedApiGetsEveryViolationWithItsJsonPath() throws Exception {
        com.fasterxml.jackson.databind.JsonNode bad = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"name\":\"Deployments\"},{\"name\":\"alerts\",\"requires\":[\"teleport\"]},"
                        + "{\"name\":\"alerts\",\"default\":\"yes\",\"colour\":1}]");
        List<String> fields = FeatureCatalog.violations(bad, "catalog").stream().map(p -> p.field() + " " + p.error()).toList();
        assertEquals(List.of("catalog[0].name invalidName", "catalog[1].requires[0] unknownRequirement",
                "catalog[2].colour unknownProperty", "catalog[2].name duplicateName", "catalog[2].default invalidDefault"), fields);
        assertTrue(FeatureCatalog.violations(new com.fasterxml.jackson.databind.ObjectMapper().readTree(SEED), "catalog").isEmpty());
        com.fasterxml.jackson.databind.JsonNode cycle = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "[{\"name\":\"a\",\"requires\":[\"b\"]},{\"name\":\"b\",\"requires\":[\"a\"]}]");
        assertEquals("catalog cyclicRequirement", FeatureCatalog.violations(cycle, "catalog").stream()
                .map(p -> p.field() + " " + p.error()).findFirst().orElse(""));
    }
}
