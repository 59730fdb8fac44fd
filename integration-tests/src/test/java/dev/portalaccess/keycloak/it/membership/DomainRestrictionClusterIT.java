package dev.portalaccess.keycloak.it.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import dev.portalaccess.keycloak.testsupport.KeycloakClusterTest;
import dev.portalaccess.keycloak.testsupport.NodeA;
import dev.portalaccess.keycloak.testsupport.NodeB;
import dev.portalaccess.keycloak.testsupport.Rest;
import dev.portalaccess.keycloak.testsupport.TestRealms;
import org.junit.jupiter.api.Test;

/** A customer's domain restriction changed through one node holds on the other's very next request. */
@KeycloakClusterTest
class DomainRestrictionClusterIT {

    @Test
    void aRestrictionTurnedOnThroughNodeARefusesOnNodeBAndLiftedThroughNodeBLetsInOnNodeA(@NodeA Rest a, @NodeB Rest b) {
        String realm = Customers.realm(a, "membership-cluster");
        String acme = Customers.create(a, realm, "acme", "acme.com", Map.of());
        String outsider = TestRealms.createUser(a, realm, "mallory", "mallory@evil.example", null);
        String insider = TestRealms.createUser(a, realm, "bob", "bob@acme.com", null);
        // node B reads the customer once before the change, so a stale cache on B would show
        assertTrue(Customers.attributes(b, realm, acme).isEmpty());

        Customers.putAttributes(a, realm, acme, Customers.restrictedTo("acme.com")).expect(204);

        Rest.Response refused = Customers.addMember(b, realm, acme, outsider).expect(400);
        assertEquals("domainNotAllowed", refused.json().path("error").asText(), refused.body());
        assertFalse(Customers.isMember(a, realm, acme, outsider), "nothing written");
        Customers.inviteUser(b, realm, acme, "eve@evil.example").expect(400);
        Customers.addMember(b, realm, acme, insider).expect(201);

        Customers.putAttributes(b, realm, acme, Map.of()).expect(204);

        Customers.addMember(a, realm, acme, outsider).expect(201);
        assertTrue(Customers.isMember(b, realm, acme, outsider));
        a.delete("/admin/realms/" + realm).expect(204);
    }
}
