package dev.portalaccess.keycloak.membership;

import jakarta.ws.rs.core.Response;

import org.keycloak.services.ErrorResponseException;

/**
 * Thrown where a membership change breaks a customer's rule (domain restriction, invitation required,
 * an invalid setting). It carries the finished answer: a 400 JSON body on REST, a localized error page on
 * login pages. Being an {@link ErrorResponseException}, its {@link #getResponse()} marks the request's
 * transaction rollback-only, so everything the request did before (a user created by the first broker
 * login, an expired invitation removed) is undone with it: all or nothing.
 *
 * <p>It is deliberately not a {@code ModelException}: Keycloak's admin resources turn those into a bare
 * {@code {"errorMessage": ...}} and we answer with the field and the reason.
 */
public final class MembershipRefusedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    private final String error;
    private final String field;
    private final String description;

    MembershipRefusedException(Response response, String error, String field, String description) {
        super(response);
        this.error = error;
        this.field = field;
        this.description = description;
    }

    /** camelCase reason code, as in the JSON body's {@code error}. */
    @Override
    public String getError() {
        return error;
    }

    /** The input the refusal is about: {@code email} or the organization attribute name. */
    public String getField() {
        return field;
    }

    @Override
    public String getErrorDescription() {
        return description;
    }

    @Override
    public String getMessage() {
        return error + ": " + description;
    }
}
