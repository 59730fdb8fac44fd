package dev.portalaccess.keycloak.keycloakdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import org.keycloak.authorization.fgap.AdminPermissionsSchema;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.jpa.entities.OrganizationDomainEntity;
import org.keycloak.models.jpa.entities.OrganizationEntity;
import org.keycloak.models.jpa.entities.OrganizationInvitationEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.jpa.entities.UserGroupMembershipEntity;
import org.keycloak.representations.idm.MembershipType;

/**
 * Every statement of the project against Keycloak's own tables, and nothing else. Each is a {@link Statement}
 * constant of this class: {@link KeycloakSchema} reads them all (by reflection, so none can be left out) and
 * derives from their JPQL, and from what the others declare they use, the entity attributes and columns the schema
 * check compares with the running server. A new statement is a new constant here.
 */
final class KeycloakTables implements KeycloakDb {

    /**
     * One statement: its JPQL, or (Criteria queries, entity reads and writes, Keycloak's own named queries) none,
     * and the entity attributes it uses besides, as {@code Entity.attribute[.attribute]}.
     */
    record Statement(String jpql, List<String> alsoUses) {

        static Statement jpql(String jpql) {
            return new Statement(jpql, List.of());
        }

        static Statement uses(String... attributes) {
            return new Statement(null, List.of(attributes));
        }
    }

    private static final String UNMANAGED = MembershipType.UNMANAGED.name();

    static final Statement LOCK_ORGANIZATION = Statement.jpql("select o.id from OrganizationEntity o where o.id = :id");

    static final Statement LOCK_GROUP = Statement.jpql("select g.id from GroupEntity g where g.id = :id");

    static final Statement ORGANIZATION_GROUP = Statement.jpql("select o.groupId from OrganizationEntity o where o.id = :id");

    static final Statement IS_ORGANIZATION_MEMBER = Statement.jpql("select count(m) from UserGroupMembershipEntity m,"
            + " OrganizationEntity o where o.id = :o and m.groupId = o.groupId and m.user.id = :u");

    static final Statement IS_GROUP_MEMBER = Statement.jpql(
            "select count(m) from UserGroupMembershipEntity m where m.groupId = :g and m.user.id = :u");

    static final Statement COUNT_GROUP_MEMBERS = Statement.jpql(
            "select count(m) from UserGroupMembershipEntity m where m.groupId = :g");

    static final Statement COUNT_GROUP_MEMBERS_OTHER_THAN = Statement.jpql(
            "select count(m) from UserGroupMembershipEntity m where m.groupId = :g and m.user.id <> :u");

    static final Statement ORGANIZATIONS_OF = Statement.jpql("select o.id from OrganizationEntity o, UserGroupMembershipEntity m"
            + " where m.groupId = o.groupId and m.user.id = :u and o.realmId = :realm order by o.id");

    static final Statement MANAGED_ORGANIZATIONS_OF = Statement.jpql("select o.id from OrganizationEntity o,"
            + " UserGroupMembershipEntity m where m.groupId = o.groupId and m.user.id = :u and o.realmId = :realm"
            + " and m.membershipType = :managed");

    /** {@code em.find(UserEntity)}, Keycloak's named query {@code userMemberOf}, and the row's membership type. */
    static final Statement MAKE_UNMANAGED = Statement.uses("UserEntity.id", "UserGroupMembershipEntity.user",
            "UserGroupMembershipEntity.groupId", "UserGroupMembershipEntity.membershipType");

    static final Statement GROUP_MEMBERS_NOT_IN = Statement.jpql("select m.user.id from UserGroupMembershipEntity m"
            + " where m.groupId = :from and not exists (select 1 from UserGroupMembershipEntity x"
            + " where x.groupId = :to and x.user = m.user)");

    static final Statement ADD_GROUP_MEMBERS_TO = Statement.jpql("insert into UserGroupMembershipEntity (user, groupId, membershipType)"
            + " select m.user, cast(:to as String), cast(:type as String) from UserGroupMembershipEntity m"
            + " where m.groupId = :from and not exists (select 1 from UserGroupMembershipEntity x"
            + " where x.groupId = :to and x.user = m.user)");

    private static final String HAVING = " and exists (select 1 from GroupAttributeEntity a where a.group.id = o.groupId"
            + " and a.name = :name and a.value = :value)";
    private static final String NOT_HAVING = " and not exists (select 1 from GroupAttributeEntity d where d.group.id = o.groupId"
            + " and d.name = :excludedName and d.value = :excludedValue)";
    private static final String USER_MISSING = " and not exists (select 1 from UserGroupMembershipEntity x"
            + " where x.groupId = o.groupId and x.user.id = :user)";

