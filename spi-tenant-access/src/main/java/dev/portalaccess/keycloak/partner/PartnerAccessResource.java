package dev.portalaccess.keycloak.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.invitation.InvitationRefusedException;
import dev.portalaccess.keycloak.invitation.InvitationRequest;
import dev.portalaccess.keycloak.invitation.InvitationService;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * {@code /admin/realms/{realm}/partner-access}: partner staff, tenants, access grants, invitations and
 * the auto-add switch. Reading needs view-realm or view-users; changing needs manage-realm or
 * manage-users (inviting also Keycloak's own organization permission, as its invite path checks it).
 * Errors are JSON {@code {"field","error","errorMessage","messageKey"}}; a refused change rolls back whole.
 */
public final class PartnerAccessResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PartnerCaller caller;
    private final PartnerAccess access;

    PartnerAccessResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this(session, realm, adminCaller(auth, adminEvent));
    }

    PartnerAccessResource(KeycloakSession session, RealmModel realm, PartnerCaller caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
        this.access = new PartnerAccess(session, realm);
    }

    /** Admin REST: Keycloak's admin permissions, the admin's own admin events. */
    private static PartnerCaller adminCaller(AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new PartnerCaller() {
            @Override
            public void requireView() {
                if (!(auth.realm().canViewRealm() || auth.users().canView())) {
                    throw Problems.forbidden(Problem.of("forbidden", null, "portalAccessForbidden",
                            "Reading partner access needs view-realm or view-users."));
                }
            }

            @Override
            public void requireManage() {
                if (!(auth.realm().canManageRealm() || auth.users().canManage())) {
                    throw Problems.forbidden(Problem.of("forbidden", null, "portalAccessForbidden",
                            "Changing partner access needs manage-realm or manage-users."));
                }
            }

            @Override
            public void requireInvite(OrganizationModel tenant) {
                auth.orgs().requireManage(tenant); // as Keycloak's own invite path checks it
            }

            @Override
            public AdminEventBuilder adminEvent() {
                return adminEvent;
            }
        };
    }

    PartnerAccess access() {
        return access;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Response settings() {
        requireView();
        GroupModel staff = access.staffGroup();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", access.enabled());
        out.put("staffGroup", access.config().staffGroupName());
        out.put("staffGroupId", staff == null ? null : staff.getId());
        return Response.ok(out).build();
    }

    // ---- partner staff -------------------------------------------------------------------------------

    @GET
    @Path("staff")
    @Produces(MediaType.APPLICATION_JSON)
    public Response staff(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        requireView();
        return guarded(() -> {
            access.requireEnabled();
            GroupModel staff = access.requireStaffGroup();
            List<Map<String, Object>> users = session.users().getGroupMembersStream(realm, staff, first, max).map(this::user).toList();
            return Response.ok(users).build();
        });
    }

    @POST
    @Path("staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response addStaff(Map<String, Object> body) {
        requireManage();
        return guarded(() -> {
            access.requireEnabled();
            GroupModel staff = access.requireStaffGroup();
            UserModel user = bodyUser(body);
            if (access.isStaff(user)) {
                throw PartnerAccessException.conflict("userId", "alreadyPartnerUser", "User '" + user.getUsername() + "' is already a partner user.");
            }
            user.joinGroup(staff); // the listener grants the auto-add tenants
            event(ResourceType.GROUP_MEMBERSHIP, OperationType.CREATE, user(user));
            return Response.status(Response.Status.CREATED).entity(user(user)).build();
        });
    }

    @DELETE
    @Path("staff/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response removeStaff(@PathParam("userId") String userId) {
        requireManage();
        return guarded(() -> {
            access.requireEnabled();
            GroupModel staff = access.requireStaffGroup();
            UserModel user = pathUser(userId);
            if (!access.isStaff(user)) {
                throw PartnerAccessException.notFound("userId", "User '" + user.getUsername() + "' is not a partner user.");
            }
            access.checkStaffLeave(user); // refused before the group row is deleted
            user.leaveGroup(staff); // the listener revokes their tenants
            access.verifyNow();
            event(ResourceType.GROUP_MEMBERSHIP, OperationType.DELETE, user(user));
            return Response.noContent().build();
        });
    }

    // ---- tenants -------------------------------------------------------------------------------------

    @GET
    @Path("tenants")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tenants(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        requireView();
        return guarded(() -> {
            access.requireEnabled();
            List<Map<String, Object>> out = organizations().getAllStream("", false, first, max).map(this::tenantSummary).toList();
            return Response.ok(out).build();
        });
    }

    @GET
    @Path("tenants/{tenantId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response tenant(@PathParam("tenantId") String tenantId, @QueryParam("first") @DefaultValue("0") int first,
                           @QueryParam("max") @DefaultValue("100") int max) {
        requireView();
        return guarded(() -> {
            access.requireEnabled();
            OrganizationModel tenant = access.tenant(tenantId);
            Map<String, Object> out = tenantSummary(tenant);
            GroupModel staff = access.staffGroup();
            out.put("users", organizations().getMembersStream(tenant, Map.of(), false, first, max).map(u -> {
                Map<String, Object> rep = user(u);
                rep.put("partnerUser", staff != null && u.isMemberOf(staff));
                return rep;
            }).toList());
            out.put("invitations", access.pendingInvitations(tenant).map(this::invitation).toList());
            return Response.ok(out).build();
        });
    }

    @PUT
    @Path("tenants/{tenantId}/auto-add")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response autoAdd(@PathParam("tenantId") String tenantId, Map<String, Object> body) {
        requireManage();
        return guarded(() -> {
            OrganizationModel tenant = access.tenant(tenantId);
            Object enabled = body == null ? null : body.get("enabled");
            if (!(enabled instanceof Boolean on)) {
                throw PartnerAccessException.badRequest("enabled", "required", "'enabled' must be true or false.");
            }
            int added = access.setAutoAdd(tenant, on);
            Map<String, Object> out = tenantSummary(tenant);
            out.put("autoAdd", on); // the adapter caches the attributes it read before the change
            out.put("added", added);
            event(ResourceType.ORGANIZATION, OperationType.UPDATE, out);
            return Response.ok(out).build();
        });
    }

    // ---- access of one user --------------------------------------------------------------------------

    @GET
    @Path("tenants/{tenantId}/users/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response hasAccess(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        requireView();
        return guarded(() -> {
            OrganizationModel tenant = access.tenant(tenantId);
            UserModel user = pathUser(userId);
            return Response.ok(Map.of("tenantId", tenant.getId(), "userId", user.getId(), "access", access.hasAccess(tenant, user))).build();
        });
    }

    @POST
    @Path("tenants/{tenantId}/users")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("tenantId") String tenantId, Map<String, Object> body) {
        requireManage();
        return guarded(() -> {
            OrganizationModel tenant = access.tenant(tenantId);
            UserModel user = bodyUser(body);
            access.grant(tenant, user);
            Map<String, Object> rep = user(user);
            rep.put("tenantId", tenant.getId());
            event(ResourceType.ORGANIZATION_MEMBERSHIP, OperationType.CREATE, rep);
            return Response.status(Response.Status.CREATED).entity(rep).build();
        });
    }

    @DELETE
    @Path("tenants/{tenantId}/users/{userId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revoke(@PathParam("tenantId") String tenantId, @PathParam("userId") String userId) {
        requireManage();
        return guarded(() -> {
            OrganizationModel tenant = access.tenant(tenantId);
            UserModel user = pathUser(userId);
            access.revoke(tenant, user);
            Map<String, Object> rep = user(user);
            rep.put("tenantId", tenant.getId());
            event(ResourceType.ORGANIZATION_MEMBERSHIP, OperationType.DELETE, rep);
            return Response.noContent().build();
        });
    }

    // ---- invitations of external users ---------------------------------------------------------------

    @GET
    @Path("tenants/{tenantId}/invitations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response invitations(@PathParam("tenantId") String tenantId) {
        requireView();
        return guarded(() -> {
            OrganizationModel tenant = access.tenant(tenantId);
            return Response.ok(access.pendingInvitations(tenant).map(this::invitation).toList()).build();
        });
    }

    /**
     * Through core's invitation service (Keycloak's own invite steps): persisted invitation, its email and link
     * (registration link if no account), after the partner rules ({@link PartnerAccess#checkInvitation}).
     */
    @POST
    @Path("tenants/{tenantId}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("tenantId") String tenantId, Map<String, Object> body) {
        requireManage();
        return guarded(() -> {
            OrganizationModel tenant = access.tenant(tenantId);
            caller.requireInvite(tenant);
            String email = access.checkInvitation(tenant, string(body, "email"));
            OrganizationInvitationModel invitation;
            try {
                // the caller was authorised just above (admin REST: Keycloak's organization manage check, as its own
                // invite-user does; the team page: the partner administrators' group), so the service checks nothing more
                invitation = new InvitationService(session).invite(tenant,
                        InvitationRequest.of(email, string(body, "firstName"), string(body, "lastName")), null, null);
            } catch (InvitationRefusedException refused) {
                throw invitationRefused(tenant, refused);
            }
            Map<String, Object> rep = invitation(invitation);
            event(ResourceType.ORGANIZATION_MEMBERSHIP, OperationType.ACTION, rep);
            return Response.status(Response.Status.CREATED).entity(rep).build();
        });
    }

    @DELETE
    @Path("tenants/{tenantId}/invitations/{invitationId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("tenantId") String tenantId, @PathParam("invitationId") String invitationId) {
        requireManage();
        return guarded(() -> {
            OrganizationModel tenant = access.tenant(tenantId);
            OrganizationInvitationModel invitation = access.cancelInvitation(tenant, invitationId);
            Map<String, Object> rep = invitation(invitation);
            event(ResourceType.ORGANIZATION_MEMBERSHIP, OperationType.DELETE, rep);
            return Response.noContent().build();
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------

    /** Runs a change; a refusal rolls the transaction back and answers with its status and JSON reason. */
    private Response guarded(Supplier<Response> action) {
        try {
            return action.get();
        } catch (PartnerAccessException e) {
            session.getTransactionManager().setRollbackOnly();
            return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.body()).build();
        }
    }

    private void requireView() {
        caller.requireView();
    }

    private void requireManage() {
        caller.requireManage();
    }

    private void event(ResourceType type, OperationType operation, Object representation) {
        caller.adminEvent().resource(type).operation(operation).resourcePath(session.getContext().getUri())
                .representation(representation).success();
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }

    private UserModel bodyUser(Map<String, Object> body) {
        String id = string(body, "userId");
        if (id == null || id.isBlank()) {
            throw PartnerAccessException.badRequest("userId", "required", "'userId' is required.");
        }
        UserModel user = session.users().getUserById(realm, id.trim());
        if (user == null) {
            throw PartnerAccessException.badRequest("userId", "userNotFound", "No user '" + id + "' in realm '" + realm.getName() + "'.");
        }
        return user;
    }

    private UserModel pathUser(String id) {
        UserModel user = id == null ? null : session.users().getUserById(realm, id);
        if (user == null) {
            throw PartnerAccessException.notFound("userId", "No user '" + id + "' in realm '" + realm.getName() + "'.");
        }
        return user;
    }

    private static String string(Map<String, Object> body, String key) {
        Object value = body == null ? null : body.get(key);
        return value == null ? null : value.toString();
    }

    private Map<String, Object> user(UserModel user) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("id", user.getId());
        rep.put("username", user.getUsername());
        rep.put("email", user.getEmail());
        return rep;
    }

    private Map<String, Object> tenantSummary(OrganizationModel tenant) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("id", tenant.getId());
        rep.put("name", tenant.getName());
        rep.put("alias", tenant.getAlias());
        rep.put("autoAdd", PartnerAccessConfig.autoAdd(tenant));
        rep.put("userCount", access.memberCount(tenant));
        return rep;
    }

    /** Keycloak's invitation representation, plus the names earlier versions answered ({@code tenantId}, {@code sentAt}). */
    /** Why core's invitation service sent nothing, in partner access's own codes (documented in docs/errors.md). */
    private static PartnerAccessException invitationRefused(OrganizationModel tenant, InvitationRefusedException refused) {
        return switch (refused.reason()) {
            case ORGANIZATION_DISABLED -> PartnerAccessException.badRequest("tenantId", "tenantDisabled",
                    "Tenant '" + tenant.getName() + "' is disabled.");
            case INVALID_EMAIL -> PartnerAccessException.badRequest("email", "invalidEmail", refused.getMessage());
            case ALREADY_MEMBER -> PartnerAccessException.conflict("email", "alreadyHasAccess", refused.getMessage());
            case ALREADY_INVITED -> PartnerAccessException.conflict("email", "alreadyInvited", refused.getMessage());
            case EMAIL_NOT_SENT -> new PartnerAccessException(500, "email", "emailNotSent",
                    PartnerAccessException.messageKey("emailNotSent"), refused.getMessage());
        };
    }

    private Map<String, Object> invitation(OrganizationInvitationModel invitation) {
        Map<String, Object> rep = InvitationService.document(invitation, false);
        rep.put("tenantId", invitation.getOrganizationId());
        rep.put("sentAt", invitation.getCreatedAt());
        return rep;
    }
}
