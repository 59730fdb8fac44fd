package dev.portalaccess.keycloak.customer.serviceaccount;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A JSON error answer naming the field and the reason: {@code {"field","error","errorMessage"}}. */
final class ApiError {

    private ApiError() {
    }

    static WebApplicationException of(Response.Status status, String field, String error, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        if (field != null) {
            body.put("field", field);
        }
        body.put("error", error);
        body.put("errorMessage", message);
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build());
    }
}