    static final Statement ORGANIZATIONS_MISSING_USER = Statement.jpql(
            "select o.id from OrganizationEntity o where o.realmId = :realm" + HAVING + USER_MISSING);
    static final Statement ORGANIZATIONS_MISSING_USER_EXCLUDING = Statement.jpql(
            "select o.id from OrganizationEntity o where o.realmId = :realm" + HAVING + NOT_HAVING + USER_MISSING);

    private static final String ADD_USER = "insert into UserGroupMembershipEntity (user, groupId, membershipType)"
            + " select u, o.groupId, cast(:type as String) from OrganizationEntity o, UserEntity u"
            + " where u.id = :user and o.realmId = :realm";
    private static final String USER_ROW_MISSING = " and not exists (select 1 from UserGroupMembershipEntity x"
            + " where x.groupId = o.groupId and x.user = u)";

    static final Statement ADD_USER_TO_ORGANIZATIONS = Statement.jpql(ADD_USER + HAVING + USER_ROW_MISSING);
    static final Statement ADD_USER_TO_ORGANIZATIONS_EXCLUDING = Statement.jpql(ADD_USER + HAVING + NOT_HAVING + USER_ROW_MISSING);

    static final Statement ORGANIZATIONS_HAVING_BOTH = Statement.jpql("select o.id from OrganizationEntity o where o.realmId = :realm"
            + HAVING + " and exists (select 1 from GroupAttributeEntity b where b.group.id = o.groupId"
            + " and b.name = :otherName and b.value = :otherValue)");

    /*
     * Every group condition names the realm: Keycloak's only index on a group's parent is (REALM_ID, PARENT_GROUP,
     * NAME), and without the realm each organization scans every group (at 2,500 customers a realm, about a minute
     * per realm on start-up).
     */
    static final Statement ORGANIZATIONS_WITH_MEMBERS_OUTSIDE = Statement.jpql(
            "select o.id from OrganizationEntity o where o.realmId = :realm and ("
            + "(select count(distinct g.name) from GroupEntity g where g.realm = o.realmId and g.parentId = o.groupId and g.name in :names) < :nameCount"
            + " or exists (select m.groupId from UserGroupMembershipEntity m where m.groupId = o.groupId"
            + "   and m.user.serviceAccountClientLink is null"
            + "   and not exists (select r.groupId from UserGroupMembershipEntity r, GroupEntity g"
            + "     where r.user = m.user and r.groupId = g.id and g.realm = o.realmId and g.parentId = o.groupId and g.name in :names)))"
            + " order by o.id");

    static final Statement ORGANIZATIONS_WITH_NOBODY_IN = Statement.jpql(
            "select o.alias from OrganizationEntity o where o.realmId = :realm"
            + " and exists (select m.groupId from UserGroupMembershipEntity m where m.groupId = o.groupId"
            + "   and m.user.serviceAccountClientLink is null)"
            + " and not exists (select r.groupId from UserGroupMembershipEntity r, GroupEntity g"
            + "   where r.groupId = g.id and g.realm = o.realmId and g.parentId = o.groupId and g.name = :name)"
            + " order by o.alias");

    /** The invitation-role attributes of earlier versions, found to be removed ({@code %} in the prefix is literal enough: none). */
    static final Statement ORGANIZATION_ATTRIBUTES_NAMED = Statement.jpql("select o.id, a.name from OrganizationEntity o,"
            + " GroupAttributeEntity a where a.group.id = o.groupId and o.realmId = :realm and a.name like :prefix order by o.id");

    /**
     * Core's Liquibase changelog {@code META-INF/invitation/invitation-changelog.xml}: {@code PA_INVITATION_ROLE} has a
     * foreign key to {@code ORG_INVITATION.ID}, and its upgrade changeset joins {@code ORG_INVITATION}, {@code ORG} and
     * {@code GROUP_ATTRIBUTE} in SQL.
     */
    static final Statement INVITATION_ROLE_CHANGELOG = Statement.uses("OrganizationInvitationEntity.id",
            "OrganizationInvitationEntity.organizationId", "OrganizationEntity.id", "OrganizationEntity.groupId",
            "GroupAttributeEntity.group", "GroupAttributeEntity.name", "GroupAttributeEntity.value");

