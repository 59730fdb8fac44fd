package dev.portalaccess.keycloak.customer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Settings documents as JSON trees that keep their {@code null}s: Keycloak's JSON writer leaves null properties out,
 * but the typed API's documents list every setting ({@code "contactEmail": null} means "none", and the console
 * renders the field). A tree is written as it is.
 */
public final class JsonDocuments {

    /** Jackson's defaults: nulls included. Configured once, never changed (thread-safe). */
    private static final ObjectMapper WITH_NULLS = new ObjectMapper();

    private JsonDocuments() {
    }

    public static JsonNode tree(Object document) {
        return WITH_NULLS.valueToTree(document);
    }
}
