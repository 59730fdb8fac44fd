package dev.portalaccess.keycloak.settings;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

import dev.portalaccess.keycloak.problem.Problem;

/**
 * One of the realm's policy documents of the typed admin API, {@code GET|PUT
 * /admin/realms/{realm}/portal-access/settings/{id}} (the factory's id, e.g. {@code customer-access}), contributed
 * by the feature that owns it. Core's settings resource does the rest the same way for every document: view-realm
 * to read, manage-realm to write, {@link #validate} of the whole document before anything is written (400 with
 * every violation), {@link #write}, an admin event (resource type REALM, the stored document as representation), and
 * the stored document ({@link #read}) as the answer.
 */
public interface RealmSettingsDocument extends Provider {

    /** The stored document, as JSON-serialisable value (a record or map); values unreadable in storage read as defaults. */
    Object read(KeycloakSession session, RealmModel realm);

    /** Every violation of a submitted document; field = the JSON path inside the document (e.g. {@code companies[1].domains[0]}). */
    List<Problem> validate(KeycloakSession session, RealmModel realm, JsonNode document);

    /** Stores a document that passed {@link #validate}, canonically, in the same transaction. */
    void write(KeycloakSession session, RealmModel realm, JsonNode document);

    @Override
    default void close() {
    }
}
