package dev.portalaccess.keycloak.customer.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CustomersResourceTest {

    @Test
    void anAliasIsDerivedFromTheNameWithoutSpaces() {
        assertEquals("acme-corp", CustomersResource.aliasOf("  Acme Corp. "));
        assertEquals("societe-generale", CustomersResource.aliasOf("Société Générale"));
        assertEquals("a-b", CustomersResource.aliasOf("a--//b"));
        assertNull(CustomersResource.aliasOf("***"), "nothing left: Keycloak's own rule answers");
    }
}
