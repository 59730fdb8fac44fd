package dev.portalaccess.keycloak.rest;

/**
 * What the signed-in admin may do in one realm, as the console needs it to choose what to show. Every flag is
 * Keycloak's own answer (its permission evaluator: admin roles of {@code realm-management}, a master admin's roles
 * on the realm's {@code <realm>-realm} client, fine-grained admin permissions v2).
 *
 * @param viewRealm             view-realm (or more)
 * @param manageRealm           manage-realm
 * @param viewUsers             view-users (or more)
 * @param manageUsers           manage-users
 * @param queryOrganizations    may call the organization search (query-organizations or any view)
 * @param viewOrganizations     may view every organization (view-organizations, manage-organizations, manage-realm,
 *                              or a fine-grained permission on all organizations)
 * @param manageOrganizations   may manage every organization
 * @param delegatedOrganizations the realm uses fine-grained admin permissions and this admin may query organizations
 *                              without seeing all of them: Keycloak lists only the ones the permissions grant
 */
public record AdminRights(boolean viewRealm, boolean manageRealm, boolean viewUsers, boolean manageUsers,
                            boolean queryOrganizations, boolean viewOrganizations, boolean manageOrganizations,
                            boolean delegatedOrganizations) {

    /**
     * @param organizationsEnabled    the realm has organizations on
     * @param adminPermissionsEnabled the realm uses fine-grained admin permissions (v2)
     */
    static AdminRights of(boolean organizationsEnabled, boolean adminPermissionsEnabled, boolean viewRealm, boolean manageRealm,
                            boolean viewUsers, boolean manageUsers, boolean queryOrganizations, boolean viewOrganizations,
                            boolean manageOrganizations) {
        // with organizations off Keycloak refuses every organization endpoint: no organization right applies
        boolean on = organizationsEnabled;
        return new AdminRights(viewRealm, manageRealm, viewUsers, manageUsers,
                on && queryOrganizations, on && viewOrganizations, on && manageOrganizations,
                on && adminPermissionsEnabled && queryOrganizations && !viewOrganizations);
    }

    /** The admin sees (some or all) organizations of the realm. */
    public boolean seesOrganizations() {
        return viewOrganizations || delegatedOrganizations;
    }

    /** Anything to show in the console: realm admins (read or write), and organization admins, delegated or not. */
    public boolean consoleAccess() {
        return viewRealm || seesOrganizations();
    }
}
