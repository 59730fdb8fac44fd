package dev.portalaccess.keycloak.customer.role;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponseException;

/**
 * Refusals as JSON answers {@code {"field":..,"error":..,"errorMessage":..}}. They are thrown from model
 * listeners too, so every path (this project's API, Keycloak's admin REST) answers the same, and the
 * transaction is marked rollback-only first: nothing of the refused change is kept.
 */
public final class RoleProblems {

    public static final String LAST_ADMINISTRATOR = "lastAdministrator";

    private RoleProblems() {
    }

    public static ErrorResponseException lastAdministrator(KeycloakSession session, OrganizationModel organization, UserModel user) {
        return problem(session, Response.Status.CONFLICT, "role", LAST_ADMINISTRATOR,
                "User " + user.getUsername() + " is the last Administrator of customer " + organization.getName()
                        + ": appoint another Administrator first",
                Map.of("customer", organization.getId(), "user", user.getId()));
    }

    public static ErrorResponseException problem(KeycloakSession session, Response.Status status, String field, String error,
                                                 String message, Map<String, String> extra) {
        if (session != null && session.getTransactionManager().isActive()) {
            session.getTransactionManager().setRollbackOnly();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (field != null) {
            body.put("field", field);
        }
        body.put("error", error);
        body.put("errorMessage", message);
        if (extra != null) {
            body.putAll(extra);
        }
        return new ErrorResponseException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
