package dev.portalaccess.keycloak.settings;

import dev.portalaccess.keycloak.problem.Problem;

/** A submitted value that cannot be stored, with the {@link Problem} naming its field. */
public final class SettingViolation extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    public SettingViolation(Problem problem) {
        super(problem.errorMessage(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
