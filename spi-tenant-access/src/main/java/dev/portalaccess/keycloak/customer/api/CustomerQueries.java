package dev.portalaccess.keycloak.customer.api;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import dev.portalaccess.keycloak.keycloakdb.KeycloakDb;

/**
 * The two queries of the customers list that Keycloak's model API has no call for, run by core's fence around
 * Keycloak's tables ({@link KeycloakDb}):
 * <ul>
 *   <li>one page of customer ids matching a search by name, alias or domain, filtered by fine-grained admin
 *       permissions exactly as Keycloak's own organization search is, ordered by name (the database pages;
 *       nothing is loaded per row);</li>
 *   <li>the pending (not expired) invitations of the customers of one page, in one grouped count.</li>
 * </ul>
 */
final class CustomerQueries {

    private final KeycloakDb db;

    CustomerQueries(KeycloakSession session) {
        this.db = KeycloakDb.of(session);
    }

    List<String> search(RealmModel realm, String search, int first, int max) {
        return db.searchOrganizations(realm, search, first, max);
    }

    long count(RealmModel realm, String search) {
        return db.countOrganizations(realm, search);
    }

    /** Pending (not expired) invitations per customer id, for the given customers (absent: none). */
    Map<String, Long> pendingInvitations(List<String> organizationIds) {
        return db.countPendingInvitations(organizationIds);
    }
}
