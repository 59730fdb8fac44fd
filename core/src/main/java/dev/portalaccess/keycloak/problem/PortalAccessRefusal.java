package dev.portalaccess.keycloak.problem;

import org.keycloak.models.ModelValidationException;

/**
 * A refusal raised inside Keycloak's model (a listener of an organization event, a user-profile rule, a settings
 * write) where no response can be built. It is a {@link ModelValidationException}, so Keycloak's own endpoints
 * answer 400 with its English message ({@code errorMessage} / {@code error_description}) and roll the transaction
 * back; the project's own endpoints catch it and answer with its {@link Problem} and status
 * ({@link Problems#of(PortalAccessRefusal)}).
 */
public final class PortalAccessRefusal extends ModelValidationException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final int status;

    public PortalAccessRefusal(Problem problem) {
        this(400, problem);
    }

    public PortalAccessRefusal(int status, Problem problem) {
        super(problem.errorMessage());
        this.problem = problem;
        this.status = status;
    }

    public Problem problem() {
        return problem;
    }

    public int status() {
        return status;
    }
}
