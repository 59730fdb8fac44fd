package dev.portalaccess.keycloak.it.keycloakdb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.Rest;
import org.junit.jupiter.api.Test;

/** On PostgreSQL (lower-case identifiers, another schema handling than H2) both nodes pass the schema check. */
@KeycloakClusterTest
class KeycloakSchemaClusterIT {

    @Test
    void bothNodesOnPostgresqlHaveEveryReliedOnPartOfKeycloaksSchema(@NodeA Rest a, @NodeB Rest b) {
        for (Rest node : new Rest[] {a, b}) {
            String check = node.get("/admin/serverinfo").expect(200).json().path("providers").path("portal-access-rule")
                    .path("providers").path("portal-access-keycloak-schema").path("operationalInfo").path("keycloakSchema").asText();
            assertEquals("ok", check);
        }
    }
}
