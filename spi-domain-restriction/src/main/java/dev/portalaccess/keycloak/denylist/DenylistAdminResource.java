package dev.portalaccess.keycloak.denylist;

import dev.portalaccess.keycloak.rest.RealmRights;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.portalaccess.keycloak.email.EmailRule;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import dev.portalaccess.keycloak.problem.Problem;
import dev.portalaccess.keycloak.problem.Problems;

/**
 * {@code /admin/realms/{realm}/portal-access/denylist} (and the deprecated {@code /admin/realms/{realm}/denylist}):
 * read with view-realm, change with manage-realm. Every change
 * is one transaction and emits an admin event (resource type CUSTOM, path {@code denylist/...}).
 */
public final class DenylistAdminResource {

    private static final Logger LOG = Logger.getLogger(DenylistAdminResource.class);

    static final String MSG_MISSING = "portalAccessDenylistEntryMissing";
    static final String MSG_NOTE_TOO_LONG = "portalAccessDenylistNoteTooLong";
    static final String MSG_INVALID_ENTRY = "portalAccessDenylistInvalidEntry";
    static final String MSG_INVALID_LINES = "portalAccessDenylistInvalidLines";
    static final String MSG_NOT_FOUND = "portalAccessDenylistEntryNotFound";

    static final int DEFAULT_MAX = 100;
    static final int MAX_PAGE = 1000;
    static final int EXPORT_PAGE = 10_000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;
    private final DenylistProvider store;

    DenylistAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.CUSTOM);
        this.store = session.getProvider(DenylistProvider.class);
    }

    /** JSON body of "add one". */
    public record AddRequest(String value, String note) {
    }

    /** JSON body of "delete many": entry values as an admin would write them. */
    public record DeleteRequest(List<String> values) {
    }

    @GET
    @Path("")
    @Produces(MediaType.APPLICATION_JSON)
    public List<DenylistEntry> list(@QueryParam("search") String search, @QueryParam("first") Integer first,
                                    @QueryParam("max") Integer max) {
        RealmRights.requireViewRealm(auth, "read the denylist");
        int from = first == null ? 0 : Math.max(0, first);
        int size = max == null ? DEFAULT_MAX : Math.min(MAX_PAGE, Math.max(0, max));
        return store.list(realm, search, from, size);
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> count(@QueryParam("search") String search) {
        RealmRights.requireViewRealm(auth, "read the denylist");
        return Map.of("count", store.count(realm, search));
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@PathParam("id") String id) {
        RealmRights.requireViewRealm(auth, "read the denylist");
        return store.getById(realm, id).map(e -> Response.ok(e).build()).orElseGet(DenylistAdminResource::notFound);
    }

    /**
     * Would this address be refused? The same {@link DenylistVerdict} the paths use: an address the rule
     * engine cannot parse answers 400 (refused on every path, {@code denied: true}), a valid one 200 with
     * whether an entry denies it. For admins checking a report and for the benchmark, which reads
     * {@code checkNanos}: the time of the decision alone, measured on the server.
     */
    @GET
    @Path("check")
    @Produces(MediaType.APPLICATION_JSON)
    public Response check(@QueryParam("email") String email) {
        RealmRights.requireViewRealm(auth, "read the denylist");
        long start = System.nanoTime();
        DenylistVerdict verdict = DenylistVerdict.of(session, realm, email);
        long nanos = System.nanoTime() - start;
        Map<String, Object> out = new LinkedHashMap<>();
        if (verdict.invalid()) {
            out.putAll(invalidEntry("email", verdict.invalidity()).toMap());
            out.put("verdict", "invalid");
            out.put("denied", true);
            return Response.status(Response.Status.BAD_REQUEST).entity(out).type(MediaType.APPLICATION_JSON).build();
        }
        out.put("email", verdict.address().normalized());
        out.put("denied", verdict.denied());
        out.put("entry", verdict.entry());
        out.put("verdict", verdict.denied() ? "denied" : "allowed");
        out.put("checkNanos", nanos);
        return Response.ok(out).build();
    }

    @POST
    @Path("")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response add(AddRequest request) {
        RealmRights.requireManageRealm(auth, "change the denylist");
        if (request == null || request.value() == null || request.value().isBlank()) {
            return badRequest(Problem.of("missing", "value", MSG_MISSING, "An entry is required"));
        }
        String note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
        if (note != null && note.length() > EntryLines.MAX_NOTE) {
            return badRequest(Problem.of("noteTooLong", "note", MSG_NOTE_TOO_LONG,
                    "A note has at most " + EntryLines.MAX_NOTE + " characters", String.valueOf(EntryLines.MAX_NOTE)));
        }
        EmailRule rule;
        try {
            rule = EmailRule.parse(request.value());
        } catch (InvalidEmailException e) {
            return badRequest(invalidEntry("value", e).withMessageKey(MSG_INVALID_ENTRY, request.value()));
        }
        DenylistProvider.AddResult result = store.add(realm, new NewEntry(rule, note), actor());
        if (!result.created()) {
            return Response.ok(result.entry()).build();
        }
        adminEvent.clone(session).resource(ResourceType.CUSTOM).operation(OperationType.CREATE)
                .resourcePath("denylist", result.entry().id()).representation(result.entry()).success();
        return Response.status(Response.Status.CREATED)
                .location(session.getContext().getUri().getAbsolutePathBuilder().path(result.entry().id()).build())
                .entity(result.entry()).build();
    }

    /**
     * Bulk import (text/plain or text/csv, one entry per line, optional note column): all or nothing.
     * Entries already stored, or repeated in the file, are skipped, not errors.
     */
    @POST
    @Path("import")
    @Consumes({MediaType.TEXT_PLAIN, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    public Response importEntries(String body) {
        RealmRights.requireManageRealm(auth, "change the denylist");
        EntryLines.Parsed parsed = EntryLines.parse(body);
        if (!parsed.errors().isEmpty()) {
            Map<String, Object> error = Problem.of("invalidLines", null, MSG_INVALID_LINES,
                    parsed.errors().size() + " line(s) are not valid entries; nothing was imported",
                    String.valueOf(parsed.errors().size())).toMap();
            error.put("lines", parsed.errors());
            return Response.status(Response.Status.BAD_REQUEST).entity(error).type(MediaType.APPLICATION_JSON).build();
        }
        long start = System.nanoTime();
        int added = store.addAll(realm, parsed.entries(), actor());
        LOG.debugf("Realm %s: imported %d of %d denylist entries in %d ms", realm.getName(), added,
                parsed.entries().size(), (System.nanoTime() - start) / 1_000_000);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("received", parsed.entries().size());
        result.put("added", added);
        result.put("skipped", parsed.entries().size() - added);
        if (added > 0) {
            adminEvent.clone(session).resource(ResourceType.CUSTOM).operation(OperationType.CREATE)
                    .resourcePath("denylist", "import").representation(result).success();
        }
        return Response.ok(result).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        RealmRights.requireManageRealm(auth, "change the denylist");
        Optional<DenylistEntry> entry = store.getById(realm, id);
        if (entry.isEmpty() || !store.removeById(realm, id)) {
            return notFound();
        }
        adminEvent.clone(session).resource(ResourceType.CUSTOM).operation(OperationType.DELETE)
                .resourcePath("denylist", id).representation(entry.get()).success();
        return Response.noContent().build();
    }

    /** Deletes the entries with these values (written as in an import); unknown values are ignored. */
    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response deleteMany(DeleteRequest request) {
        RealmRights.requireManageRealm(auth, "change the denylist");
        if (request == null || request.values() == null || request.values().isEmpty()) {
            return badRequest(Problem.of("missing", "values", MSG_MISSING, "A list of entries is required"));
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < request.values().size(); i++) {
            String raw = request.values().get(i);
            try {
                values.add(EmailRule.parse(raw == null ? "" : raw).value());
            } catch (InvalidEmailException e) {
                return badRequest(invalidEntry("values[" + i + "]", e).withMessageKey(MSG_INVALID_ENTRY, raw == null ? "" : raw));
            }
        }
        int removed = store.removeValues(realm, values);
        Map<String, Object> result = Map.of("removed", removed);
        if (removed > 0) {
            adminEvent.clone(session).resource(ResourceType.CUSTOM).operation(OperationType.DELETE)
                    .resourcePath("denylist", "delete").representation(Map.of("values", values, "removed", removed)).success();
        }
        return Response.ok(result).build();
    }

    /** Every entry, one per line ({@code value[,note]}): the format {@code import} reads back. */
    @GET
    @Path("export")
    @Produces("text/csv")
    public Response export() {
        RealmRights.requireViewRealm(auth, "read the denylist");
        StringBuilder out = new StringBuilder("# denylist of realm ").append(realm.getName()).append('\n');
        JpaDenylistProvider jpa = store instanceof JpaDenylistProvider p ? p : null;
        if (jpa != null) {
            String after = "";
            List<DenylistEntry> page;
            do {
                page = jpa.after(realm, after, EXPORT_PAGE);
                page.forEach(e -> out.append(EntryLines.format(e)).append('\n'));
                after = page.isEmpty() ? after : page.get(page.size() - 1).value();
            } while (page.size() == EXPORT_PAGE);
        } else {
            int first = 0;
            List<DenylistEntry> page;
            do {
                page = store.list(realm, null, first, MAX_PAGE);
                page.forEach(e -> out.append(EntryLines.format(e)).append('\n'));
                first += page.size();
            } while (page.size() == MAX_PAGE);
        }
        return Response.ok(out.toString(), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"denylist-" + realm.getName() + ".csv\"").build();
    }

    private String actor() {
        UserModel user = auth.adminAuth().getUser();
        return user == null ? null : user.getUsername();
    }

    /** An entry the email rule engine cannot read: {@code error} is the engine's reason code. */
    private static Problem invalidEntry(String field, InvalidEmailException e) {
        return Problem.of(String.valueOf(e.reason()), field, MSG_INVALID_ENTRY, e.getMessage());
    }

    static Response badRequest(Problem problem) {
        return Problems.response(Response.Status.BAD_REQUEST.getStatusCode(), problem);
    }


    private static Response notFound() {
        return Problems.response(Response.Status.NOT_FOUND.getStatusCode(),
                Problem.of("notFound", null, MSG_NOT_FOUND, "No such entry"));
    }
}
