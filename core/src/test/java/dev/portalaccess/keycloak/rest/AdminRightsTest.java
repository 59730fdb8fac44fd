package dev.portalaccess.keycloak.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdminRightsTest {

    @Test
    void realmAdminsAndViewersGetIn() {
        AdminRights admin = AdminRights.of(true, false, true, true, true, true, true, true, true);
        assertTrue(admin.consoleAccess());
        assertTrue(admin.seesOrganizations());
        assertFalse(admin.delegatedOrganizations());
        assertTrue(AdminRights.of(false, false, true, false, false, false, false, false, false).consoleAccess());
    }

    @Test
    void aDelegatedOrganizationAdminGetsInOnlyWithFineGrainedPermissions() {
        AdminRights delegated = AdminRights.of(true, true, false, false, false, false, true, false, false);
        assertTrue(delegated.delegatedOrganizations());
        assertTrue(delegated.consoleAccess());
        // query-organizations without fine-grained permissions: Keycloak lists nothing for them
        assertFalse(AdminRights.of(true, false, false, false, false, false, true, false, false).consoleAccess());
    }

    @Test
    void organizationRightsDoNotApplyWhileOrganizationsAreOff() {
        AdminRights off = AdminRights.of(false, true, false, false, false, false, true, true, true);
        assertFalse(off.viewOrganizations());
        assertFalse(off.manageOrganizations());
        assertFalse(off.delegatedOrganizations());
        assertFalse(off.consoleAccess());
    }

    @Test
    void nobodyElse() {
        assertFalse(AdminRights.of(true, true, false, false, true, true, false, false, false).consoleAccess());
    }
}
