package dev.portalaccess.keycloak.customer.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.OrganizationDomainEntity;
import org.keycloak.models.jpa.entities.OrganizationEntity;

/**
 * The two queries of the customers list that Keycloak's model API has no call for, on Keycloak's own tables through
 * its {@link EntityManager} (issue 12 moves every such statement behind one fence in core):
 * <ul>
 *   <li>one page of customer ids matching a search by name, alias or domain, filtered by fine-grained admin
 *       permissions exactly as Keycloak's own organization search is ({@code applyAuthorizationFilters}), ordered
 *       by name (the database pages; nothing is loaded per row);</li>
 *   <li>the pending (not expired) invitations of the customers of one page, in one grouped count.</li>
 * </ul>
 */
final class CustomerQueries {

    private final KeycloakSession session;
    private final EntityManager em;

    CustomerQueries(KeycloakSession session) {
        this.session = session;
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    List<String> search(RealmModel realm, String search, int first, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<String> query = cb.createQuery(String.class);
        Root<OrganizationEntity> org = query.from(OrganizationEntity.class);
        query.select(org.get("id")).where(predicates(realm, search, cb, query, org))
                .orderBy(cb.asc(org.get("name")), cb.asc(org.get("id")));
        TypedQuery<String> page = em.createQuery(query);
        if (first > 0) {
            page.setFirstResult(first);
        }
        return page.setMaxResults(max).getResultList();
    }

    long count(RealmModel realm, String search) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<OrganizationEntity> org = query.from(OrganizationEntity.class);
        query.select(cb.count(org)).where(predicates(realm, search, cb, query, org));
        return em.createQuery(query).getSingleResult();
    }

    /** Pending (not expired) invitations per customer id, for the given customers (absent: none). */
    Map<String, Long> pendingInvitations(List<String> organizationIds) {
        Map<String, Long> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        List<Object[]> rows = em.createQuery("select i.organizationId, count(i) from OrganizationInvitationEntity i"
                        + " where i.organizationId in :ids and i.expiresAt >= :now group by i.organizationId", Object[].class)
                .setParameter("ids", organizationIds).setParameter("now", Time.currentTime())
                .getResultList();
        for (Object[] row : rows) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    private Predicate[] predicates(RealmModel realm, String search, CriteriaBuilder cb, CriteriaQuery<?> query,
                                   Root<OrganizationEntity> org) {
        List<Predicate> predicates = new ArrayList<>();
        predicates.add(cb.equal(org.get("realmId"), realm.getId()));
        if (search != null && !search.isBlank()) {
            String pattern = "%" + escape(search.trim().toLowerCase(Locale.ROOT)) + "%";
            Subquery<String> domains = query.subquery(String.class);
            Root<OrganizationDomainEntity> domain = domains.from(OrganizationDomainEntity.class);
            domains.select(domain.get("id")).where(cb.equal(domain.get("organization"), org),
                    cb.like(cb.lower(domain.get("name")), pattern, '\\'));
            predicates.add(cb.or(cb.like(cb.lower(org.get("name")), pattern, '\\'),
                    cb.like(cb.lower(org.get("alias")), pattern, '\\'),
                    cb.exists(domains)));
        }
        predicates.addAll(AdminPermissionsSchema.SCHEMA.applyAuthorizationFilters(session, AdminPermissionsSchema.ORGANIZATIONS,
                realm, cb, query, org));
        return predicates.toArray(Predicate[]::new);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
