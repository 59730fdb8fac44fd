package dev.portalaccess.keycloak.denylist;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.portalaccess.keycloak.email.EmailAddress;
import dev.portalaccess.keycloak.email.EmailRule;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;

/** {@link DenylistProvider} on the {@code PA_DENYLIST_ENTRY} table, in the request's transaction. */
final class JpaDenylistProvider implements DenylistProvider {

    private static final Logger LOG = Logger.getLogger(JpaDenylistProvider.class);

    /** Values per {@code IN} list and per flushed insert batch: well below every database's parameter limit. */
    static final int CHUNK = 1000;

    private final EntityManager em;

    JpaDenylistProvider(EntityManager em) {
        this.em = em;
    }

    @Override
    public Optional<String> findMatch(RealmModel realm, EmailAddress address) {
        Collection<String> candidates = EmailRule.candidateValues(address);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        // The hot path of every registration. A native query (no HQL translation), a padded IN list (a
        // handful of distinct SQL strings, so the database reuses its plans) and no auto-flush: a lookup in
        // a table the request never writes must not first dirty-check the request's other entities.
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery(MATCH_SQL)
                .setParameter("realmId", realm.getId())
                .setParameter("values", padded(candidates))
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.of(mostSpecific(candidates, found));
    }

    static final String MATCH_SQL = "select VALUE from PA_DENYLIST_ENTRY where REALM_ID = :realmId and VALUE in (:values)";

    /** The candidates, padded with the last one up to the next power of two (at least 4). */
    static List<String> padded(Collection<String> candidates) {
        List<String> values = new ArrayList<>(candidates);
        int size = 4;
        while (size < values.size()) {
            size <<= 1;
        }
        String last = values.get(values.size() - 1);
        while (values.size() < size) {
            values.add(last);
        }
        return values;
    }

    /** Of the stored entries that match, the one for the most specific candidate (candidates come in that order). */
    private static String mostSpecific(Collection<String> candidates, List<String> found) {
        for (String candidate : candidates) {
            if (found.contains(candidate)) {
                return candidate;
            }
        }
        return found.get(0);
    }

    @Override
    public AddResult add(RealmModel realm, NewEntry entry, String createdBy) {
        List<DenylistEntryEntity> existing = em.createNamedQuery("paDenylistByValues", DenylistEntryEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("values", List.of(entry.rule().value()))
                .getResultList();
        if (!existing.isEmpty()) {
            return new AddResult(DenylistEntry.of(existing.get(0)), false);
        }
        DenylistEntryEntity entity = newEntity(realm.getId(), entry, createdBy, Time.currentTimeMillis());
        em.persist(entity);
        em.flush();
        return new AddResult(DenylistEntry.of(entity), true);
    }

    @Override
    public int addAll(RealmModel realm, Collection<NewEntry> entries, String createdBy) {
        Map<String, NewEntry> unique = new LinkedHashMap<>();
        for (NewEntry entry : entries) {
            unique.putIfAbsent(entry.rule().value(), entry);
        }
        List<NewEntry> all = new ArrayList<>(unique.values());
        long now = Time.currentTimeMillis();
        int added = 0;
        enableJdbcBatching();
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<NewEntry> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            List<String> values = chunk.stream().map(e -> e.rule().value()).toList();
            Set<String> stored = new HashSet<>(em.createNamedQuery("paDenylistMatch", String.class)
                    .setParameter("realmId", realm.getId())
                    .setParameter("values", values)
                    .getResultList());
            List<DenylistEntryEntity> batch = new ArrayList<>(chunk.size());
            for (NewEntry entry : chunk) {
                if (!stored.contains(entry.rule().value())) {
                    DenylistEntryEntity entity = newEntity(realm.getId(), entry, createdBy, now);
                    em.persist(entity);
                    batch.add(entity);
                }
            }
            em.flush();
            // detach only our rows: clearing the whole context would detach Keycloak's own entities
            batch.forEach(em::detach);
            added += batch.size();
        }
        return added;
    }

