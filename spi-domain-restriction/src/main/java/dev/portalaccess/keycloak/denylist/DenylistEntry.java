package dev.portalaccess.keycloak.denylist;

/**
 * One stored denylist entry as the REST API shows it.
 *
 * @param value normalised rule text ({@code acme.com}, {@code *.acme.com} or {@code a@acme.com})
 * @param kind {@code DOMAIN}, {@code SUBDOMAINS} or {@code ADDRESS}
 * @param createdAt epoch milliseconds
 */
public record DenylistEntry(String id, String value, String kind, String createdBy, long createdAt, String note) {

    static DenylistEntry of(DenylistEntryEntity e) {
        return new DenylistEntry(e.getId(), e.getValue(), e.getKind(), e.getCreatedBy(), e.getCreatedAt(), e.getNote());
    }
}
