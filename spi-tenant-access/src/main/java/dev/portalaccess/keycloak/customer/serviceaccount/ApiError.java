package dev.portalaccess.keycloak.customer.serviceaccount;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/** A refusal of the service-account API in the project's error contract ({@link Problem}), naming the field. */
final class ApiError {

    private ApiError() {
    }

    static WebApplicationException of(Response.Status status, String field, String error, String message) {
        return Problems.of(status, Problem.of(error, field, "portalAccessServiceAccount" + Character.toUpperCase(error.charAt(0))
                + error.substring(1), message));
    }
}
