package dev.portalaccess.keycloak.partner;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import dev.portalaccess.keycloak.customer.selfservice.TeamSignIn;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * {@code /realms/{realm}/portal-access/partner}: tenant access for the team page, signed in with the realm's own users
 * ({@link TeamSignIn}: the team page's or a portal's access token; any other answers 401). Partner administrators
 * (members of {@link PartnerAccessSettings#ADMIN_GROUP}) administer every tenant of the realm, the realm being the
 * partner's account; each of their calls is the admin API's own method ({@link PartnerAccessResource}), so the same
 * rules, refusals and admin events apply, the events naming the partner administrator. Everyone else only reads the
 * tenants they have access to: changes answer 403 {@code notPartnerAdministrator}, a tenant they have no access to
 * 404, like one that does not exist.
 */
public final class PartnerTeamResource {

    static final String NOT_PARTNER_ADMINISTRATOR = "notPartnerAdministrator";

    private final KeycloakSession session;
    private final RealmModel realm;

    PartnerTeamResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** Who the caller is here: {@code {"enabled","administrator","partnerUser","portalUrl"}}. */
    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        Caller caller = caller();
        PartnerAccess access = caller.resource.access();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", access.enabled());
        out.put("administrator", access.enabled() && caller.administrator);
        out.put("partnerUser", access.enabled() && access.isStaff(caller.auth.user()));
        out.put("portalUrl", access.config().portalUrl());
        return Response.ok(out).build();
    }

    /** Partner administrators: every tenant ({@code GET .../partner/tenants}); everyone else: the tenants they have access to. */
    @GET
    @Path("tenants")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tenants(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        Caller caller = caller();
        if (caller.administrator) {
            return caller.resource.tenants(first, max);
        }
        PartnerAccess access = caller.resource.access();
        if (!access.enabled()) {
            return disabled(access);
        }
        List<Map<String, Object>> out = organizations().getByMember(caller.auth.user()).filter(OrganizationModel::isEnabled)
                .skip(Math.max(first, 0)).limit(Math.max(max, 0)).map(t -> ownTenant(access, t)).toList();
        return Response.ok(out).build();
    }

    /** A tenant with its users and invitations (partner administrators); a tenant of one's own without them (everyone else). */
    @GET
    @Path("tenants/{tenantId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tenant(@PathParam("tenantId") String tenantId, @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("100") int max) {
        Caller caller = caller();
        if (caller.administrator) {
            return caller.resource.tenant(tenantId, first, max);
        }
        PartnerAccess access = caller.resource.access();
        OrganizationModel tenant = tenantId == null ? null : organizations().getById(tenantId);
        if (!access.enabled() || tenant == null || !tenant.isEnabled() || !access.hasAccess(tenant, caller.auth.user())) {
            // not one's own: as if it did not exist
            throw Problems.notFound(Problem.of("notFound", "tenantId", PartnerAccessException.messageKey("notFound"),
                    "No tenant (organization) '" + tenantId + "' in realm '" + realm.getName() + "'."));
        }
        return Response.ok(ownTenant(access, tenant)).build();
    }

    /** The partner users, for the grant typeahead (partner administrators). */
    @GET
    @Path("staff")
    @Produces(MediaType.APPLICATION_JSON)
    public Response staff(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        return administrator().staff(first, max);
    }

    @POST
    @Path("tenants/{tenantId}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("tenantId") String tenantId, Map<String, Object> body) {
        return administrator().grant(tenantId, body);
    }

    @DELETE
    @Path("tenants/{tenantId}/users/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        return administrator().revoke(tenantId, userId);
    }

    @POST
    @Path("tenants/{tenantId}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("tenantId") String tenantId, Map<String, Object> body) {
        return administrator().invite(tenantId, body);
    }

    @DELETE
    @Path("tenants/{tenantId}/invitations/{invitationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("tenantId") String tenantId, @PathParam("invitationId") String invitationId) {
        return administrator().cancel(tenantId, invitationId);
    }

    @PUT
    @Path("tenants/{tenantId}/auto-add")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response autoAdd(@PathParam("tenantId") String tenantId, Map<String, Object> body) {
        return administrator().autoAdd(tenantId, body);
    }

    // ---- the caller ----------------------------------------------------------------------------------

    private record Caller(AuthResult auth, boolean administrator, PartnerAccessResource resource) {
    }

    /** Signs the caller in (401 otherwise) and binds the admin API's resource to them. */
    private Caller caller() {
        AuthResult auth = TeamSignIn.authenticate(session);
        GroupModel admins = PartnerAccessConfig.of(realm).adminGroup(session, realm);
        boolean administrator = admins != null && auth.user().isMemberOf(admins);
        PartnerCaller partnerCaller = new PartnerCaller() {
            @Override
            public void requireView() {
                requireAdministrator(administrator);
            }

            @Override
            public void requireManage() {
                requireAdministrator(administrator);
            }

            @Override
            public void requireInvite(OrganizationModel tenant) {
                requireAdministrator(administrator); // the group is the permission: every tenant of the realm
            }

            @Override
            public AdminEventBuilder adminEvent() {
                AdminAuth actor = new AdminAuth(realm, auth.token(), auth.user(), auth.client());
                return new AdminEventBuilder(realm, actor, session, session.getContext().getConnection());
            }
        };
        return new Caller(auth, administrator, new PartnerAccessResource(session, realm, partnerCaller));
    }

    /** The admin API's resource for a partner administrator; 403 for anyone else, before any tenant is looked up. */
    private PartnerAccessResource administrator() {
        Caller caller = caller();
        requireAdministrator(caller.administrator);
        return caller.resource;
    }

    private void requireAdministrator(boolean administrator) {
        if (!administrator) {
            throw Problems.forbidden(Problem.of(NOT_PARTNER_ADMINISTRATOR, null, PartnerAccessException.messageKey(NOT_PARTNER_ADMINISTRATOR),
                    "Only partner administrators (members of group '" + PartnerAccessConfig.of(realm).adminGroupName()
                            + "') manage tenant access."));
        }
    }

    /** The admin API's refusal (400 {@code partnerAccessDisabled}), for callers that are not administrators too. */
    private static Response disabled(PartnerAccess access) {
        try {
            access.requireEnabled();
            throw new IllegalStateException("partner access is enabled");
        } catch (PartnerAccessException e) {
            return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body()).build();
        }
    }

    private Map<String, Object> ownTenant(PartnerAccess access, OrganizationModel tenant) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("id", tenant.getId());
        rep.put("name", tenant.getName());
        rep.put("alias", tenant.getAlias());
        rep.put("openUrl", openUrl(access.config().portalUrl(), tenant.getAlias()));
        return rep;
    }

    /** Switching tenants: the partner portal with the tenant's alias, which the portal passes on as scope {@code organization:<alias>}. */
    static String openUrl(String portalUrl, String alias) {
        if (portalUrl == null || portalUrl.isBlank() || alias == null) {
            return null;
        }
        int fragment = portalUrl.indexOf('#');
        String base = fragment < 0 ? portalUrl : portalUrl.substring(0, fragment);
        String tail = fragment < 0 ? "" : portalUrl.substring(fragment);
        return base + (base.contains("?") ? "&" : "?") + "tenant=" + URLEncoder.encode(alias, StandardCharsets.UTF_8) + tail;
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
