package dev.portalaccess.keycloak.customer.serviceaccount;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;
import dev.portalaccess.keycloak.customer.invite.CustomerInvitationSettings;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.protocol.oidc.mappers.AudienceProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ClientsResource;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/customers/{customerId}/service-accounts}: a customer's service accounts
 * for CI/CD. Each is a confidential Keycloak client with only the client-credentials grant, the client
 * attribute {@code portalaccess.customer} and a mapper that puts the customer into its tokens. Revoking
 * disables it, rotates its secret and sets its not-before: existing tokens fail introspection, new ones are refused.
 */
public final class CustomerServiceAccountsResource {

    private static final Logger LOG = Logger.getLogger(CustomerServiceAccountsResource.class);

    static final String ATTR_CREATED_AT = "portalaccess.serviceAccount.createdAt";
    static final String ATTR_REVOKED_AT = "portalaccess.serviceAccount.revokedAt";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,47}");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    CustomerServiceAccountsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Path("{customerId}/service-accounts")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<Map<String, Object>> list(@PathParam("customerId") String customerId) {
        requireView();
        OrganizationModel customer = customer(customerId);
        // portalaccess.customer is not one of Keycloak's searchable client attributes: filter the realm's clients
        return session.clients().getClientsStream(realm)
                .filter(c -> customer.getId().equals(PortalAccessSettings.serviceAccountCustomer(c)))
                .map(c -> representation(c, customer, null));
    }

    @GET
    @Path("{customerId}/service-accounts/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get(@PathParam("customerId") String customerId, @PathParam("id") String id) {
        requireView();
        OrganizationModel customer = customer(customerId);
        return representation(serviceAccount(customer, id), customer, null);
    }

    @POST
    @Path("{customerId}/service-accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("customerId") String customerId, Map<String, Object> body) {
        requireManage();
        OrganizationModel customer = customer(customerId);
        Object rawName = body == null ? null : body.get("name");
        if (!(rawName instanceof String) || ((String) rawName).isBlank()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "name", "required", "A service account needs a name");
        }
        String name = ((String) rawName).trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, "name", "invalidName",
                    "The name may use a-z, 0-9, '.', '_' and '-', start with a letter or digit, at most 48 characters");
        }
        String description = body.get("description") instanceof String d ? d : null;
        String clientId = "customer-" + customer.getAlias() + "-" + name;
        if (realm.getClientByClientId(clientId) != null) {
            throw ApiError.of(Response.Status.CONFLICT, "name", "exists",
                    "Customer " + customer.getAlias() + " already has a service account named " + name);
        }

        ClientModel client = new ClientsResource(session, auth, adminEvent.detail("customer", customer.getId()))
                .createClientModel(clientRepresentation(customer, clientId, name, description));
        joinCustomer(customer, client);
        String secret = client.getSecret();
        if (secret == null || secret.isBlank()) {
            secret = KeycloakModelUtils.generateSecret(client);
        }
        LOG.debugf("Service account %s created for customer %s", clientId, customer.getAlias());
        return Response.status(Response.Status.CREATED)
                .location(session.getContext().getUri().getAbsolutePathBuilder().path(client.getId()).build())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(representation(client, customer, secret))
                .build();
    }

    @DELETE
    @Path("{customerId}/service-accounts/{id}")
    public Response revoke(@PathParam("customerId") String customerId, @PathParam("id") String id) {
        requireManage();
        OrganizationModel customer = customer(customerId);
        ClientModel client = serviceAccount(customer, id);
        if (!auth.clients().canManage(client)) {
            throw Problems.forbidden(Problem.of("forbidden", null, "portalAccessForbidden",
                    "Revoking " + client.getClientId() + " needs manage-clients."));
        }
        if (client.getAttribute(ATTR_REVOKED_AT) == null) {
            int now = Time.currentTime();
            client.setEnabled(false);
            // even if someone enables the client again, the old secret and the old tokens stay dead
            KeycloakModelUtils.generateSecret(client);
            client.setNotBefore(now);
            client.setAttribute(ATTR_REVOKED_AT, String.valueOf(now));
            UserModel serviceAccountUser = session.users().getServiceAccount(client);
            if (serviceAccountUser != null) {
                serviceAccountUser.setEnabled(false);
            }
            adminEvent.resource(ResourceType.CLIENT).operation(OperationType.UPDATE)
                    .resourcePath(session.getContext().getUri())
                    .detail("customer", customer.getId())
                    .detail("serviceAccount", client.getClientId())
                    .detail("action", "revoke")
                    .success();
            LOG.debugf("Service account %s of customer %s revoked", client.getClientId(), customer.getAlias());
        }
        return Response.noContent().build();
    }

    /**
     * The service-account user becomes a member of the customer: Keycloak checks, at introspection and
     * token exchange, that the subject of a token with an organization claim is a member of it.
     */
    private void joinCustomer(OrganizationModel customer, ClientModel client) {
        UserModel serviceAccountUser = session.users().getServiceAccount(client);
        RuntimeException refusal = null;
        try {
            if (serviceAccountUser == null || !session.getProvider(OrganizationProvider.class).addMember(customer, serviceAccountUser)) {
                refusal = new IllegalStateException("the service-account user could not join the customer");
            }
        } catch (ModelException | jakarta.ws.rs.WebApplicationException e) {
            // e.g. a domain restriction refusing a member without an email address
            refusal = e;
        }
        if (refusal != null) {
            session.getTransactionManager().setRollbackOnly();
            throw ApiError.of(Response.Status.BAD_REQUEST, "customerId", "membershipRefused",
                    "The service account cannot join customer " + customer.getAlias() + ": " + refusal.getMessage());
        }
    }

    private ClientRepresentation clientRepresentation(OrganizationModel customer, String clientId, String name, String description) {
        ClientRepresentation rep = new ClientRepresentation();
        rep.setClientId(clientId);
        rep.setName(name);
        rep.setDescription(description != null ? description : "Service account of customer " + customer.getName());
        rep.setProtocol("openid-connect");
        rep.setEnabled(true);
        rep.setPublicClient(false);
        rep.setBearerOnly(false);
        rep.setClientAuthenticatorType("client-secret");
        rep.setServiceAccountsEnabled(true);
        rep.setStandardFlowEnabled(false);
        rep.setImplicitFlowEnabled(false);
        rep.setDirectAccessGrantsEnabled(false);
        rep.setConsentRequired(false);
        Map<String, String> attributes = new HashMap<>();
        attributes.put(PortalAccessSettings.SERVICE_ACCOUNT_CUSTOMER.key(), customer.getId());
        attributes.put(ATTR_CREATED_AT, String.valueOf(Time.currentTime()));
        rep.setAttributes(attributes);
        List<ProtocolMapperRepresentation> mappers = new java.util.ArrayList<>();
        mappers.add(CustomerOrganizationMapper.representation());
        String audience = audience();
        if (audience != null) {
            ProtocolMapperRepresentation aud = new ProtocolMapperRepresentation();
            aud.setName("portal audience");
            aud.setProtocol("openid-connect");
            aud.setProtocolMapper(AudienceProtocolMapper.PROVIDER_ID);
            aud.setConfig(Map.of(AudienceProtocolMapper.INCLUDED_CLIENT_AUDIENCE, audience,
                    OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true",
                    OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true"));
            mappers.add(aud);
        }
        rep.setProtocolMappers(mappers);
        return rep;
    }

    /** Who consumes customer service-account tokens: the realm attribute, else the portal client. */
    private String audience() {
        String configured = CustomerInvitationSettings.SERVICE_ACCOUNT_AUDIENCE.read(realm);
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        ClientModel portal = PortalAccessSettings.portalClient(realm);
        return portal == null ? null : portal.getClientId();
    }

    private Map<String, Object> representation(ClientModel client, OrganizationModel customer, String secret) {
        Map<String, Object> rep = new LinkedHashMap<>();
        rep.put("id", client.getId());
        rep.put("clientId", client.getClientId());
        rep.put("name", client.getName());
        rep.put("description", client.getDescription());
        rep.put("customerId", customer.getId());
        rep.put("customerAlias", customer.getAlias());
        String revokedAt = client.getAttribute(ATTR_REVOKED_AT);
        rep.put("status", revokedAt == null ? "active" : "revoked");
        rep.put("createdAt", epoch(client.getAttribute(ATTR_CREATED_AT)));
        rep.put("revokedAt", epoch(revokedAt));
        if (secret != null) {
            rep.put("secret", secret);
        }
        return rep;
    }

    private static Long epoch(String seconds) {
        try {
            return seconds == null ? null : Long.parseLong(seconds);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private OrganizationModel customer(String customerId) {
        if (!realm.isOrganizationsEnabled()) {
            throw ApiError.of(Response.Status.BAD_REQUEST, null, "organizationsDisabled", "Organizations are not enabled in this realm");
        }
        OrganizationModel customer = session.getProvider(OrganizationProvider.class).getById(customerId);
        if (customer == null) {
            throw ApiError.of(Response.Status.NOT_FOUND, "customerId", "notFound", "No customer " + customerId);
        }
        return customer;
    }

    private ClientModel serviceAccount(OrganizationModel customer, String id) {
        ClientModel client = session.clients().getClientById(realm, id);
        if (client == null || !customer.getId().equals(PortalAccessSettings.serviceAccountCustomer(client))) {
            throw ApiError.of(Response.Status.NOT_FOUND, "id", "notFound", "Customer " + customer.getAlias() + " has no service account " + id);
        }
        return client;
    }

    private void requireView() {
        if (!auth.clients().canView() && !auth.realm().canViewRealm()) {
            throw Problems.forbidden(Problem.of("forbidden", null, "portalAccessForbidden",
                    "Reading service accounts needs view-clients or view-realm."));
        }
    }

    private void requireManage() {
        if (!auth.clients().canManage()) {
            throw Problems.forbidden(Problem.of("forbidden", null, "portalAccessForbidden",
                    "Changing service accounts needs manage-clients."));
        }
    }

}
