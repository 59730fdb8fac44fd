package dev.portalaccess.keycloak.it.realmconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portalaccess.keycloak.testsupport.KeycloakIntegrationTest;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each portal's realm export, imported at server start, arrives whole. */
@KeycloakIntegrationTest
class RealmExportsIT {

    @ParameterizedTest
    @ValueSource(strings = {"enterprise-portal", "customer-portal", "partner-portal", "service-desk"})
    void realmImportsWithOrganizationsThemeAndPortalClient(String realm, Rest admin) {
        JsonNode rep = admin.get("/admin/realms/" + realm).expect(200).json();
        assertTrue(rep.path("organizationsEnabled").asBoolean(), realm + " has organizations enabled");
        assertEquals(realm, rep.path("loginTheme").asText(), "login theme");
        assertEquals(realm, rep.path("emailTheme").asText(), "email theme");

        JsonNode clients = admin.get("/admin/realms/" + realm + "/clients?clientId=portal").expect(200).json();
        assertEquals(1, clients.size(), "the portal client");
        assertTrue(clients.get(0).path("enabled").asBoolean());
    }
}
