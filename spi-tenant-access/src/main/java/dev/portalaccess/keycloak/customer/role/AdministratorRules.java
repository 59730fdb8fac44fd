package dev.portalaccess.keycloak.customer.role;

import java.util.Optional;

/**
 * Seed 001's two rules on a customer's Administrators, as decisions on what the database counts: the first user of a
 * customer is an Administrator, and a customer never loses its last Administrator. {@link CustomerRoles} takes the
 * customer's row lock and counts; these say what the counts mean.
 */
final class AdministratorRules {

    private AdministratorRules() {
    }

    /**
     * The role of a joining member: Administrator when the customer has no other Administrator (whatever the invitation
     * says), else the role their pending invitation carries, else User.
     */
    static CustomerRole roleOnJoining(long otherAdministrators, Optional<CustomerRole> invitationRole) {
        if (otherAdministrators == 0) {
            return CustomerRole.ADMINISTRATOR;
        }
        return invitationRole.orElse(CustomerRole.USER);
    }

    /** Whether a member who is an Administrator may stop being one (demotion, removal, deletion). */
    static boolean mayStopBeingAdministrator(long otherAdministrators) {
        return otherAdministrators > 0;
    }
}
