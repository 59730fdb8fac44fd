package dev.portalaccess.keycloak.settings;

import java.util.List;

import dev.portalaccess.keycloak.problem.Problem;

/** Every violation of a submitted document or attribute map; nothing of it may be stored. */
public final class SettingsViolations extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public SettingsViolations(List<Problem> problems) {
        super(problems.get(0).errorMessage(), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
