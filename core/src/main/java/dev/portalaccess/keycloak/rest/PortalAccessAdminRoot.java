package dev.portalaccess.keycloak.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;
import dev.portalaccess.keycloak.settings.FeatureSettings;
import dev.portalaccess.keycloak.settings.Setting;
import dev.portalaccess.keycloak.settings.SettingsCatalog;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/portal-access}: the project's admin REST root, which the typed settings API extends.
 * {@code GET me}: what the signed-in admin may do in this realm (the console's first call); every other segment is
 * a feature's part of the API ({@link PortalAccessAdminApi}).
 */
public final class PortalAccessAdminRoot {

    /** The {@code error} of a 403 from this root: the caller has no right the console could use in this realm. */
    public static final String NO_ACCESS = "portalaccess_no_access";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;

    private final AdminEventBuilder adminEvent;

    PortalAccessAdminRoot(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /**
     * {@code GET schema}: every feature's settings as the console renders them (keys, types, defaults, labels,
     * help), from the settings classes of the features deployed. Any admin with rights in the realm may read it.
     */
    @GET
    @Path("schema")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> schema() {
        requireConsoleAccess();
        List<Map<String, Object>> features = new ArrayList<>();
        for (FeatureSettings feature : SettingsCatalog.of(session.getKeycloakSessionFactory()).features()) {
            List<Map<String, Object>> settings = new ArrayList<>();
            for (Setting<?> setting : feature.settings()) {
                settings.add(describe(setting));
            }
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("id", feature.id());
            f.put("label", feature.label());
            f.put("help", feature.help());
            f.put("settings", settings);
            features.add(f);
        }
        return Map.of("features", features);
    }

    /** The admin's rights, or 403 {@value #NO_ACCESS} when they have none the console could use in this realm. */
    private AdminRights requireConsoleAccess() {
        AdminRights rights = AdminRights.of(realm.isOrganizationsEnabled(),
                AdminPermissionsSchema.SCHEMA.isAdminPermissionsEnabled(realm),
                auth.realm().canViewRealm(), auth.realm().canManageRealm(),
                auth.users().canView(), auth.users().canManage(),
                auth.orgs().canQuery(), auth.orgs().canView(), auth.orgs().canManage());
        if (!rights.consoleAccess()) {
            throw Problems.forbidden(Problem.of(NO_ACCESS, "User " + auth.adminAuth().getUser().getUsername()
                    + " has no administrative rights in realm " + realm.getName()));
        }
        return rights;
    }

    private static <T> Map<String, Object> describe(Setting<T> setting) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", setting.name());
        s.put("key", setting.key());
        s.put("scope", setting.scope().name());
        s.put("type", setting.type().name());
        s.put("default", setting.defaultValue() == null ? null : setting.write(setting.defaultValue()));
        s.put("multiple", setting.multiple());
        if (!setting.type().choices().isEmpty()) {
            s.put("choices", setting.type().choices());
        }
        s.put("label", setting.label());
        s.put("help", setting.help());
        s.put("labelKey", setting.labelKey());
        s.put("helpKey", setting.helpKey());
        return s;
    }

    /** {@code settings/{id}}: the realm's policy documents ({@link RealmSettingsResource}). */
    @Path("settings")
    public RealmSettingsResource settings() {
        return new RealmSettingsResource(session, realm, auth, adminEvent);
    }

    /**
     * A feature's part of the API ({@link PortalAccessAdminApi}, found by its path segment), or 404 with the error
     * body when no enabled provider has that id.
     */
    @Path("{segment}")
    public Object feature(@PathParam("segment") String segment) {
        PortalAccessAdminApi api = session.getProvider(PortalAccessAdminApi.class, segment);
        if (api == null) {
            throw Problems.notFound(Problem.of("notFound", "No Portal Access admin API at " + segment));
        }
        return api.resource(realm, auth, adminEvent);
    }

    /**
     * The realm as the console shows it, the signed-in admin and their rights in it. 403 with
     * {@code {"error":"portalaccess_no_access","errorMessage":...}} when they have none the console uses.
     */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        AdminRights rights = requireConsoleAccess();
        UserModel user = auth.adminAuth().getUser();
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
