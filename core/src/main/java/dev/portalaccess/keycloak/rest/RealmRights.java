package dev.portalaccess.keycloak.rest;

import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * Keycloak's view-realm / manage-realm checks, refused with the project's error contract: Keycloak's own
 * {@code requireViewRealm()} answers {@code {"error":"HTTP 403 Forbidden"}}, which has no {@code errorMessage}
 * or {@code messageKey} for the console to show.
 */
public final class RealmRights {

    /** The {@code error} of every 403 of the project's admin endpoints. */
    public static final String FORBIDDEN = "forbidden";
    public static final String FORBIDDEN_KEY = "portalAccessForbidden";

    private RealmRights() {
    }

    public static void requireViewRealm(AdminPermissionEvaluator auth, String what) {
        if (!auth.realm().canViewRealm()) {
            throw forbidden(auth, what, "view-realm");
        }
    }

    public static void requireManageRealm(AdminPermissionEvaluator auth, String what) {
        if (!auth.realm().canManageRealm()) {
            throw forbidden(auth, what, "manage-realm");
        }
    }

    private static RuntimeException forbidden(AdminPermissionEvaluator auth, String what, String role) {
        String who = auth.adminAuth() == null || auth.adminAuth().getUser() == null ? "The caller"
                : "User " + auth.adminAuth().getUser().getUsername();
        return Problems.forbidden(Problem.of(FORBIDDEN, null, FORBIDDEN_KEY, who + " may not " + what + " (needs " + role + ").", what));
    }
}