    /** The Criteria search of {@link #searchOrganizations} and {@link #countOrganizations}. */
    static final Statement SEARCH_ORGANIZATIONS = Statement.uses("OrganizationEntity.id", "OrganizationEntity.name",
            "OrganizationEntity.alias", "OrganizationEntity.realmId", "OrganizationDomainEntity.id",
            "OrganizationDomainEntity.organization", "OrganizationDomainEntity.name");

    static final Statement COUNT_PENDING_INVITATIONS = Statement.jpql("select count(i) from OrganizationInvitationEntity i"
            + " where i.organizationId = :o and i.expiresAt >= :now");

    static final Statement COUNT_PENDING_INVITATIONS_OF = Statement.jpql("select i.organizationId, count(i)"
            + " from OrganizationInvitationEntity i where i.organizationId in :ids and i.expiresAt >= :now"
            + " group by i.organizationId");

    static final Statement PENDING_INVITATIONS_TO = Statement.jpql("select i from OrganizationInvitationEntity i,"
            + " OrganizationEntity o where o.id = i.organizationId and o.realmId = :realm and lower(i.email) = :email"
            + " and i.expiresAt >= :now order by i.createdAt, i.id");

    private final KeycloakSession session;
    private final EntityManager em;

    KeycloakTables(KeycloakSession session, EntityManager em) {
        this.session = session;
        this.em = em;
    }

    private <T> TypedQuery<T> query(Statement statement, Class<T> type) {
        return em.createQuery(statement.jpql(), type);
    }

