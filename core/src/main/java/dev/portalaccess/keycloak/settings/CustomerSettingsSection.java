package dev.portalaccess.keycloak.settings;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * One section of a customer's settings document ({@code GET|PUT .../portal-access/customers/{id}/settings}), named by
 * the factory's id (e.g. {@code domainRestriction}, {@code portalAccess}, {@code features}), contributed by the feature
 * that owns it, so the document spans features while core knows none. {@link CustomerSettingsDocument} composes
 * the sections: every section validated before any is written.
 */
public interface CustomerSettingsSection extends Provider {

    /** Whether the realm has this section at all (e.g. {@code partner} only in realms with partner access). */
    default boolean appliesTo(RealmModel realm) {
        return true;
    }

    /** The stored section, as JSON-serialisable value. */
    Object read(KeycloakSession session, OrganizationModel customer);

    /** Every violation of a submitted section; field = the JSON path inside the section (the document adds the section's name). */
    List<Problem> validate(KeycloakSession session, OrganizationModel customer, JsonNode section);

    /** Stores a section that passed {@link #validate}, canonically, in the same transaction. */
    void write(KeycloakSession session, OrganizationModel customer, JsonNode section);

    /** What the customers list shows of this section (a small JSON value), or null for nothing. */
    default Object summary(KeycloakSession session, OrganizationModel customer) {
        return null;
    }

    @Override
    default void close() {
    }
}
