package dev.portalaccess.keycloak.console.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleRightsTest {

    @Test
    void realmAdminsAndViewersGetIn() {
        ConsoleRights admin = ConsoleRights.of(true, false, true, true, true, true, true, true, true);
        assertTrue(admin.consoleAccess());
        assertTrue(admin.seesOrganizations());
        assertFalse(admin.delegatedOrganizations());
        assertTrue(ConsoleRights.of(false, false, true, false, false, false, false, false, false).consoleAccess());
    }

    @Test
    void aDelegatedOrganizationAdminGetsInOnlyWithFineGrainedPermissions() {
        ConsoleRights delegated = ConsoleRights.of(true, true, false, false, false, false, true, false, false);
        assertTrue(delegated.delegatedOrganizations());
        assertTrue(delegated.consoleAccess());
        // query-organizations without fine-grained permissions: Keycloak lists nothing for them
        assertFalse(ConsoleRights.of(true, false, false, false, false, false, true, false, false).consoleAccess());
    }

    @Test
    void organizationRightsDoNotApplyWhileOrganizationsAreOff() {
        ConsoleRights off = ConsoleRights.of(false, true, false, false, false, false, true, true, true);
        assertFalse(off.viewOrganizations());
        assertFalse(off.manageOrganizations());
        assertFalse(off.delegatedOrganizations());
        assertFalse(off.consoleAccess());
    }

    @Test
    void nobodyElse() {
        assertFalse(ConsoleRights.of(true, true, false, false, true, true, false, false, false).consoleAccess());
    }
}