    @Override
    public List<DenylistEntry> list(RealmModel realm, String search, int first, int max) {
        var query = blank(search)
                ? em.createNamedQuery("paDenylistList", DenylistEntryEntity.class)
                : em.createNamedQuery("paDenylistSearch", DenylistEntryEntity.class).setParameter("pattern", pattern(search));
        return query.setParameter("realmId", realm.getId())
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(0, max))
                .getResultStream().map(DenylistEntry::of).toList();
    }

    /** The next {@code max} entries whose value sorts after {@code after} (keyset paging for export). */
    List<DenylistEntry> after(RealmModel realm, String after, int max) {
        return em.createNamedQuery("paDenylistAfter", DenylistEntryEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("after", after)
                .setMaxResults(max)
                .getResultStream().map(DenylistEntry::of).toList();
    }

    @Override
    public long count(RealmModel realm, String search) {
        var query = blank(search)
                ? em.createNamedQuery("paDenylistCount", Long.class)
                : em.createNamedQuery("paDenylistSearchCount", Long.class).setParameter("pattern", pattern(search));
        return query.setParameter("realmId", realm.getId()).getSingleResult();
    }

    @Override
    public Optional<DenylistEntry> getById(RealmModel realm, String id) {
        return entity(realm, id).map(DenylistEntry::of);
    }

    @Override
    public boolean removeById(RealmModel realm, String id) {
        Optional<DenylistEntryEntity> entity = entity(realm, id);
        entity.ifPresent(em::remove);
        return entity.isPresent();
    }

    @Override
    public int removeValues(RealmModel realm, Collection<String> values) {
        List<String> all = new ArrayList<>(new HashSet<>(values));
        int removed = 0;
        for (int from = 0; from < all.size(); from += CHUNK) {
            removed += em.createNamedQuery("paDenylistDeleteValues")
                    .setParameter("realmId", realm.getId())
                    .setParameter("values", all.subList(from, Math.min(all.size(), from + CHUNK)))
                    .executeUpdate();
        }
        return removed;
    }

    @Override
    public void removeRealm(String realmId) {
        int removed = em.createNamedQuery("paDenylistDeleteRealm").setParameter("realmId", realmId).executeUpdate();
        LOG.debugf("Removed %d denylist entries of removed realm %s", removed, realmId);
    }

    @Override
    public void close() {
    }

    private Optional<DenylistEntryEntity> entity(RealmModel realm, String id) {
        DenylistEntryEntity entity = id == null ? null : em.find(DenylistEntryEntity.class, id);
        return entity != null && entity.getRealmId().equals(realm.getId()) ? Optional.of(entity) : Optional.empty();
    }

    private static DenylistEntryEntity newEntity(String realmId, NewEntry entry, String createdBy, long now) {
        DenylistEntryEntity entity = new DenylistEntryEntity();
        entity.setId(UUID.randomUUID().toString());
        entity.setRealmId(realmId);
        entity.setValue(entry.rule().value());
        entity.setKind(entry.rule().kind().name());
        entity.setCreatedBy(createdBy);
        entity.setCreatedAt(now);
        entity.setNote(entry.note());
        return entity;
    }

    /**
     * Bulk imports insert up to 100,000 rows in one request: ask Hibernate (the JPA implementation
     * Keycloak ships) to send them as JDBC batches. This module compiles against the JPA API only, so
     * the Hibernate session method is looked up by name; without it the inserts still work, unbatched.
     */
    private void enableJdbcBatching() {
        try {
            Object session = em.getDelegate();
            Method setter = session.getClass().getMethod("setJdbcBatchSize", Integer.class);
            setter.invoke(session, CHUNK);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("JDBC batching not available for denylist imports: %s", e.toString());
        }
    }

    private static boolean blank(String search) {
        return search == null || search.isBlank();
    }

    /** {@code LIKE} pattern for "value contains search" (values are stored lower case); wildcards escaped with '!'. */
    private static String pattern(String search) {
        String lowered = search.trim().toLowerCase(java.util.Locale.ROOT);
        return "%" + lowered.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
