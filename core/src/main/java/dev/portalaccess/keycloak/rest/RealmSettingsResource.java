package dev.portalaccess.keycloak.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
 * settings; a write is validated as a whole first and answered with the stored document.
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
        auth.realm().requireViewRealm();
        return document(id).read(session, realm);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Object write(@PathParam("id") String id, JsonNode body) {
        auth.realm().requireManageRealm();
        RealmSettingsDocument document = document(id);
        if (body == null || !body.isObject()) {
            throw Problems.badRequest(Problem.of("invalidDocument", null, "portalAccessInvalidDocument",
                    "Expected a JSON object."));
        }
        List<Problem> violations = document.validate(session, realm, body);
        if (!violations.isEmpty()) {
            throw Problems.badRequest(violations);
        }
        document.write(session, realm, body);
        Object stored = document.read(session, realm);
        adminEvent.operation(OperationType.UPDATE).resourcePath(session.getContext().getUri())
                .detail("portalAccessSettings", id).representation(stored).success();
        return stored;
    }

    private RealmSettingsDocument document(String id) {
        RealmSettingsDocument document = session.getProvider(RealmSettingsDocument.class, id);
        if (document == null) {
            throw Problems.notFound(Problem.of("notFound", "No Portal Access settings document " + id));
        }
        return document;
    }
}
