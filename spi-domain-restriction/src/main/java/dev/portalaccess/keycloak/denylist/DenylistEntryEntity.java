package dev.portalaccess.keycloak.denylist;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One denylist entry of one realm. {@code value} is the normalised rule text (see
 * {@code EmailRule}); (realm, value) is unique, which is also the index every lookup uses.
 */
@Entity
@Table(name = "PA_DENYLIST_ENTRY")
@NamedQueries({
        @NamedQuery(name = "paDenylistMatch",
                query = "select e.value from DenylistEntryEntity e where e.realmId = :realmId and e.value in :values"),
        @NamedQuery(name = "paDenylistByValues",
                query = "select e from DenylistEntryEntity e where e.realmId = :realmId and e.value in :values"),
        @NamedQuery(name = "paDenylistList",
                query = "select e from DenylistEntryEntity e where e.realmId = :realmId order by e.value"),
        @NamedQuery(name = "paDenylistSearch",
                query = "select e from DenylistEntryEntity e where e.realmId = :realmId and e.value like :pattern escape '!' order by e.value"),
        @NamedQuery(name = "paDenylistCount",
                query = "select count(e) from DenylistEntryEntity e where e.realmId = :realmId"),
        @NamedQuery(name = "paDenylistSearchCount",
                query = "select count(e) from DenylistEntryEntity e where e.realmId = :realmId and e.value like :pattern escape '!'"),
        @NamedQuery(name = "paDenylistAfter",
                query = "select e from DenylistEntryEntity e where e.realmId = :realmId and e.value > :after order by e.value"),
        @NamedQuery(name = "paDenylistDeleteValues",
                query = "delete from DenylistEntryEntity e where e.realmId = :realmId and e.value in :values"),
        @NamedQuery(name = "paDenylistDeleteRealm",
                query = "delete from DenylistEntryEntity e where e.realmId = :realmId")
})
public class DenylistEntryEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "VALUE", length = 320, nullable = false)
    private String value;

    @Column(name = "KIND", length = 16, nullable = false)
    private String kind;

    @Column(name = "CREATED_BY", length = 255)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "NOTE", length = 1024)
    private String note;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        this.value = value;
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
