package dev.portalaccess.keycloak.partner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TenantWayInTest {

    @Test
    void theLastMemberOfATenantWithoutInvitationsStays() {
        assertTrue(TenantWayIn.lastIfMemberLeaves(1, 0), "the only member, nobody invited");
        assertFalse(TenantWayIn.lastIfMemberLeaves(1, 1), "a pending invitation is still a way in");
        assertFalse(TenantWayIn.lastIfMemberLeaves(2, 0), "another member keeps access");
    }

    @Test
    void theLastInvitationOfATenantWithoutMembersStays() {
        assertTrue(TenantWayIn.lastIfInvitationRemoved(0, 1), "the only way in");
        assertFalse(TenantWayIn.lastIfInvitationRemoved(0, 2), "another pending invitation");
        assertFalse(TenantWayIn.lastIfInvitationRemoved(1, 1), "a member keeps access");
    }

    @Test
    void aTenantIsLeftWithoutAWayInOnlyWithNeitherMembersNorInvitations() {
        assertTrue(TenantWayIn.noneLeft(0, 0));
        assertFalse(TenantWayIn.noneLeft(1, 0));
        assertFalse(TenantWayIn.noneLeft(0, 1));
    }
}
