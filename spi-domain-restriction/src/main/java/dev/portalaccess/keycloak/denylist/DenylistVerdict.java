package dev.portalaccess.keycloak.denylist;

import java.util.Optional;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.InvalidEmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The one decision about an address and a realm's denylist, shared by the admin check endpoint and every
 * path that enforces the list, so they always agree: an address the rule engine cannot parse is
 * {@linkplain #invalid() invalid} (refused everywhere, never let through); a valid one is
 * {@linkplain #denied() denied} when an entry matches it.
 *
 * @param raw the address as given
 * @param address the parsed address, null when invalid
 * @param invalidity why the engine refused it, null when valid
 * @param entry the matching entry, null when none
 */
record DenylistVerdict(String raw, EmailAddress address, InvalidEmailException invalidity, String entry) {

    static DenylistVerdict of(KeycloakSession session, RealmModel realm, String raw) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(raw == null ? "" : raw);
        } catch (InvalidEmailException e) {
            return new DenylistVerdict(raw, null, e, null);
        }
        Optional<String> match = session.getProvider(DenylistProvider.class).findMatch(realm, address);
        return new DenylistVerdict(raw, address, null, match.orElse(null));
    }

    boolean invalid() {
        return invalidity != null;
    }

    boolean denied() {
        return entry != null;
    }

    /** Whether a path refuses this address: it is invalid or denylisted. */
    boolean refused() {
        return invalid() || denied();
    }
}
