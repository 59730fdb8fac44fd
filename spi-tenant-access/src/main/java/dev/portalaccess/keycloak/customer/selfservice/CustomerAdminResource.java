package dev.portalaccess.keycloak.customer.selfservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.customer.PortalBearerToken;
import dev.portalaccess.keycloak.customer.feature.CustomerFeatures;
import dev.portalaccess.keycloak.customer.feature.FeatureCatalog;
import dev.portalaccess.keycloak.customer.role.CustomerRole;
import dev.portalaccess.keycloak.customer.role.CustomerRoles;
import dev.portalaccess.keycloak.customer.role.RoleProblems;
import dev.portalaccess.keycloak.customer.saml.CustomerSaml;
import dev.portalaccess.keycloak.customer.serviceaccount.CustomerServiceAccountStore;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import dev.portalaccess.keycloak.invitation.InvitationRefusedException;
import dev.portalaccess.keycloak.invitation.InvitationRequest;
import dev.portalaccess.keycloak.invitation.InvitationService;
import dev.portalaccess.keycloak.problem.PortalAccessRefusal;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Customer self-service under {@code /realms/{realm}/customer-admin}, authorised by the caller's own bearer
 * token, issued to one of the realm's portal clients ({@link PortalBearerToken}) or to the team page's client
 * ({@link TeamSignIn}); no realm-admin rights.
 * Members of a customer list its team and invitations; its Administrators also invite, re-role, remove and
 * cancel invitations. A customer the caller does not belong to answers
 * 404, like one that does not exist, so customers cannot be enumerated.
 *
 * <p>The rules themselves (first member Administrator, one role per member, never without an
 * Administrator, domain restrictions) live in model listeners and hold here as on every other path.
 */
