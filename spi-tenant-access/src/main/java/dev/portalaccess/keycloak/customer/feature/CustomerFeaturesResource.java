package dev.portalaccess.keycloak.customer.feature;

import dev.portalaccess.keycloak.rest.RealmRights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.portalaccess.keycloak.customer.role.RoleProblems;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Admin REST under {@code /admin/realms/{realm}/customer-features}: the realm's feature catalog and each
 * customer's enabled features. Reading needs view-realm, changing manage-realm; every change is an admin event.
 */
public final class CustomerFeaturesResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    CustomerFeaturesResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /** The realm's feature catalog. */
    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> catalog() {
        RealmRights.requireViewRealm(auth, "read the customer features");
        return Map.of("catalog", catalogView(CustomerFeatures.catalog(realm)));
    }

    /** Replaces the catalog (a JSON array, see {@link FeatureCatalog}); 400 naming what is wrong. */
    @PUT
    @Path("catalog")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> setCatalog(String body) {
        RealmRights.requireManageRealm(auth, "change the customer features");
        FeatureCatalog catalog;
        try {
            catalog = FeatureCatalog.parse(body);
        } catch (FeatureCatalog.InvalidFeatureCatalogException e) {
            throw RoleProblems.problem(session, Response.Status.BAD_REQUEST, "catalog", e.error(), e.getMessage(), null);
        }
        realm.setAttribute(CustomerFeatureSettings.CATALOG.key(), CustomerFeatureSettings.CATALOG.write(catalog));
        adminEvent.operation(OperationType.UPDATE).resource(ResourceType.REALM)
                .resourcePath(session.getContext().getUri()).representation(catalogView(catalog)).success();
        return Map.of("catalog", catalogView(catalog));
    }

    /** Every customer with the number of enabled features (the "Features (n)" button). */
    @GET
    @Path("customers")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> customers() {
        RealmRights.requireViewRealm(auth, "read the customer features");
        FeatureCatalog catalog = CustomerFeatures.catalog(realm);
        CustomerFeatures features = new CustomerFeatures(session);
        return organizations().getAllStream().map(organization -> {
            Set<String> enabled = features.enabled(organization, catalog);
            Map<String, Object> view = customerHeader(organization);
            view.put("enabledCount", enabled.size());
            view.put("featureCount", catalog.features().size());
            view.put("features", new ArrayList<>(enabled));
            return view;
        }).collect(Collectors.toList());
    }

    @GET
    @Path("customers/{customerId}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> customer(@PathParam("customerId") String customerId) {
        RealmRights.requireViewRealm(auth, "read the customer features");
        return customerView(findCustomer(customerId));
    }

    /** Sets the enabled features: {@code {"features":["alerts", ...]}}; what they require is enabled too. */
    @PUT
    @Path("customers/{customerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> setFeatures(@PathParam("customerId") String customerId, String body) {
        RealmRights.requireManageRealm(auth, "change the customer features");
        OrganizationModel organization = findCustomer(customerId);
        List<String> wanted = parseFeatureList(body);
        FeatureCatalog catalog = CustomerFeatures.catalog(realm);
        catalog.firstUnknown(wanted).ifPresent(unknown -> {
            throw unknownFeature(unknown);
        });
        return change(organization, catalog.change(wanted));
    }

    /** Enables one feature and what it requires. */
    @PUT
    @Path("customers/{customerId}/{feature}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> enable(@PathParam("customerId") String customerId, @PathParam("feature") String feature) {
        RealmRights.requireManageRealm(auth, "change the customer features");
        OrganizationModel organization = findCustomer(customerId);
        FeatureCatalog catalog = knownFeature(feature);
        return change(organization, catalog.enable(new CustomerFeatures(session).enabled(organization, catalog), feature));
    }

    /** Disables one feature and what requires it. */
    @DELETE
    @Path("customers/{customerId}/{feature}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> disable(@PathParam("customerId") String customerId, @PathParam("feature") String feature) {
        RealmRights.requireManageRealm(auth, "change the customer features");
        OrganizationModel organization = findCustomer(customerId);
        FeatureCatalog catalog = knownFeature(feature);
        return change(organization, catalog.disable(new CustomerFeatures(session).enabled(organization, catalog), feature));
    }

    private Map<String, Object> change(OrganizationModel organization, Set<String> result) {
        new CustomerFeatures(session).store(organization, result);
        Map<String, Object> view = customerView(organization);
        adminEvent.operation(OperationType.UPDATE).resource(ResourceType.ORGANIZATION)
                .resourcePath(session.getContext().getUri())
                .representation(Map.of("customer", organization.getId(), "features", result))
                .success();
        return view;
    }

    private FeatureCatalog knownFeature(String feature) {
        FeatureCatalog catalog = CustomerFeatures.catalog(realm);
        if (!catalog.contains(feature)) {
            throw unknownFeature(feature);
        }
        return catalog;
    }

    private RuntimeException unknownFeature(String feature) {
        return RoleProblems.problem(session, Response.Status.BAD_REQUEST, "features", "unknownFeature",
                "Unknown feature '" + feature + "'", Map.of("feature", String.valueOf(feature)));
    }

    private List<String> parseFeatureList(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            throw RoleProblems.problem(session, Response.Status.BAD_REQUEST, null, "invalidJson", "The body is not valid JSON", null);
        }
        JsonNode list = root == null ? null : root.get("features");
        if (list == null || !list.isArray()) {
            throw RoleProblems.problem(session, Response.Status.BAD_REQUEST, "features", "required",
                    "Send {\"features\":[...]} with the names of the features to enable", null);
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : list) {
            if (!name.isTextual()) {
                throw RoleProblems.problem(session, Response.Status.BAD_REQUEST, "features", "invalidFeature",
                        "Feature names are strings", null);
            }
            names.add(name.asText());
        }
        return names;
    }

    private OrganizationModel findCustomer(String customerId) {
        OrganizationModel organization = organizations().getById(customerId);
        if (organization == null) {
            throw RoleProblems.problem(session, Response.Status.NOT_FOUND, null, "customerNotFound", "No such customer", null);
        }
        return organization;
    }

    private Map<String, Object> customerView(OrganizationModel organization) {
        FeatureCatalog catalog = CustomerFeatures.catalog(realm);
        CustomerFeatures features = new CustomerFeatures(session);
        Set<String> enabled = features.enabled(organization, catalog);
        Map<String, Object> view = customerHeader(organization);
        view.put("configured", features.isConfigured(organization));
        view.put("enabledCount", enabled.size());
        view.put("features", new ArrayList<>(enabled));
        List<Map<String, Object>> available = catalogView(catalog);
        available.forEach(feature -> feature.put("enabled", enabled.contains((String) feature.get("name"))));
        view.put("available", available);
        return view;
    }

    private static Map<String, Object> customerHeader(OrganizationModel organization) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", organization.getId());
        view.put("alias", organization.getAlias());
        view.put("name", organization.getName());
        return view;
    }

    private static List<Map<String, Object>> catalogView(FeatureCatalog catalog) {
        return catalog.features().stream().map(feature -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", feature.name());
            view.put("label", feature.label());
            view.put("default", feature.enabledByDefault());
            view.put("requires", feature.requires());
            return view;
        }).collect(Collectors.toList());
    }

    private OrganizationProvider organizations() {
        return session.getProvider(OrganizationProvider.class);
    }
}
