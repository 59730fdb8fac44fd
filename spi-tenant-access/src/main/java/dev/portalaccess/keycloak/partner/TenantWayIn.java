package dev.portalaccess.keycloak.partner;

/**
 * Rule of seed 002, "at least one user per tenant", as arithmetic on what the database counts: a tenant keeps a way
 * in while it has a member or a pending invitation. One place for the three moments it is checked, so the REST
 * refusals before a write and the check before commit cannot drift apart.
 */
final class TenantWayIn {

    private TenantWayIn() {
    }

    /** Before a member leaves (revoke, staff leave, user deletion): they are still counted among {@code members}. */
    static boolean lastIfMemberLeaves(long members, long pendingInvitations) {
        return members <= 1 && pendingInvitations == 0;
    }

    /** Before a pending invitation is removed: it is still counted among {@code pendingInvitations}. */
    static boolean lastIfInvitationRemoved(long members, long pendingInvitations) {
        return members == 0 && pendingInvitations <= 1;
    }

    /** On the state the transaction would commit. */
    static boolean noneLeft(long members, long pendingInvitations) {
        return members == 0 && pendingInvitations == 0;
    }
}
