package dev.portalaccess.keycloak.rules;

import org.keycloak.provider.Provider;

/**
 * A rule of the project that holds on every path (a membership, role or settings invariant), enforced by listeners a
 * {@link RuleFactory} registers at start. Has no per-request work of its own.
 */
public interface Rule extends Provider {

    @Override
    default void close() {
    }
}
