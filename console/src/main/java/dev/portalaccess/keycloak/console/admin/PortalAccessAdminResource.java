package dev.portalaccess.keycloak.console.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/portal-access}: the project's admin REST root, which the typed settings API extends.
 * Today: {@code GET me}, what the signed-in admin may do in this realm (the console's first call).
 */
public final class PortalAccessAdminResource {

    /** The {@code error} of a 403 from this root: the caller has no right the console could use in this realm. */
    public static final String NO_ACCESS = "portalaccess_no_access";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    PortalAccessAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /**
     * The realm as the console shows it, the signed-in admin and their rights in it. 403 with
     * {@code {"error":"portalaccess_no_access","errorMessage":...}} when they have none the console uses.
     */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        ConsoleRights rights = ConsoleRights.of(realm.isOrganizationsEnabled(),
                AdminPermissionsSchema.SCHEMA.isAdminPermissionsEnabled(realm),
                auth.realm().canViewRealm(), auth.realm().canManageRealm(),
                auth.users().canView(), auth.users().canManage(),
                auth.orgs().canQuery(), auth.orgs().canView(), auth.orgs().canManage());
        UserModel user = auth.adminAuth().getUser();
        if (!rights.consoleAccess()) {
            throw new ErrorResponseException(Response.status(Response.Status.FORBIDDEN).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(Map.of("error", NO_ACCESS,
                            "errorMessage", "User " + user.getUsername() + " has no administrative rights in realm " + realm.getName()))
                    .build());
        }
        Map<String, Object> realmInfo = new LinkedHashMap<>();
        realmInfo.put("name", realm.getName());
        realmInfo.put("displayName", realm.getDisplayName());
        realmInfo.put("organizationsEnabled", realm.isOrganizationsEnabled());
        realmInfo.put("adminPermissionsEnabled", AdminPermissionsSchema.SCHEMA.isAdminPermissionsEnabled(realm));

        Map<String, Object> userInfo = new LinkedHashMap<>();
        userInfo.put("id", user.getId());
        userInfo.put("username", user.getUsername());
        userInfo.put("realm", auth.adminAuth().getRealm().getName());

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("realm", realmInfo);
        out.put("user", userInfo);
        out.put("rights", rights);
        out.put("locale", session.getContext().resolveLocale(user).toLanguageTag());
        return Response.ok(out).build();
    }
}
