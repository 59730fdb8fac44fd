package dev.portalaccess.keycloak.customer.api;

import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * The permissions of the customers API, Keycloak's own organization permissions (so a delegated organization admin
 * of fine-grained admin permissions v2 manages exactly their organizations), refused with the project's JSON body.
 */
final class Access {

    static final String FORBIDDEN = "forbidden";
    static final String NOT_FOUND = "customerNotFound";

    private Access() {
    }

    static void requireOrganizations(RealmModel realm) {
        if (!realm.isOrganizationsEnabled()) {
            throw Problems.badRequest(Problem.of("organizationsDisabled", null, "portalAccessOrganizationsDisabled",
                    "Organizations are not enabled in realm " + realm.getName() + "."));
        }
    }

    /** May list and count customers (Keycloak's query-organizations, or any view). */
    static void requireQuery(AdminPermissionEvaluator auth) {
        if (!auth.orgs().canQuery()) {
            throw forbidden(auth, "list customers");
        }
    }

    /** Whether the admin sees customers at all: Keycloak lists none to a query-only admin without fine-grained permissions. */
    static boolean seesAny(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        return AdminPermissionsSchema.SCHEMA.isAdminPermissionsEnabled(realm) || auth.orgs().canView();
    }

    static void requireCreate(AdminPermissionEvaluator auth) {
        if (!auth.orgs().canManage()) {
            throw forbidden(auth, "create customers");
        }
    }

    /** The customer, if the admin may view it: 404 when it does not exist (403 to whom may not even query), 403 otherwise. */
    static OrganizationModel viewable(KeycloakSession session, AdminPermissionEvaluator auth, String id) {
        OrganizationModel organization = id == null ? null : session.getProvider(OrganizationProvider.class).getById(id);
        if (organization == null) {
            if (!auth.orgs().canQuery()) {
                throw forbidden(auth, "read customers");
            }
            throw Problems.notFound(Problem.of(NOT_FOUND, "id", "portalAccessCustomerNotFound", "No customer " + id + ".", String.valueOf(id)));
        }
        if (!auth.orgs().canView(organization)) {
            throw forbidden(auth, "read customer " + organization.getAlias());
        }
        return organization;
    }

    static void requireManage(AdminPermissionEvaluator auth, OrganizationModel organization) {
        if (!auth.orgs().canManage(organization)) {
            throw forbidden(auth, "change customer " + organization.getAlias());
        }
    }

    static boolean canManage(AdminPermissionEvaluator auth, OrganizationModel organization) {
        return auth.orgs().canManage(organization);
    }

    static RuntimeException forbidden(AdminPermissionEvaluator auth, String what) {
        String who = auth.adminAuth() == null || auth.adminAuth().getUser() == null ? "The caller"
                : "User " + auth.adminAuth().getUser().getUsername();
        return Problems.forbidden(Problem.of(FORBIDDEN, null, "portalAccessForbidden", who + " may not " + what + ".", what));
    }
}