    @Override
    public void lockOrganization(String organizationId) {
        query(LOCK_ORGANIZATION, String.class).setParameter("id", organizationId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public void lockGroup(String groupId) {
        query(LOCK_GROUP, String.class).setParameter("id", groupId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    @Override
    public String organizationGroupId(String organizationId) {
        List<String> ids = query(ORGANIZATION_GROUP, String.class).setParameter("id", organizationId).getResultList();
        return ids.isEmpty() ? null : ids.get(0);
    }

    @Override
    public boolean isOrganizationMember(String organizationId, String userId) {
        return query(IS_ORGANIZATION_MEMBER, Long.class).setParameter("o", organizationId).setParameter("u", userId)
                .getSingleResult() > 0;
    }

    @Override
    public boolean isGroupMember(String groupId, String userId) {
        return query(IS_GROUP_MEMBER, Long.class).setParameter("g", groupId).setParameter("u", userId)
                .getSingleResult() > 0;
    }

    @Override
    public long countGroupMembers(String groupId) {
        return query(COUNT_GROUP_MEMBERS, Long.class).setParameter("g", groupId).getSingleResult();
    }

    @Override
    public long countGroupMembersOtherThan(String groupId, String userId) {
        return query(COUNT_GROUP_MEMBERS_OTHER_THAN, Long.class).setParameter("g", groupId)
                .setParameter("u", userId == null ? "" : userId).getSingleResult();
    }

    @Override
    public List<String> organizationIdsOf(String realmId, String userId) {
        return query(ORGANIZATIONS_OF, String.class).setParameter("u", userId).setParameter("realm", realmId)
                .getResultList();
    }

    @Override
    public Set<String> managedOrganizationIdsOf(String realmId, String userId) {
        return new HashSet<>(query(MANAGED_ORGANIZATIONS_OF, String.class).setParameter("u", userId)
                .setParameter("realm", realmId).setParameter("managed", MembershipType.MANAGED.name())
                .getResultList());
    }

    @Override
    public boolean makeMembershipUnmanaged(String userId, String groupId) {
        UserEntity user = em.find(UserEntity.class, userId);
        if (user == null) {
            return false;
        }
        boolean changed = false;
        for (UserGroupMembershipEntity row : em.createNamedQuery("userMemberOf", UserGroupMembershipEntity.class)
                .setParameter("user", user).setParameter("groupId", groupId).getResultList()) {
            if (row.getMembershipType() == MembershipType.MANAGED) {
                row.setMembershipType(MembershipType.UNMANAGED);
                changed = true;
            }
        }
        if (changed) {
            em.flush();
        }
        return changed;
    }

    @Override
    public List<String> groupMembersNotIn(String groupId, String otherGroupId) {
        return query(GROUP_MEMBERS_NOT_IN, String.class).setParameter("from", groupId).setParameter("to", otherGroupId)
                .getResultList();
    }

    @Override
    public int addGroupMembersTo(String fromGroupId, String toGroupId) {
        return em.createQuery(ADD_GROUP_MEMBERS_TO.jpql()).setParameter("to", toGroupId).setParameter("type", UNMANAGED)
                .setParameter("from", fromGroupId).executeUpdate();
    }

    private static <Q extends Query> Q filtered(Q query, AttributeFilter filter) {
        query.setParameter("name", filter.name()).setParameter("value", filter.value());
        if (filter.excludedName() != null) {
            query.setParameter("excludedName", filter.excludedName()).setParameter("excludedValue", filter.excludedValue());
        }
        return query;
    }

    @Override
    public List<String> organizationsMissingUser(String realmId, String userId, AttributeFilter filter) {
        Statement statement = filter.excludedName() == null ? ORGANIZATIONS_MISSING_USER : ORGANIZATIONS_MISSING_USER_EXCLUDING;
        return filtered(query(statement, String.class), filter).setParameter("user", userId).setParameter("realm", realmId)
                .getResultList();
    }

    @Override
    public int addUserToOrganizations(String realmId, String userId, AttributeFilter filter) {
        Statement statement = filter.excludedName() == null ? ADD_USER_TO_ORGANIZATIONS : ADD_USER_TO_ORGANIZATIONS_EXCLUDING;
        return filtered(em.createQuery(statement.jpql()), filter).setParameter("type", UNMANAGED)
                .setParameter("user", userId).setParameter("realm", realmId).executeUpdate();
    }

    @Override
    public List<String> organizationsHavingBoth(String realmId, String name, String value, String otherName,
            String otherValue) {
        return query(ORGANIZATIONS_HAVING_BOTH, String.class).setParameter("realm", realmId)
                .setParameter("name", name).setParameter("value", value)
                .setParameter("otherName", otherName).setParameter("otherValue", otherValue).getResultList();
    }

    @Override
    public List<String> organizationsWithMembersOutside(String realmId, List<String> childGroupNames) {
        return query(ORGANIZATIONS_WITH_MEMBERS_OUTSIDE, String.class).setParameter("realm", realmId)
                .setParameter("names", childGroupNames).setParameter("nameCount", (long) childGroupNames.size())
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }

    @Override
    public List<String> organizationsWithNobodyIn(String realmId, String childGroupName, int max) {
        return query(ORGANIZATIONS_WITH_NOBODY_IN, String.class).setParameter("realm", realmId)
                .setParameter("name", childGroupName).setFlushMode(FlushModeType.COMMIT).setMaxResults(max)
                .getResultList();
    }

    @Override
    public List<String[]> organizationAttributesNamed(String realmId, String prefix) {
        return query(ORGANIZATION_ATTRIBUTES_NAMED, Object[].class).setParameter("realm", realmId)
                .setParameter("prefix", prefix + "%").setFlushMode(FlushModeType.COMMIT).getResultList().stream()
                .map(row -> new String[] {(String) row[0], (String) row[1]}).toList();
    }

    @Override
    public List<String> searchOrganizations(RealmModel realm, String search, int first, int max) {
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

    @Override
    public long countOrganizations(RealmModel realm, String search) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Long> query = cb.createQuery(Long.class);
        Root<OrganizationEntity> org = query.from(OrganizationEntity.class);
        query.select(cb.count(org)).where(predicates(realm, search, cb, query, org));
        return em.createQuery(query).getSingleResult();
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
        predicates.addAll(AdminPermissionsSchema.SCHEMA.applyAuthorizationFilters(session,
                AdminPermissionsSchema.ORGANIZATIONS, realm, cb, query, org));
        return predicates.toArray(Predicate[]::new);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public long countPendingInvitations(String organizationId) {
        return query(COUNT_PENDING_INVITATIONS, Long.class).setParameter("o", organizationId)
                .setParameter("now", Time.currentTime()).getSingleResult();
    }

    @Override
    public Map<String, Long> countPendingInvitations(List<String> organizationIds) {
        Map<String, Long> out = new HashMap<>();
        if (organizationIds.isEmpty()) {
            return out;
        }
        for (Object[] row : query(COUNT_PENDING_INVITATIONS_OF, Object[].class).setParameter("ids", organizationIds)
                .setParameter("now", Time.currentTime()).getResultList()) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    @Override
    public List<OrganizationInvitationModel> pendingInvitationsTo(String realmId, String email) {
        return query(PENDING_INVITATIONS_TO, OrganizationInvitationEntity.class).setParameter("realm", realmId)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT)).setParameter("now", Time.currentTime())
                .getResultStream().map(OrganizationInvitationModel.class::cast).toList();
    }
}
