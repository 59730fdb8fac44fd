package dev.portalaccess.keycloak.partner;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.ModelValidationException;
import org.keycloak.services.ErrorResponseException;

import dev.portalaccess.keycloak.problem.PortalAccessRefusal;
import dev.portalaccess.keycloak.problem.Problem;

/**
 * A refused partner-access change. It is a {@link ModelValidationException} so that, thrown from a
 * membership listener on any path (Keycloak's own admin REST included), it rolls the transaction back
 * and Keycloak answers 400; this extension's own REST answers {@link #status()} with {@link #body()}.
 */
final class PartnerAccessException extends ModelValidationException {

    static final String LAST_ACCESS = "lastTenantAccess";
    static final String AUTO_ADD_ON = "autoAddEnabled";
    static final String NOT_PARTNER_USER = "notPartnerUser";
    static final String PARTNER_USER = "partnerUser";

    private final int status;
    private final String field;
    private final String error;
    private final String messageKey;

    PartnerAccessException(int status, String field, String error, String messageKey, String message) {
        super(message);
        this.status = status;
        this.field = field;
        this.error = error;
        this.messageKey = messageKey;
        // Keycloak's own error handler (its admin REST, refusals at commit) writes the message into
        // error_description only when the cause is a ModelException; the refusal is one, and carries the
        // contract's body for the project's own endpoints
        initCause(refusal());
    }

    static PartnerAccessException badRequest(String field, String error, String message) {
        return new PartnerAccessException(400, field, error, messageKey(error), message);
    }

    static PartnerAccessException conflict(String field, String error, String message) {
        return new PartnerAccessException(409, field, error, messageKey(error), message);
    }

    /** The project's one message-key style: {@code portalAccessPartner<Error>} (was {@code partnerAccess.<error>}). */
    static String messageKey(String error) {
        return "portalAccessPartner" + Character.toUpperCase(error.charAt(0)) + error.substring(1);
    }

    static PartnerAccessException notFound(String field, String message) {
        return new PartnerAccessException(404, field, "notFound", "portalAccessPartnerNotFound", message);
    }

    static PartnerAccessException lastAccess(String tenantName) {
        return conflict("userId", LAST_ACCESS, "At least one user must keep access to tenant '" + tenantName
                + "': this change would leave it with no member and no pending invitation.");
    }

    static PartnerAccessException autoAddOn(String tenantName) {
        return conflict("userId", AUTO_ADD_ON, "Automatically Add Partner Users is enabled on tenant '" + tenantName
                + "': turn it off before removing individual partner users.");
    }

    /**
     * A raw write of {@link PartnerAccessSettings#AUTO_ADD} that is not {@code true} or {@code false}. Thrown as
     * Keycloak's {@link ErrorResponseException} (not a model exception), so that Keycloak's own admin REST answers
     * with this JSON body (it would reduce a model exception to a bare message) and rolls the change back.
     */
    static ErrorResponseException invalidAutoAddValue(String tenantName, java.util.List<String> values) {
        PartnerAccessException e = badRequest(PartnerAccessSettings.AUTO_ADD.key(), "invalidAutoAdd", "Organization attribute "
                + PartnerAccessSettings.AUTO_ADD.key() + " of tenant '" + tenantName + "' must be true or false, not " + values
                + ": switch \"Automatically Add Partner Users\" with PUT .../partner-access/tenants/{id}/auto-add.");
        return new ErrorResponseException(Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(e.problem()).build());
    }

    int status() {
        return status;
    }

    String error() {
        return error;
    }

    /** The refusal in the project's error contract. */
    Problem problem() {
        return Problem.of(error, field, messageKey, getMessage());
    }

    /** The same refusal as core's {@link PortalAccessRefusal} (status and body), for endpoints outside this package. */
    PortalAccessRefusal refusal() {
        return new PortalAccessRefusal(status, problem());
    }

    /** The answer body ({@link Problem}: {@code field}, {@code error}, {@code errorMessage}, {@code messageKey}, {@code params}). */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        Problem p = problem();
        body.put("field", p.field());
        body.put("error", p.error());
        body.put("errorMessage", p.errorMessage());
        body.put("messageKey", p.messageKey());
        body.put("params", p.params());
        return body;
    }
}
