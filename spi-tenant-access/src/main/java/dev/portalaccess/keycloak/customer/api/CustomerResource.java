package dev.portalaccess.keycloak.customer.api;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.customer.DocumentChecks;
import dev.portalaccess.keycloak.customer.JsonDocuments;
import dev.portalaccess.keycloak.customer.OrganizationAttributes;
import dev.portalaccess.keycloak.customer.invite.CustomerInvitations;
import dev.portalaccess.keycloak.customer.role.CustomerRole;
import dev.portalaccess.keycloak.customer.role.CustomerRoles;
import dev.portalaccess.keycloak.customer.serviceaccount.CustomerServiceAccounts;
import dev.portalaccess.keycloak.invitation.InvitationRefusedException;
import dev.portalaccess.keycloak.invitation.InvitationService;
import dev.portalaccess.keycloak.problem.PortalAccessRefusal;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;
import dev.portalaccess.keycloak.settings.CustomerSettingsDocument;
import dev.portalaccess.keycloak.settings.InvalidSettingValue;
import dev.portalaccess.keycloak.settings.SettingTypes;

/**
 * {@code .../portal-access/customers/{id}}: one customer's settings document, members with their role, invitations
 * with a role, service accounts and identity provider. Reading needs Keycloak's {@code view} permission on the
 * organization, changing {@code manage} on it (fine-grained admin permissions v2 narrow both to single
 * organizations); every change is an admin event.
 */
public final class CustomerResource {

    static final String DETAIL = "portalAccessSettings";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationModel customer;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final OrganizationProvider organizations;

