package dev.portalaccess.keycloak.customer.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.RepresentationToModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.customer.DocumentChecks;
import dev.portalaccess.keycloak.customer.JsonDocuments;
import dev.portalaccess.keycloak.customer.PortalAccessSettings;
import dev.portalaccess.keycloak.customer.invite.CustomerInvitations;
import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;
import dev.portalaccess.keycloak.settings.CustomerSettingsDocument;
import dev.portalaccess.keycloak.settings.InvalidSettingValue;

/**
 * {@code /admin/realms/{realm}/portal-access/customers}: the customers list (search by name, alias or domain, paged by
 * the database), its count, the creation of a customer, and one customer ({@link CustomerResource}). Permissions are
 * Keycloak's organization permissions: list and count {@code query}, create {@code manage}.
 */
public final class CustomersResource {

    static final int DEFAULT_MAX = 20;
    static final int MAX = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    CustomersResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode list(@QueryParam("search") String search, @QueryParam("first") @DefaultValue("0") int first,
                                          @QueryParam("max") @DefaultValue("" + DEFAULT_MAX) int max) {
        Access.requireOrganizations(realm);
        Access.requireQuery(auth);
        if (first < 0 || max < 1 || max > MAX) {
            throw Problems.badRequest(Problem.of("invalidPage", first < 0 ? "first" : "max", "portalAccessInvalidPage",
                    "first must be 0 or more and max between 1 and " + MAX + "."));
        }
        if (!Access.seesAny(session, realm, auth)) {
            return JsonDocuments.tree(List.of());
        }
        CustomerQueries queries = new CustomerQueries(session);
        List<String> ids = queries.search(realm, search, first, max);
        Map<String, Long> pending = queries.pendingInvitations(ids);
        OrganizationProvider organizations = session.getProvider(OrganizationProvider.class);
        List<Map<String, Object>> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            OrganizationModel organization = organizations.getById(id);
            if (organization != null) {
                rows.add(row(session, organization, pending.getOrDefault(id, 0L)));
            }
        }
        return JsonDocuments.tree(rows);
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public long count(@QueryParam("search") String search) {
        Access.requireOrganizations(realm);
        Access.requireQuery(auth);
        return Access.seesAny(session, realm, auth) ? new CustomerQueries(session).count(realm, search) : 0L;
    }

