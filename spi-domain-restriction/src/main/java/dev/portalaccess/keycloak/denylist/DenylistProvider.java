package dev.portalaccess.keycloak.denylist;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.portalaccess.keycloak.email.EmailAddress;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * A realm's self-registration denylist. Every call reads the database of the current transaction, so
 * a change made on one node holds on the next request to any node.
 */
public interface DenylistProvider extends Provider {

    /** The stored entry that denies {@code address}, if any (looked up by index, never by scanning). */
    Optional<String> findMatch(RealmModel realm, EmailAddress address);

    /** Adds one entry; returns it, or the entry already stored with the same value. */
    AddResult add(RealmModel realm, NewEntry entry, String createdBy);

    /**
     * Adds every entry not stored yet (duplicates within {@code entries} or with stored entries are
     * skipped) in the current transaction. Returns how many were added.
     */
    int addAll(RealmModel realm, Collection<NewEntry> entries, String createdBy);

    /** Entries in value order, optionally only those whose value contains {@code search}. */
    List<DenylistEntry> list(RealmModel realm, String search, int first, int max);

    long count(RealmModel realm, String search);

    Optional<DenylistEntry> getById(RealmModel realm, String id);

    /** Removes the entry with this id; false if the realm has none. */
    boolean removeById(RealmModel realm, String id);

    /** Removes the entries with these normalised values; returns how many were removed. */
    int removeValues(RealmModel realm, Collection<String> values);

    /** Removes every entry of the realm (realm removal). */
    void removeRealm(String realmId);

    /** Result of {@link #add}: the stored entry and whether this call created it. */
    record AddResult(DenylistEntry entry, boolean created) {
    }
}