    CustomerResource(KeycloakSession session, RealmModel realm, OrganizationModel customer, AdminPermissionEvaluator auth,
                     AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.customer = customer;
        this.auth = auth;
        this.adminEvent = adminEvent;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode get() {
        return JsonDocuments.tree(CustomersResource.row(session, customer, new CustomerQueries(session).pendingInvitations(List.of(customer.getId()))
                .getOrDefault(customer.getId(), 0L)));
    }

    // ---- settings ---------------------------------------------------------------------------------------

    @GET
    @Path("settings")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode settings() {
        return JsonDocuments.tree(CustomerSettingsDocument.read(session, customer));
    }

    /** Validates the whole document (400 with every bad field, nothing stored), writes it, answers the stored document. */
    @PUT
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode writeSettings(JsonNode document) {
        Access.requireManage(auth, customer);
        try {
            CustomerSettingsDocument.write(session, customer, document);
        } catch (PortalAccessRefusal refused) {
            throw Problems.of(refused);
        }
        Map<String, Object> stored = CustomerSettingsDocument.read(session, OrganizationAttributes.fresh(session, customer));
        List<String> sections = new ArrayList<>();
        for (Iterator<String> names = document.fieldNames(); names.hasNext(); ) {
            sections.add(names.next());
        }
        adminEvent.resource(ResourceType.ORGANIZATION).operation(OperationType.UPDATE)
                .resourcePath(session.getContext().getUri()).representation(stored)
                .detail(DETAIL, "customer").detail("sections", String.join(",", sections)).success();
        return JsonDocuments.tree(stored);
    }

    /**
     * {@code POST settings/check}: the validation of {@link #writeSettings} without the write: stores nothing, emits
     * no admin event; 200 {@code {"valid":true}} or the PUT's 400. Needs manage on the customer like the PUT.
     */
    @POST
    @Path("settings/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> checkSettings(JsonNode document) {
        Access.requireManage(auth, customer);
        try {
            CustomerSettingsDocument.check(session, customer, document);
        } catch (PortalAccessRefusal refused) {
            throw Problems.of(refused);
        }
        return Map.of("valid", true);
    }

    // ---- members ---------------------------------------------------------------------------------------

    @GET
    @Path("members")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode members(@QueryParam("search") String search, @QueryParam("first") @DefaultValue("0") int first,
                                             @QueryParam("max") @DefaultValue("100") int max) {
        CustomerRoles roles = new CustomerRoles(session);
        boolean withRoles = CustomerRoles.isEnabled(realm);
        return JsonDocuments.tree(organizations.getMembersStream(customer, search, false, Math.max(first, 0), Math.min(Math.max(max, 1), 1000))
                .map(member -> member(roles, withRoles, member)).toList());
    }

    /** Changes a member's role: {@code {"role":"Viewer"}}; demoting the last Administrator answers 409. */
    @PUT
    @Path("members/{userId}/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode setRole(@PathParam("userId") String userId, JsonNode body) {
        Access.requireManage(auth, customer);
        if (!CustomerRoles.isEnabled(realm)) {
            throw Problems.badRequest(Problem.of("rolesDisabled", "role", "portalAccessCustomerRolesDisabled",
                    "Customer roles are off in realm " + realm.getName() + "."));
        }
        List<Problem> violations = new ArrayList<>();
        DocumentChecks.object(body, "", Set.of("role"), violations);
        CustomerRole role = violations.isEmpty() ? role(body.get("role"), violations, true) : null;
        if (!violations.isEmpty()) {
            throw Problems.badRequest(violations);
        }
        UserModel member = member(userId);
        if (member.getServiceAccountClientLink() != null) {
            throw Problems.badRequest(Problem.of("serviceAccount", "userId", "portalAccessCustomerServiceAccountRole",
                    "A customer's service account has no role.", member.getUsername()));
        }
        CustomerRoles roles = new CustomerRoles(session);
        refusalsAsProblems(() -> roles.setRole(customer, member, role));
        Map<String, Object> view = member(roles, true, member);
        adminEvent.resource(ResourceType.ORGANIZATION_GROUP_MEMBERSHIP).operation(OperationType.UPDATE)
                .resourcePath(session.getContext().getUri()).representation(view)
                .detail("customer", customer.getAlias()).detail(UserModel.USERNAME, member.getUsername())
                .detail("role", role.groupName()).success();
        return JsonDocuments.tree(view);
    }

    /** Removes a member (a managed member is deleted, as Keycloak does); the last Administrator answers 409. */
    @DELETE
    @Path("members/{userId}")
    public Response removeMember(@PathParam("userId") String userId) {
        Access.requireManage(auth, customer);
        UserModel member = member(userId);
        String username = member.getUsername();
        String email = member.getEmail();
        refusalsAsProblems(() -> organizations.removeMember(customer, member));
        adminEvent.resource(ResourceType.ORGANIZATION_MEMBERSHIP).operation(OperationType.DELETE)
                .resourcePath(session.getContext().getUri())
                .detail("customer", customer.getAlias()).detail(UserModel.USERNAME, username)
                .detail(UserModel.EMAIL, email).success();
        return Response.noContent().build();
    }

    // ---- invitations ------------------------------------------------------------------------------------

    /** Keycloak's invitation representation plus the role; the link (a credential) only to those who may manage. */
    @GET
    @Path("invitations")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode invitations(@QueryParam("first") Integer first, @QueryParam("max") Integer max) {
        CustomerRoles roles = new CustomerRoles(session);
        boolean withLink = Access.canManage(auth, customer);
        return JsonDocuments.tree(new InvitationService(session).list(customer, first, max)
                .map(invitation -> invitation(roles, invitation, withLink)).toList());
    }

    /**
     * Invites by email with a role ({@code {"email","firstName","lastName","role"}}, role default User) through
     * Keycloak's own invite path (persisted invitation, action-token link, email, admin event, domain restrictions).
     */
    @POST
    @Path("invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(JsonNode body) {
        Access.requireManage(auth, customer);
        List<Problem> violations = new ArrayList<>();
        String email = null;
        CustomerRole role = null;
        if (DocumentChecks.object(body, "", Set.of("email", "firstName", "lastName", "role"), violations)) {
            email = email(body.get("email"), violations);
            role = role(body.get("role"), violations, false);
            for (String name : List.of("firstName", "lastName")) {
                JsonNode value = body.get(name);
                if (value != null && !value.isNull() && !value.isTextual()) {
                    violations.add(Problem.of(SettingTypes.INVALID_VALUE, name, SettingTypes.INVALID_VALUE_KEY, "Expected a string."));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.badRequest(violations);
        }
        CustomerRole granted = role == null ? CustomerRole.USER : role;
        OrganizationInvitationModel invitation = send(email, text(body, "firstName"), text(body, "lastName"), granted);
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(JsonDocuments.tree(invitation(new CustomerRoles(session), invitation, true))).build();
    }

    /** Sends the invitation again (a new invitation replaces it, with the same role); answers the new one. */
    @POST
    @Path("invitations/{invitationId}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode resend(@PathParam("invitationId") String invitationId) {
        Access.requireManage(auth, customer);
        OrganizationInvitationModel old = invitation(invitationId);
        CustomerRoles roles = new CustomerRoles(session);
        CustomerRole role = roles.invitationRole(customer, old.getId()).orElse(CustomerRole.USER);
        // Keycloak's resend: the old invitation goes (its role row with it), a new one carries the same role
        OrganizationInvitationModel invitation = refused(() -> new InvitationService(session).resend(customer, old, auth,
                adminEvent.detail("role", role.groupName())));
        return JsonDocuments.tree(invitation(roles, invitation, true));
    }

    @DELETE
    @Path("invitations/{invitationId}")
    public Response cancel(@PathParam("invitationId") String invitationId) {
        Access.requireManage(auth, customer);
        OrganizationInvitationModel invitation = invitation(invitationId);
        refusalsAsProblems(() -> new InvitationService(session).cancel(customer, invitation, auth));
        adminEvent.resource(ResourceType.ORGANIZATION_MEMBERSHIP).operation(OperationType.DELETE)
                .resourcePath(session.getContext().getUri())
                .detail("customer", customer.getAlias()).detail(UserModel.EMAIL, invitation.getEmail()).success();
        return Response.noContent().build();
    }

    // ---- service accounts and identity provider -----------------------------------------------------------

    /** The customer's service accounts ({@code GET|POST}, {@code GET|DELETE /{id}}); changes also need manage-clients. */
    @Path("service-accounts")
    public CustomerServiceAccounts serviceAccounts() {
        return new CustomerServiceAccounts(session, realm, customer, auth, adminEvent, Access.canManage(auth, customer));
    }

    @GET
    @Path("identity-provider")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode identityProvider() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("alias", organizations.getIdentityProviders(customer).map(IdentityProviderModel::getAlias).sorted().findFirst().orElse(null));
        return JsonDocuments.tree(out);
    }

    /** Links an existing SAML identity provider of the realm to the customer ({@code {"alias":"globex-saml"}}), or unlinks ({@code null}). */
    @PUT
    @Path("identity-provider")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode linkIdentityProvider(JsonNode body) {
        Access.requireManage(auth, customer);
        List<Problem> violations = new ArrayList<>();
        IdentityProviderModel wanted = null;
        if (DocumentChecks.object(body, "", Set.of("alias"), violations)) {
            JsonNode alias = body.get("alias");
            if (alias != null && !alias.isNull()) {
                wanted = alias.isTextual() ? session.identityProviders().getByAlias(alias.asText()) : null;
                if (wanted == null) {
                    violations.add(Problem.of("unknownIdentityProvider", "alias", "portalAccessIdentityProviderUnknown",
                            "No identity provider " + alias + " in realm " + realm.getName() + ".", alias.asText()));
                } else if (!"saml".equals(wanted.getProviderId())) {
                    violations.add(Problem.of("notSaml", "alias", "portalAccessIdentityProviderNotSaml",
                            "Identity provider " + wanted.getAlias() + " is not a SAML provider.", wanted.getAlias()));
                } else if (wanted.getOrganizationId() != null && !wanted.getOrganizationId().equals(customer.getId())) {
                    violations.add(Problem.of("identityProviderInUse", "alias", "portalAccessIdentityProviderInUse",
                            "Identity provider " + wanted.getAlias() + " belongs to another customer.", wanted.getAlias()));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.badRequest(violations);
        }
        String keep = wanted == null ? null : wanted.getAlias();
        for (IdentityProviderModel linked : organizations.getIdentityProviders(customer).toList()) {
            if (!linked.getAlias().equals(keep)) {
                organizations.removeIdentityProvider(customer, linked);
            }
        }
        if (wanted != null && !customer.getId().equals(wanted.getOrganizationId())) {
            IdentityProviderModel link = wanted;
            refusalsAsProblems(() -> organizations.addIdentityProvider(customer, link));
        }
        JsonNode stored = identityProvider();
        adminEvent.resource(ResourceType.ORGANIZATION).operation(OperationType.UPDATE)
                .resourcePath(session.getContext().getUri()).representation(stored)
                .detail(DETAIL, "identityProvider").success();
        return stored;
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private OrganizationInvitationModel send(String email, String firstName, String lastName, CustomerRole role) {
        // the role is stored only where customer roles are on; elsewhere the invitation carries none
        String carried = CustomerRoles.isEnabled(realm) ? role.groupName() : null;
        return refused(() -> CustomerInvitations.invite(session, realm, customer, email, firstName, lastName, null, carried,
                auth, adminEvent.detail("role", role.groupName())));
    }

    /** The invitation service's refusals in this API's contract (its message keys), model refusals as the contract's body. */
    private OrganizationInvitationModel refused(java.util.function.Supplier<OrganizationInvitationModel> invite) {
        OrganizationInvitationModel[] sent = new OrganizationInvitationModel[1];
        try {
            refusalsAsProblems(() -> sent[0] = invite.get());
        } catch (InvitationRefusedException refused) {
            Problem problem = refused.problem();
            switch (refused.reason()) {
                case ALREADY_MEMBER -> problem = problem.withMessageKey("portalAccessCustomerAlreadyMember", refused.email());
                case ALREADY_INVITED -> problem = problem.withMessageKey("portalAccessCustomerAlreadyInvited", refused.email());
                default -> { }
            }
            throw Problems.of(Response.Status.fromStatusCode(refused.status()), problem);
        }
        return sent[0];
    }

    /** Refusals raised inside Keycloak's model (domain restriction, last Administrator, partner rules) as the contract's body. */
    private void refusalsAsProblems(Runnable change) {
        try {
            change.run();
        } catch (PortalAccessRefusal refused) {
            throw Problems.of(refused);
        } catch (ModelValidationException | jakarta.ws.rs.WebApplicationException e) {
            if (e.getCause() instanceof PortalAccessRefusal refused) {
                throw Problems.of(refused);
            }
            if (e instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse() != null
                    && web.getResponse().getEntity() != null) {
                throw (jakarta.ws.rs.WebApplicationException) e;
            }
            throw Problems.badRequest(Problem.of("refused", null, "portalAccessRefused", e.getMessage()));
        } catch (ModelException e) {
            throw Problems.badRequest(Problem.of("refused", null, "portalAccessRefused", e.getMessage()));
        }
    }

    private String email(JsonNode value, List<Problem> violations) {
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isBlank()) {
            violations.add(Problem.of("required", "email", "portalAccessRequired", "An email address is required.", "email"));
            return null;
        }
        try {
            return SettingTypes.EMAIL.parse(value.asText()).toLowerCase(java.util.Locale.ROOT);
        } catch (InvalidSettingValue e) {
            violations.add(Problem.of(e.error(), "email", e.messageKey(), e.reason(), value.asText()));
            return null;
        }
    }

    private static CustomerRole role(JsonNode value, List<Problem> violations, boolean required) {
        if (value == null || value.isNull()) {
            if (required) {
                violations.add(Problem.of("required", "role", "portalAccessRequired", "A role is required: Administrator, User or Viewer.", "role"));
            }
            return null;
        }
        CustomerRole role = value.isTextual() ? CustomerRole.parse(value.asText()).orElse(null) : null;
        if (role == null) {
            violations.add(Problem.of("unknownRole", "role", "portalAccessCustomerUnknownRole",
                    "Unknown role " + value + ": Administrator, User or Viewer.", value.asText()));
        }
        return role;
    }

    private UserModel member(String userId) {
        UserModel member = userId == null ? null : organizations.getMemberById(customer, userId);
        if (member == null) {
            throw Problems.notFound(Problem.of("memberNotFound", "userId", "portalAccessCustomerMemberNotFound",
                    "No member " + userId + " of customer " + customer.getAlias() + ".", String.valueOf(userId)));
        }
        return member;
    }

    private OrganizationInvitationModel invitation(String invitationId) {
        OrganizationInvitationModel invitation = new InvitationService(session).find(customer, invitationId);
        if (invitation == null) {
            throw Problems.notFound(Problem.of("invitationNotFound", "invitationId", "portalAccessCustomerInvitationNotFound",
                    "No invitation " + invitationId + " of customer " + customer.getAlias() + ".", String.valueOf(invitationId)));
        }
        return invitation;
    }

    private Map<String, Object> member(CustomerRoles roles, boolean withRoles, UserModel member) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", member.getId());
        view.put("username", member.getUsername());
        view.put("email", member.getEmail());
        view.put("firstName", member.getFirstName());
        view.put("lastName", member.getLastName());
        view.put("role", withRoles ? roles.roleOf(customer, member).map(CustomerRole::groupName).orElse(null) : null);
        view.put("serviceAccount", member.getServiceAccountClientLink() != null);
        view.put("managed", organizations.isManagedMember(customer, member));
        return view;
    }

    private Map<String, Object> invitation(CustomerRoles roles, OrganizationInvitationModel invitation, boolean withLink) {
        Map<String, Object> view = InvitationService.document(invitation, withLink);
        view.put("role", CustomerRoles.isEnabled(realm)
                ? roles.invitationRole(customer, invitation.getId()).orElse(CustomerRole.USER).groupName() : null);
        return view;
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