    /**
     * Creates a customer through Keycloak's own organization creation ({@code OrganizationProvider.create} and
     * the representation mapping of {@code POST /organizations}, with its admin event), committed on its own, then
     * sends the automatic invitation when the realm wants one (a refused invitation never undoes the customer) and
     * answers whether it went out.
     */
    @POST
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(JsonNode body) {
        Access.requireOrganizations(realm);
        Access.requireCreate(auth);
        OrganizationRepresentation rep = representation(body);
        AdminAuth admin = auth.adminAuth();
        String id;
        try {
            id = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), creating -> {
                RealmModel inRealm = creating.realms().getRealm(realm.getId());
                creating.getContext().setRealm(inRealm);
                CustomerInvitations.invitesItself(creating);
                OrganizationModel model = creating.getProvider(OrganizationProvider.class).create(rep.getName(), rep.getAlias());
                creating.getContext().setOrganization(model);
                RepresentationToModel.toModel(rep, model);
                rep.setId(model.getId());
                rep.setAlias(model.getAlias());
                new AdminEventBuilder(inRealm, admin, creating, session.getContext().getConnection())
                        .resource(ResourceType.ORGANIZATION).operation(OperationType.CREATE)
                        .resourcePath("organizations", model.getId()).representation(rep)
                        .detail("portalAccessApi", "customers").success();
                return model.getId();
            });
        } catch (ModelDuplicateException e) {
            throw Problems.conflict(Problem.of("customerExists", "alias", "portalAccessCustomerExists", e.getMessage()));
        } catch (ModelException e) {
            throw Problems.badRequest(Problem.of("invalidCustomer", null, "portalAccessCustomerInvalid", e.getMessage()));
        }
        CustomerInvitations.AutoInviteOutcome invite = CustomerInvitations.autoInviteNow(session, realm, id, admin);
        OrganizationModel created = session.getProvider(OrganizationProvider.class).getById(id);
        Map<String, Object> out = row(session, created, 0L);
        Map<String, Object> autoInvite = new LinkedHashMap<>();
        autoInvite.put("sent", invite.sent());
        autoInvite.put("reason", invite.reason());
        out.put("autoInvite", autoInvite);
        return Response.created(session.getContext().getUri().getAbsolutePathBuilder().path(id).build())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(JsonDocuments.tree(out)).build();
    }

    @Path("{id}")
    public CustomerResource customer(@PathParam("id") String id) {
        Access.requireOrganizations(realm);
        OrganizationModel organization = Access.viewable(session, auth, id);
        session.getContext().setOrganization(organization);
        return new CustomerResource(session, realm, organization, auth, adminEvent);
    }

    /** One row of the list: no member is loaded (Keycloak's member count is one count query). */
    static Map<String, Object> row(KeycloakSession session, OrganizationModel organization, long pendingInvitations) {
        Map<String, Object> summary = CustomerSettingsDocument.summary(session, organization);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", organization.getId());
        row.put("name", organization.getName());
        row.put("alias", organization.getAlias());
        row.put("enabled", organization.isEnabled());
        row.put("portalAccess", PortalAccessSettings.isPortalAccessEnabled(organization));
        row.put("members", session.getProvider(OrganizationProvider.class).getMembersCount(organization));
        row.put("pendingInvitations", pendingInvitations);
        Object features = summary.get("features");
        row.put("features", features != null ? features : Map.of("enabled", 0, "total", 0));
        row.put("domainRestriction", flag(summary.get("domainRestriction")));
        return row;
    }

    /** A section summary as a flag: a boolean, or an object's {@code enabled}. */
    private static boolean flag(Object summary) {
        if (summary instanceof Boolean b) {
            return b;
        }
        if (summary instanceof Map<?, ?> map && map.get("enabled") instanceof Boolean b) {
            return b;
        }
        if (summary instanceof JsonNode node) {
            return node.isBoolean() ? node.asBoolean() : node.path("enabled").asBoolean(false);
        }
        return false;
    }

    private static final Set<String> CREATE_PROPERTIES = Set.of("name", "alias", "description", "contactEmail", "portalUrl", "domains");

    /** The new customer, validated as a whole (400 listing every bad field). */
    private OrganizationRepresentation representation(JsonNode body) {
        List<Problem> violations = new ArrayList<>();
        if (!DocumentChecks.object(body, "", CREATE_PROPERTIES, violations)) {
            throw Problems.badRequest(violations);
        }
        String name = text(body, "name");
        if (name == null || name.isBlank()) {
            violations.add(Problem.of("required", "name", "portalAccessRequired", "A customer needs a name.", "name"));
        }
        String alias = text(body, "alias");
        if (body.has("alias") && !body.get("alias").isNull() && (alias == null || alias.isBlank() || alias.trim().contains(" "))) {
            violations.add(Problem.of(dev.portalaccess.keycloak.settings.SettingTypes.INVALID_VALUE, "alias",
                    "portalAccessCustomerAliasInvalid", "An alias is a non-empty text without spaces.", String.valueOf(alias)));
        }
        DocumentChecks.text(PortalAccessSettings.CONTACT_EMAIL, body.get("contactEmail"), "contactEmail", violations);
        String portalUrl = null;
        JsonNode url = body.get("portalUrl");
        if (url != null && !url.isNull()) {
            try {
                portalUrl = PortalAccessSettings.PORTAL_URL_TYPE.parse(url.isTextual() ? url.asText() : url.toString());
            } catch (InvalidSettingValue e) {
                violations.add(Problem.of(e.error(), "portalUrl", e.messageKey(), e.reason(), url.asText()));
            }
        }
        List<org.keycloak.representations.idm.OrganizationDomainRepresentation> domains = new ArrayList<>();
        JsonNode domainList = body.get("domains");
        if (domainList != null && !domainList.isNull()) {
            if (!domainList.isArray()) {
                violations.add(Problem.of(dev.portalaccess.keycloak.settings.SettingTypes.INVALID_VALUE, "domains",
                        dev.portalaccess.keycloak.settings.SettingTypes.INVALID_VALUE_KEY, "Expected an array of domain names."));
            } else {
                for (int i = 0; i < domainList.size(); i++) {
                    JsonNode d = domainList.get(i);
                    if (!d.isTextual() || d.asText().isBlank()) {
                        violations.add(Problem.of(dev.portalaccess.keycloak.settings.SettingTypes.INVALID_VALUE, "domains[" + i + "]",
                                dev.portalaccess.keycloak.settings.SettingTypes.INVALID_VALUE_KEY, "Expected a domain name.", d.toString()));
                    } else {
                        domains.add(new org.keycloak.representations.idm.OrganizationDomainRepresentation(d.asText().trim()));
                    }
                }
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.badRequest(violations);
        }
        OrganizationRepresentation rep = new OrganizationRepresentation();
        rep.setName(name.trim());
        // without an alias Keycloak takes the name, which must then have no spaces: derive one that has none
        rep.setAlias(alias == null || alias.isBlank() ? aliasOf(name) : alias.trim());
        rep.setDescription(text(body, "description"));
        rep.setRedirectUrl(portalUrl);
        rep.setEnabled(true);
        domains.forEach(rep::addDomain);
        Map<String, List<String>> attributes = new HashMap<>();
        String contact = text(body, "contactEmail");
        if (contact != null) {
            try {
                attributes.put(PortalAccessSettings.CONTACT_EMAIL.key(),
                        PortalAccessSettings.CONTACT_EMAIL.canonical(List.of(contact), "contactEmail"));
            } catch (dev.portalaccess.keycloak.settings.SettingViolation v) {
                throw Problems.badRequest(v.problem());
            }
        }
        rep.setAttributes(attributes);
        return rep;
    }

    /** {@code "Acme Corp."} -> {@code "acme-corp"}: lower case, runs of anything but letters and digits as one '-'. */
    static String aliasOf(String name) {
        String alias = java.text.Normalizer.normalize(name.trim(), java.text.Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return alias.isEmpty() ? null : alias;
    }

    private static String text(JsonNode body, String name) {
        JsonNode value = body.get(name);
        return value == null || value.isNull() ? null : value.asText();
    }
}
