package dev.portalaccess.keycloak.customer.role;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;
import org.keycloak.util.JsonSerialization;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * Refusals of customer roles, features and self-service in the project's error contract ({@link Problem}: {@code field},
 * {@code error}, {@code errorMessage}, {@code messageKey} = {@code portalAccessCustomer<Error>}, {@code params}), plus the
 * properties earlier versions answered (e.g. {@code customer}, {@code user}, {@code feature}), kept for their clients.
 * They are thrown from model listeners too, so every path (this project's API, Keycloak's admin REST) answers the
 * same, and the transaction is marked rollback-only first: nothing of the refused change is kept.
 */
public final class RoleProblems {

    public static final String LAST_ADMINISTRATOR = "lastAdministrator";

    private RoleProblems() {
    }

    public static ErrorResponseException lastAdministrator(KeycloakSession session, OrganizationModel organization, UserModel user) {
        return problem(session, Response.Status.CONFLICT, "role", LAST_ADMINISTRATOR,
                "User " + user.getUsername() + " is the last Administrator of customer " + organization.getName()
                        + ": appoint another Administrator first",
                Map.of("customer", organization.getId(), "user", user.getId()), user.getUsername(), organization.getName());
    }

    public static ErrorResponseException problem(KeycloakSession session, Response.Status status, String field, String error,
                                                 String message, Map<String, String> extra, String... params) {
        if (session != null && session.getTransactionManager().isActive()) {
            session.getTransactionManager().setRollbackOnly();
        }
        List<String> all = new ArrayList<>(List.of(params));
        if (params.length == 0 && extra != null) {
            all.addAll(extra.values());
        }
        Problem problem = new Problem(error, message, field, messageKey(error), all, null);
        ObjectNode body = JsonSerialization.mapper.valueToTree(problem);
        if (extra != null) {
            extra.forEach(body::put);
        }
        return new ErrorResponseException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }

    /** {@code portalAccessCustomer} + the error code with a capital first letter, e.g. {@code portalAccessCustomerLastAdministrator}. */
    static String messageKey(String error) {
        return "portalAccessCustomer" + Character.toUpperCase(error.charAt(0)) + error.substring(1);
    }
}
