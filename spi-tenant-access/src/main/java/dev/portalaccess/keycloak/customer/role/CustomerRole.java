package dev.portalaccess.keycloak.customer.role;

import java.util.Locale;
import java.util.Optional;

/**
 * A customer user's role. Each role is an organization group of the same name, directly under the
 * customer's organization; a member is in exactly one of them.
 */
public enum CustomerRole {
    ADMINISTRATOR("Administrator"),
    USER("User"),
    VIEWER("Viewer");

    private final String groupName;

    CustomerRole(String groupName) {
        this.groupName = groupName;
    }

    /** The organization group name, also the value used in the API, tokens and invitation attributes. */
    public String groupName() {
        return groupName;
    }

    /** Administrators manage their customer's users; Users and Viewers only read. */
    public boolean canManageTeam() {
        return this == ADMINISTRATOR;
    }

    /** Parses a role name as written in the API ("Administrator", "user", ...), case-insensitively. */
    public static Optional<CustomerRole> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (CustomerRole role : values()) {
            if (role.groupName.toLowerCase(Locale.ROOT).equals(wanted)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** The role whose group carries exactly this name, if any. */
    public static Optional<CustomerRole> ofGroupName(String groupName) {
        for (CustomerRole role : values()) {
            if (role.groupName.equals(groupName)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
