package dev.portalaccess.keycloak.customer.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AdministratorRulesTest {

    @Test
    void theFirstUserIsAnAdministratorWhateverTheInvitationSays() {
        assertEquals(CustomerRole.ADMINISTRATOR, AdministratorRules.roleOnJoining(0, Optional.empty()));
        assertEquals(CustomerRole.ADMINISTRATOR, AdministratorRules.roleOnJoining(0, Optional.of(CustomerRole.VIEWER)));
        assertEquals(CustomerRole.ADMINISTRATOR, AdministratorRules.roleOnJoining(0, Optional.of(CustomerRole.USER)));
    }

    @Test
    void laterJoinersGetTheirInvitationsRoleElseUser() {
        assertEquals(CustomerRole.VIEWER, AdministratorRules.roleOnJoining(1, Optional.of(CustomerRole.VIEWER)));
        assertEquals(CustomerRole.ADMINISTRATOR, AdministratorRules.roleOnJoining(3, Optional.of(CustomerRole.ADMINISTRATOR)));
        assertEquals(CustomerRole.USER, AdministratorRules.roleOnJoining(1, Optional.empty()));
    }

    @Test
    void theLastAdministratorStays() {
        assertFalse(AdministratorRules.mayStopBeingAdministrator(0), "no other Administrator: refused");
        assertTrue(AdministratorRules.mayStopBeingAdministrator(1));
        assertTrue(AdministratorRules.mayStopBeingAdministrator(5));
    }
}
