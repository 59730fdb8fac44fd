package dev.portalaccess.keycloak.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import org.keycloak.common.util.Encode;
import org.keycloak.models.KeycloakSession;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * {@code /realms/{realm}/portal-access}: every segment below it is a feature's part ({@link PortalAccessRealmApi}),
 * e.g. {@code console/}. The root itself leads to the console when one is installed.
 */
public final class PortalAccessRealmRoot {

    /** The console's segment, where a request for the bare root goes. */
    static final String CONSOLE = "console";

    private final KeycloakSession session;

    PortalAccessRealmRoot(KeycloakSession session) {
        this.session = session;
    }

    /** Needs {@code @Path("")} to be matched (Keycloak issue 25882). */
    @GET
    @Path("")
    public Response root() {
        if (session.getProvider(PortalAccessRealmApi.class, CONSOLE) == null) {
            throw Problems.notFound(Problem.of("notFound", "No Portal Access console on this server"));
        }
        UriBuilder console = UriBuilder.fromUri(session.getContext().getUri().getBaseUri()).path("realms")
                .path(Encode.encodePathAsIs(session.getContext().getRealm().getName()))
                .path(PortalAccessRealmRootFactory.PROVIDER_ID).path(CONSOLE).path("/");
        return Response.status(Response.Status.FOUND).location(console.build()).build();
    }

    @Path("{segment}")
    public Object feature(@PathParam("segment") String segment) {
        PortalAccessRealmApi api = session.getProvider(PortalAccessRealmApi.class, segment);
        if (api == null) {
            throw Problems.notFound(Problem.of("notFound", "No Portal Access endpoint at " + segment));
        }
        return api.resource(session);
    }
}
