package dev.portalaccess.keycloak.customer.serviceaccount;

import java.util.Map;
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

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * {@code .../portal-access/customers/{id}/service-accounts}: {@link CustomerServiceAccountsResource} mounted below one
 * customer (same bodies and answers as under the deprecated {@code /admin/realms/{realm}/customers}). The customers
 * API has already checked the organization's view permission; changes also need its manage permission, and, as
 * everywhere, manage-clients.
 */
public final class CustomerServiceAccounts {

    private final CustomerServiceAccountsResource accounts;
    private final OrganizationModel customer;
    private final boolean mayManageCustomer;

    public CustomerServiceAccounts(KeycloakSession session, RealmModel realm, OrganizationModel customer,
                                   AdminPermissionEvaluator auth, AdminEventBuilder adminEvent, boolean mayManageCustomer) {
        this.accounts = new CustomerServiceAccountsResource(session, realm, auth, adminEvent);
        this.customer = customer;
        this.mayManageCustomer = mayManageCustomer;
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public Stream<Map<String, Object>> list() {
        return accounts.list(customer.getId());
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> get(@PathParam("id") String id) {
        return accounts.get(customer.getId(), id);
    }

    @POST
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(Map<String, Object> body) {
        requireManageCustomer();
        return accounts.create(customer.getId(), body);
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        requireManageCustomer();
        return accounts.revoke(customer.getId(), id);
    }

    private void requireManageCustomer() {
        if (!mayManageCustomer) {
            throw Problems.forbidden(Problem.of("forbidden", null, "portalAccessForbidden",
                    "Changing the service accounts of customer " + customer.getAlias() + " needs its manage permission."));
        }
    }
}
