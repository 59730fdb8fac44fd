package dev.portalaccess.keycloak.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;
import dev.portalaccess.keycloak.settings.RealmSettingsDocument;

/**
 * {@code /admin/realms/{realm}/portal-access/settings/{id}}: the realm's policy documents
 * ({@link RealmSettingsDocument}), read with view-realm and written with manage-realm like Keycloak's own realm
 * settings; a write is validated as a whole first and answered with the stored document; {@code POST {id}/check}
 * runs the same validation and stores nothing.
 */
public final class RealmSettingsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    RealmSettingsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.REALM);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Object read(@PathParam("id") String id) {
        RealmRights.requireViewRealm(auth, "read the Portal Access settings " + id);
        return document(id).read(session, realm);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Object write(@PathParam("id") String id, JsonNode body) {
        RealmRights.requireManageRealm(auth, "change the Portal Access settings " + id);
        RealmSettingsDocument document = validated(id, body);
        document.write(session, realm, body);
        Object stored = document.read(session, realm);
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri())
                .detail("portalAccessSettings", id).representation(stored).success();
        return stored;
    }

    /**
     * {@code POST {id}/check}: validates a document exactly as {@link #write} would and stores nothing, emits no
     * admin event; 200 {@code {"valid":true}} or the 400 of the write. Needs manage-realm like the write, whose
     * refusals it previews.
     */
    @POST
    @Path("{id}/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> check(@PathParam("id") String id, JsonNode body) {
        RealmRights.requireManageRealm(auth, "check the Portal Access settings " + id);
        validated(id, body);
        return Map.of("valid", true);
    }

    private RealmSettingsDocument validated(String id, JsonNode body) {
        RealmSettingsDocument document = document(id);
        if (body == null || !body.isObject()) {
            throw Problems.badRequest(Problem.of("invalidDocument", null, "portalAccessInvalidDocument",
                    "Expected a JSON object."));
        }
        List<Problem> violations = document.validate(session, realm, body);
        if (!violations.isEmpty()) {
            throw Problems.badRequest(violations);
        }
        return document;
    }

    private RealmSettingsDocument document(String id) {
        RealmSettingsDocument document = session.getProvider(RealmSettingsDocument.class, id);
        if (document == null) {
            throw Problems.notFound(Problem.of("notFound", "No Portal Access settings document " + id));
        }
        return document;
    }
}