public final class CustomerAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final OrganizationProvider organizations;
    private final CustomerRoles roles;

    private final Set<String> samlMetadataAllowedHosts;

    CustomerAdminResource(KeycloakSession session, Set<String> samlMetadataAllowedHosts) {
        this.session = session;
        this.samlMetadataAllowedHosts = samlMetadataAllowedHosts;
        this.realm = session.getContext().getRealm();
        this.organizations = session.getProvider(OrganizationProvider.class);
        this.roles = new CustomerRoles(session);
    }

    /** The caller's customers with their role there. */
    @GET
    @Path("customers")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> myCustomers() {
        AuthenticationManager.AuthResult auth = authenticate();
        UserModel me = auth.user();
        return organizations.getByMember(me).filter(OrganizationModel::isEnabled)
                .filter(organization -> reachable(auth, organization))
                .map(organization -> customerView(organization, me))
                .collect(Collectors.toList());
    }

    @GET
    @Path("customers/{customerId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> customer(@PathParam("customerId") String customerId) {
        AuthenticationManager.AuthResult auth = authenticate();
        return customerView(visibleCustomer(customerId, auth), auth.user());
    }

    /** The team: members with their role. */
    @GET
    @Path("customers/{customerId}/members")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> members(@PathParam("customerId") String customerId) {
        OrganizationModel organization = visibleCustomer(customerId, authenticate());
        return organizations.getMembersStream(organization, Map.of(), false, null, null)
                .map(member -> memberView(organization, member))
                .collect(Collectors.toList());
    }

    /** Pending (and expired, not yet removed) invitations with the role they grant. */
    @GET
    @Path("customers/{customerId}/invitations")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> invitations(@PathParam("customerId") String customerId) {
        OrganizationModel organization = visibleCustomer(customerId, authenticate());
        return invitations().list(organization, null, null)
                .map(invitation -> invitationView(organization, invitation))
                .collect(Collectors.toList());
    }

    /**
     * Invites by email: {@code {"email":..,"firstName":..,"lastName":..,"role":"User"}} (role defaults to User).
     * An existing user gets a link to join; someone new a link to register. Accepting puts them in the role.
     */
    @POST
    @Path("customers/{customerId}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response invite(@PathParam("customerId") String customerId, Map<String, Object> body) {
        AuthenticationManager.AuthResult auth = authenticate();
        OrganizationModel organization = manageableCustomer(customerId, auth);
        Map<String, Object> request = body == null ? Map.of() : body;
        String email = text(request, "email");
        if (email == null || email.isBlank()) {
            throw bad("email", "required", "Email is required");
        }
        try {
            // the email engine's normal form: the same address on every invitation path
            email = InvitationService.normalizeEmail(email);
        } catch (InvalidEmailException e) {
            throw bad("email", "invalidEmail", "Invalid email address");
        }
        CustomerRole role = roleOf(request, CustomerRole.USER);
        String firstName = text(request, "firstName");
        String lastName = text(request, "lastName");
        Map<String, Object> view = send(auth, organization, email, firstName, lastName, role, OperationType.CREATE);
        return Response.status(Response.Status.CREATED).entity(view).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Sends a pending invitation again, as Keycloak's {@code OrganizationInvitationResource.resendInvitation}
     * does: the old invitation (and its link) is removed, a new one with the same email, names and role is made
     * and mailed; the answer is the new invitation. An invitee who joined meanwhile answers 409 {@code alreadyMember}.
     */
    @POST
    @Path("customers/{customerId}/invitations/{invitationId}/resend")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> resendInvitation(@PathParam("customerId") String customerId,
                                                @PathParam("invitationId") String invitationId) {
        AuthenticationManager.AuthResult auth = authenticate();
        OrganizationModel organization = manageableCustomer(customerId, auth);
        OrganizationInvitationModel invitation = invitation(organization, invitationId);
        CustomerRole role = roles.invitationRole(organization, invitation.getId()).orElse(CustomerRole.USER);
        OrganizationInvitationModel sent = refusedAsProblems(() -> invitations().resend(organization, invitation, null, null));
        return sentEvent(auth, organization, sent, role, OperationType.UPDATE);
    }

    private Map<String, Object> send(AuthenticationManager.AuthResult auth, OrganizationModel organization, String email,
                                     String firstName, String lastName, CustomerRole role, OperationType operation) {
        InvitationRequest request = InvitationRequest.of(email, firstName, lastName).withRole(role.groupName());
        OrganizationInvitationModel invitation = refusedAsProblems(() -> invitations().invite(organization, request, null, null));
        return sentEvent(auth, organization, invitation, role, operation);
    }

    private Map<String, Object> sentEvent(AuthenticationManager.AuthResult auth, OrganizationModel organization,
                                          OrganizationInvitationModel invitation, CustomerRole role, OperationType operation) {
        Map<String, Object> view = invitationView(organization, invitation);
        adminEvent(auth).operation(operation).resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .resourcePath("organizations", organization.getId(), "invitations", invitation.getId())
                .representation(view)
                .detail("customer", organization.getAlias())
                .detail(UserModel.EMAIL, invitation.getEmail())
                .detail("role", role.groupName())
                .success();
        return view;
    }

    /** The invitation service's refusals and the model's (domain restrictions) in this API's answers, as before. */
    private OrganizationInvitationModel refusedAsProblems(java.util.function.Supplier<OrganizationInvitationModel> invite) {
        try {
            return invite.get();
        } catch (InvitationRefusedException refused) {
            throw switch (refused.reason()) {
                case ALREADY_MEMBER -> RoleProblems.problem(session, Response.Status.CONFLICT, "email", "alreadyMember",
                        "This user is already a member of the customer", null);
                case ALREADY_INVITED -> RoleProblems.problem(session, Response.Status.CONFLICT, "email", "alreadyInvited",
                        "This email already has a pending invitation", Map.of("invitation", refused.pendingInvitationId()));
                case EMAIL_NOT_SENT -> RoleProblems.problem(session, Response.Status.INTERNAL_SERVER_ERROR, "email", "emailNotSent",
                        "The invitation email could not be sent", null);
                case INVALID_EMAIL -> bad("email", "invalidEmail", "Invalid email address");
                case ORGANIZATION_DISABLED -> notFound("customerNotFound", "No such customer");
            };
        } catch (PortalAccessRefusal refused) {
            // a rule of the project (core's error contract): its code, message key and field as they are
            session.getTransactionManager().setRollbackOnly();
            Problem problem = refused.problem();
            throw Problems.of(Response.Status.fromStatusCode(refused.status()),
                    problem.field() == null ? problem.withField("email") : problem);
        } catch (ModelException refused) {
            throw bad("email", "invitationRefused", refused.getMessage());
        }
    }

    @DELETE
    @Path("customers/{customerId}/invitations/{invitationId}")
    public Response cancelInvitation(@PathParam("customerId") String customerId, @PathParam("invitationId") String invitationId) {
        AuthenticationManager.AuthResult auth = authenticate();
        OrganizationModel organization = manageableCustomer(customerId, auth);
        OrganizationInvitationModel invitation = invitation(organization, invitationId);
        invitations().cancel(organization, invitation, null);
        adminEvent(auth).operation(OperationType.DELETE).resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .resourcePath("organizations", organization.getId(), "invitations", invitation.getId())
                .detail("customer", organization.getAlias())
                .detail(UserModel.EMAIL, invitation.getEmail())
                .success();
        return Response.noContent().build();
    }

    /** Changes a member's role: {@code {"role":"Viewer"}}. Demoting the last Administrator answers 409. */
    @PUT
    @Path("customers/{customerId}/members/{userId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> changeRole(@PathParam("customerId") String customerId, @PathParam("userId") String userId,
                                          Map<String, Object> body) {
        AuthenticationManager.AuthResult auth = authenticate();
        OrganizationModel organization = manageableCustomer(customerId, auth);
        UserModel member = member(organization, userId);
        CustomerRole role = roleOf(body == null ? Map.of() : body, null);
        if (role == null) {
            throw bad("role", "required", "Role is required: Administrator, User or Viewer");
        }
        roles.setRole(organization, member, role);
        Map<String, Object> view = memberView(organization, member);
        adminEvent(auth).operation(OperationType.UPDATE).resource(ResourceType.ORGANIZATION_GROUP_MEMBERSHIP)
                .resourcePath("organizations", organization.getId(), "members", member.getId())
                .representation(view)
                .detail("customer", organization.getAlias())
                .detail(UserModel.USERNAME, member.getUsername())
                .detail("role", role.groupName())
                .success();
        return view;
    }

    /** Removes a member from the customer. Removing the last Administrator answers 409. */
    @DELETE
    @Path("customers/{customerId}/members/{userId}")
    public Response removeMember(@PathParam("customerId") String customerId, @PathParam("userId") String userId) {
        AuthenticationManager.AuthResult auth = authenticate();
        OrganizationModel organization = manageableCustomer(customerId, auth);
        UserModel member = member(organization, userId);
        String username = member.getUsername();
        organizations.removeMember(organization, member);
        adminEvent(auth).operation(OperationType.DELETE).resource(ResourceType.ORGANIZATION_MEMBERSHIP)
                .resourcePath("organizations", organization.getId(), "members", userId)
                .detail("customer", organization.getAlias())
                .detail(UserModel.USERNAME, username)
                .success();
        return Response.noContent().build();
    }

    /**
     * The customer's service accounts, for its Administrators when the vendor allows it for this customer
     * ({@link SelfServiceSettings#SERVICE_ACCOUNTS}); the same clients as the vendor's admin API lists and revokes.
     */
    @GET
    @Path("customers/{customerId}/service-accounts")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> serviceAccounts(@PathParam("customerId") String customerId) {
        return serviceAccountStore(authenticate(), customerId).list();
    }

    /** Creates one: {@code {"name":"ci","description":..}}; 201 with its secret, shown this once. */
    @POST
    @Path("customers/{customerId}/service-accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response createServiceAccount(@PathParam("customerId") String customerId, Map<String, Object> body) {
        AuthenticationManager.AuthResult auth = authenticate();
        OrganizationModel organization = manageableCustomer(customerId, auth);
        Map<String, Object> created = serviceAccountStore(auth, customerId).create(body == null ? Map.of() : body);
        Map<String, Object> withoutSecret = new LinkedHashMap<>(created);
        withoutSecret.remove("secret");
        adminEvent(auth).operation(OperationType.CREATE).resource(ResourceType.CLIENT)
                .resourcePath("clients", String.valueOf(created.get("id")))
                .representation(withoutSecret)
                .detail("customer", organization.getAlias())
                .detail("serviceAccount", String.valueOf(created.get("clientId")))
                .success();
        return Response.status(Response.Status.CREATED).entity(created).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Revokes one of the customer's service accounts (disabled, secret rotated, its tokens dead); 204. */
    @DELETE
    @Path("customers/{customerId}/service-accounts/{serviceAccountId}")
    public Response revokeServiceAccount(@PathParam("customerId") String customerId,
                                         @PathParam("serviceAccountId") String serviceAccountId) {
        AuthenticationManager.AuthResult auth = authenticate();
        OrganizationModel organization = manageableCustomer(customerId, auth);
        CustomerServiceAccountStore store = serviceAccountStore(auth, customerId);
        Map<String, Object> account = store.get(serviceAccountId);
        if (store.revoke(serviceAccountId)) {
            adminEvent(auth).operation(OperationType.UPDATE).resource(ResourceType.CLIENT)
                    .resourcePath("clients", serviceAccountId)
                    .detail("customer", organization.getAlias())
                    .detail("serviceAccount", String.valueOf(account.get("clientId")))
                    .detail("action", "revoke")
                    .success();
        }
        return Response.noContent().build();
    }

    /**
     * The customer's own SAML identity provider ({@code {"configured":false}} when there is none), for its
     * Administrators when the vendor allows it ({@link SelfServiceSettings#SAML}).
     */
    @GET
    @Path("customers/{customerId}/saml")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> saml(@PathParam("customerId") String customerId) {
        return customerSaml(authenticate(), customerId).view();
    }

    /**
     * Creates or replaces it: {@code {"source":"metadataUrl","metadataUrl":..}}, {@code {"source":"metadataXml",
     * "metadataXml":..}} or {@code {"source":"manual","entityId":..,"ssoUrl":..,"binding":"POST","signingCertificate":..}}.
     * Every change needs a new test sign-in and leaves it in state {@code testing}.
     */
    @PUT
    @Path("customers/{customerId}/saml")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> putSaml(@PathParam("customerId") String customerId, Map<String, Object> body) {
        AuthenticationManager.AuthResult auth = authenticate();
        CustomerSaml saml = customerSaml(auth, customerId);
        boolean existed = Boolean.TRUE.equals(saml.view().get("configured"));
        Map<String, Object> view = saml.put(body == null ? Map.of() : body);
        samlEvent(auth, customerId, existed ? OperationType.UPDATE : OperationType.CREATE, view).success();
        return view;
    }

    /** Removes it (unlinked from the organization, then deleted); 204, also when there was none. */
    @DELETE
    @Path("customers/{customerId}/saml")
    public Response deleteSaml(@PathParam("customerId") String customerId) {
        AuthenticationManager.AuthResult auth = authenticate();
        CustomerSaml saml = customerSaml(auth, customerId);
        Map<String, Object> before = saml.view();
        if (saml.remove()) {
            samlEvent(auth, customerId, OperationType.DELETE, before).success();
        }
        return Response.noContent().build();
    }

    /**
     * Starts a test sign-in: {@code {"url":..}}, an authorization request of the team page's client through the
     * provider, for a new window. The result is recorded on the provider (GET shows {@code tested}, {@code testedAs}).
     */
    @POST
    @Path("customers/{customerId}/saml/test")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> testSaml(@PathParam("customerId") String customerId) {
        AuthenticationManager.AuthResult auth = authenticate();
        String teamPage = session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName())
                .path("portal-access/team/").build().toString();
        Map<String, Object> answer = customerSaml(auth, customerId).startTest(TeamSignIn.CLIENT_ID, teamPage);
        samlEvent(auth, customerId, OperationType.ACTION, Map.of("action", "test")).detail("action", "test").success();
        return answer;
    }

    /** Turns it on for the customer's users ({@code {"enabled":true}}; needs a successful test) or back to testing. */
    @PUT
    @Path("customers/{customerId}/saml/enabled")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> turnSaml(@PathParam("customerId") String customerId, Map<String, Object> body) {
        AuthenticationManager.AuthResult auth = authenticate();
        CustomerSaml saml = customerSaml(auth, customerId);
        Object enabled = body == null ? null : body.get("enabled");
        if (!(enabled instanceof Boolean on)) {
            throw bad("enabled", "required", "enabled must be true or false");
        }
        Map<String, Object> view = saml.turn(on);
        samlEvent(auth, customerId, OperationType.UPDATE, view).detail("action", on ? "on" : "off").success();
        return view;
    }

    private CustomerSaml customerSaml(AuthenticationManager.AuthResult auth, String customerId) {
        OrganizationModel organization = manageableCustomer(customerId, auth);
        if (!SelfServiceSettings.samlAllowed(organization)) {
            throw RoleProblems.problem(session, Response.Status.FORBIDDEN, null, "samlNotAllowed",
                    "Customer " + organization.getName() + " may not set up its identity provider itself", null);
        }
        return new CustomerSaml(session, organization, samlMetadataAllowedHosts);
    }

    private AdminEventBuilder samlEvent(AuthenticationManager.AuthResult auth, String customerId, OperationType operation,
                                        Map<String, Object> view) {
        OrganizationModel organization = organizations.getById(customerId);
        return adminEvent(auth).operation(operation).resource(ResourceType.IDENTITY_PROVIDER)
                .resourcePath("identity-provider", "instances", CustomerSaml.aliasOf(organization))
                .representation(view)
                .detail("customer", organization.getAlias());
    }

    private CustomerServiceAccountStore serviceAccountStore(AuthenticationManager.AuthResult auth, String customerId) {
        OrganizationModel organization = manageableCustomer(customerId, auth);
        if (!SelfServiceSettings.serviceAccountsAllowed(organization)) {
            throw RoleProblems.problem(session, Response.Status.FORBIDDEN, null, "serviceAccountsNotAllowed",
                    "Customer " + organization.getName() + " may not manage its service accounts itself", null);
        }
        return new CustomerServiceAccountStore(session, realm, organization);
    }

    /** The caller's own access token, issued to one of the realm's portal clients; otherwise 401. */
    private AuthenticationManager.AuthResult authenticate() {
        AuthenticationManager.AuthResult auth = TeamSignIn.authenticate(session);
        if (!CustomerRoles.isEnabled(realm)) {
            throw notFound("customerSelfServiceOff", "Customer self-service is not enabled in this realm");
        }
        return auth;
    }

    /** The customer if the caller is a member; otherwise 404 whether or not it exists. */
    private OrganizationModel visibleCustomer(String customerId, AuthenticationManager.AuthResult auth) {
        OrganizationModel organization = customerId == null ? null : organizations.getById(customerId);
        if (organization == null || !organization.isEnabled() || !organizations.isMember(organization, auth.user())
                || !reachable(auth, organization)) {
            throw notFound("customerNotFound", "No such customer");
        }
        return organization;
    }

    /**
     * The portal's own sign-in already keeps out the members of a customer whose portal access is off
     * ({@code PortalAccessAuthenticator}); the team page's client is no portal client, so here such a customer is
     * simply not there for it (404, like one the caller does not belong to).
     */
    private static boolean reachable(AuthenticationManager.AuthResult auth, OrganizationModel organization) {
        return !TeamSignIn.isTeamPage(auth) || PortalAccessSettings.isPortalAccessEnabled(organization);
    }

    private OrganizationInvitationModel invitation(OrganizationModel organization, String invitationId) {
        OrganizationInvitationModel invitation = invitations().find(organization, invitationId);
        if (invitation == null) {
            throw notFound("invitationNotFound", "No such invitation");
        }
        return invitation;
    }

    private OrganizationModel manageableCustomer(String customerId, AuthenticationManager.AuthResult auth) {
        UserModel me = auth.user();
        OrganizationModel organization = visibleCustomer(customerId, auth);
        if (!roles.roleOf(organization, me).map(CustomerRole::canManageTeam).orElse(false)) {
            throw RoleProblems.problem(session, Response.Status.FORBIDDEN, null, "notCustomerAdministrator",
                    "Only the customer's Administrators can change its users", null);
        }
        return organization;
    }

    private UserModel member(OrganizationModel organization, String userId) {
        UserModel member = userId == null ? null : organizations.getMemberById(organization, userId);
        if (member == null) {
            throw notFound("memberNotFound", "No such member of this customer");
        }
        return member;
    }

    private CustomerRole roleOf(Map<String, Object> request, CustomerRole fallback) {
        String name = text(request, "role");
        if (name == null || name.isBlank()) {
            return fallback;
        }
        return CustomerRole.parse(name).orElseThrow(() -> bad("role", "unknownRole",
                "Unknown role '" + name + "': Administrator, User or Viewer"));
    }

    private Map<String, Object> customerView(OrganizationModel organization, UserModel me) {
        Map<String, Object> view = new LinkedHashMap<>();
        Optional<CustomerRole> role = roles.roleOf(organization, me);
        view.put("id", organization.getId());
        view.put("alias", organization.getAlias());
        view.put("name", organization.getName());
        view.put("role", role.map(CustomerRole::groupName).orElse(null));
        view.put("canManageTeam", role.map(CustomerRole::canManageTeam).orElse(false));
        view.put("serviceAccounts", SelfServiceSettings.serviceAccountsAllowed(organization));
        view.put("saml", SelfServiceSettings.samlAllowed(organization));
        FeatureCatalog catalog = CustomerFeatures.catalog(realm);
        Set<String> enabled = new CustomerFeatures(session).enabled(organization, catalog);
        view.put("features", List.copyOf(enabled));
        // the realm's catalog with this customer's state, for the team page (read only)
        view.put("featureCatalog", catalog.features().stream().map(feature -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", feature.name());
            entry.put("label", feature.label());
            entry.put("enabled", enabled.contains(feature.name()));
            return entry;
        }).collect(Collectors.toList()));
        return view;
    }

    private Map<String, Object> memberView(OrganizationModel organization, UserModel member) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", member.getId());
        view.put("username", member.getUsername());
        view.put("email", member.getEmail());
        view.put("firstName", member.getFirstName());
        view.put("lastName", member.getLastName());
        view.put("role", roles.roleOf(organization, member).map(CustomerRole::groupName).orElse(null));
        view.put("serviceAccount", member.getServiceAccountClientLink() != null);
        return view;
    }

    /** Keycloak's invitation representation (without the link, a credential) plus the role it grants. */
    private Map<String, Object> invitationView(OrganizationModel organization, OrganizationInvitationModel invitation) {
        Map<String, Object> view = InvitationService.document(invitation, false);
        view.put("role", roles.invitationRole(organization, invitation.getId()).orElse(CustomerRole.USER).groupName());
        return view;
    }

    private AdminEventBuilder adminEvent(AuthenticationManager.AuthResult auth) {
        AdminAuth actor = new AdminAuth(realm, auth.token(), auth.user(), auth.client());
        return new AdminEventBuilder(realm, actor, session, session.getContext().getConnection());
    }

    private InvitationService invitations() {
        return new InvitationService(session);
    }

    private static String text(Map<String, Object> request, String key) {
        Object value = request.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private WebApplicationException bad(String field, String error, String message) {
        return RoleProblems.problem(session, Response.Status.BAD_REQUEST, field, error, message, null);
    }

    private WebApplicationException notFound(String error, String message) {
        return RoleProblems.problem(session, Response.Status.NOT_FOUND, null, error, message, null);
    }

}
