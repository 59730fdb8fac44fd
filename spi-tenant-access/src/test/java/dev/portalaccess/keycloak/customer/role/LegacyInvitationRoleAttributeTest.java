package dev.portalaccess.keycloak.customer.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Which attribute names are the invitation roles of earlier versions (removed at start and import). */
class LegacyInvitationRoleAttributeTest {

    @Test
    void theInvitationIdIsTakenFromTheOldAttributeName() {
        String id = "7d3c1c0e-0000-4000-8000-000000000001";
        assertEquals(id, CustomerRoles.legacyInvitationId(CustomerRoles.invitationAttribute(id)));
        assertEquals(id, CustomerRoles.legacyInvitationId("portalaccess.invitation." + id + ".role"));
    }

    @Test
    void otherNamesAreLeftAlone() {
        assertNull(CustomerRoles.legacyInvitationId(null));
        assertNull(CustomerRoles.legacyInvitationId("portalaccess.invitation..role"), "no id");
        assertNull(CustomerRoles.legacyInvitationId("portalaccess.invitation.role"), "prefix and suffix overlap");
        assertNull(CustomerRoles.legacyInvitationId("portalaccess.invitation.abc.roles"));
        assertNull(CustomerRoles.legacyInvitationId("portalaccess.contactEmail"));
    }
}
