package dev.portalaccess.keycloak.problem;

import java.util.List;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.services.ErrorResponseException;

/**
 * Builds the exception every endpoint of the project throws to refuse: Keycloak's {@link ErrorResponseException},
 * which rolls the request's transaction back (nothing of a refused change is stored) and answers with the
 * {@link Problem} as JSON.
 */
public final class Problems {

    private Problems() {
    }

    public static ErrorResponseException badRequest(Problem problem) {
        return of(Response.Status.BAD_REQUEST, problem);
    }

    /** 400 listing every violation of a document. */
    public static ErrorResponseException badRequest(List<Problem> violations) {
        return of(Response.Status.BAD_REQUEST, Problem.all(violations));
    }

    public static ErrorResponseException conflict(Problem problem) {
        return of(Response.Status.CONFLICT, problem);
    }

    public static ErrorResponseException notFound(Problem problem) {
        return of(Response.Status.NOT_FOUND, problem);
    }

    /** 401: no (valid) bearer token, or one not meant for this API. */
    public static ErrorResponseException unauthorized(Problem problem) {
        return of(Response.Status.UNAUTHORIZED, problem);
    }

    public static ErrorResponseException forbidden(Problem problem) {
        return of(Response.Status.FORBIDDEN, problem);
    }

    public static ErrorResponseException of(Response.Status status, Problem problem) {
        return new ErrorResponseException(response(status.getStatusCode(), problem));
    }

    /** The answer of the project's own endpoints to a refusal a listener raised inside Keycloak's model. */
    public static ErrorResponseException of(PortalAccessRefusal refusal) {
        return new ErrorResponseException(response(refusal.status(), refusal.problem()));
    }

    public static Response response(int status, Problem problem) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(problem).build();
    }
}
