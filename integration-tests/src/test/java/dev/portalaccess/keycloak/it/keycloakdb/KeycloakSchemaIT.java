package dev.portalaccess.keycloak.it.keycloakdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.KeycloakServer;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** The running server has every part of Keycloak's schema the project's queries rely on (checked at start and now). */
@KeycloakIntegrationTest
class KeycloakSchemaIT {

    @Test
    void theRunningServerHasEveryReliedOnTableAttributeAndColumn(Rest admin, KeycloakServer server) {
        JsonNode info = admin.get("/admin/serverinfo").expect(200).json().path("providers").path("portal-access-rule")
                .path("providers").path("portal-access-keycloak-schema").path("operationalInfo");
        assertEquals("ok", info.path("keycloakSchema").asText(), info.toString());
        assertFalse(server.logTail(100_000).contains("relies on parts of Keycloak's schema"), "no schema error at start");
    }
}
