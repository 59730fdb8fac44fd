package dev.portalaccess.keycloak.organization;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.services.ErrorResponseException;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * Organization attributes written raw (admin REST, the console's Attributes tab, an import) that are not valid
 * settings: 400 with every violation, each named by its attribute ({@code field}); the top level repeats the first,
 * with its bad value in {@code entry}. An {@link ErrorResponseException}, so the transaction rolls back, and not a
 * {@code ModelException}, which Keycloak's admin resources would turn into a bare {@code errorMessage}.
 */
final class InvalidSettingsRefusal extends ErrorResponseException {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(InvalidSettingsRefusal.class);

    private final Problem problem;

    private InvalidSettingsRefusal(Response response, Problem problem) {
        super(response);
        this.problem = problem;
    }

    static InvalidSettingsRefusal of(List<Problem> violations) {
        List<Problem> byAttribute = violations.stream().map(InvalidSettingsRefusal::namedByAttribute).toList();
        Problem problem = Problem.all(byAttribute);
        Map<String, Object> body = problem.toMap();
        body.put("entry", problem.params().isEmpty() ? null : problem.params().get(0));
        LOG.warnf("Refused organization settings (%d violation(s)), first %s: %s", byAttribute.size(), problem.field(),
                problem.errorMessage());
        return new InvalidSettingsRefusal(Response.status(Response.Status.BAD_REQUEST)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(body).build(), problem);
    }

    /** A raw write names the attribute, not the position of the bad value in it ({@code key[2]} -> {@code key}). */
    private static Problem namedByAttribute(Problem p) {
        String field = p.field();
        int index = field == null ? -1 : field.indexOf('[');
        return index < 0 ? p : p.withField(field.substring(0, index));
    }

    @Override
    public String getError() {
        return problem.error();
    }

    @Override
    public String getErrorDescription() {
        return problem.errorMessage();
    }

    @Override
    public String getMessage() {
        return problem.error() + ": " + problem.errorMessage();
    }
}
