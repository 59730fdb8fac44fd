package dev.portalaccess.keycloak.customer.role;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

import dev.portalaccess.keycloak.invitation.InvitationService;
import dev.portalaccess.keycloak.keycloakdb.KeycloakDb;

/**
 * Customer roles on top of Keycloak's organization groups: one group per role directly under each
 * customer, a member in exactly one of them, never a customer without an Administrator.
 *
 * <p>Decisions that must hold in a cluster are serialised per customer with a database row lock on the
 * customer's organization row ({@code SELECT ... FOR UPDATE}), so two nodes or two threads removing the
 * last two Administrators at the same time cannot both succeed.
 */
public final class CustomerRoles {

    private static final Logger LOG = Logger.getLogger(CustomerRoles.class);

    /**
     * Name of the organization attribute {@code portalaccess.invitation.<invitationId>.role} in which earlier versions kept
     * the role of an invitation. Only read to remove it ({@link #removeLegacyInvitationRoles}): the role now lives
     * with the invitation in {@code PA_INVITATION_ROLE}.
     */
    public static final String INVITATION_ATTRIBUTE_PREFIX = "portalaccess.invitation.";
    public static final String INVITATION_ATTRIBUTE_SUFFIX = ".role";

    /**
     * Session attribute (value: the organization id) that code deleting a whole customer sets, so removing
     * its members one by one is not refused as "removing the last Administrator".
     */
    public static final String ORGANIZATION_REMOVAL_SESSION_ATTRIBUTE = "portalaccess.roles.removingOrganization";

    /**
     * Session attribute prefix (then {@code .<organizationId>.<email>}) under which Keycloak's own resend hands an
     * invitation's role from the removed invitation to the new one, within one request.
     */
    static final String RESENT_ROLE_SESSION_ATTRIBUTE = "portalaccess.roles.resentInvitationRole";

    /** Group attribute marking a role group (its value: the role). */
    static final String ROLE_GROUP_MARKER = "portalaccess.role";

    /** Session attribute naming the realm being imported: roles are taken as written in the import. */
    static final String IMPORTING_SESSION_ATTRIBUTE = "portalaccess.roles.importingRealm";

    private static final List<String> ROLE_GROUP_NAMES =
            java.util.Arrays.stream(CustomerRole.values()).map(CustomerRole::groupName).toList();

    private final KeycloakSession session;
    private final OrganizationProvider organizations;

    public CustomerRoles(KeycloakSession session) {
        this.session = session;
        this.organizations = session.getProvider(OrganizationProvider.class);
    }

    /** Whether the realm uses customer roles ({@link CustomerRolesSettings#ENABLED}). */
    public static boolean isEnabled(RealmModel realm) {
        return CustomerRolesSettings.enabled(realm);
    }

    /** Enabled and not in the middle of importing the realm (an import brings its own role memberships). */
    public boolean isActive(RealmModel realm) {
        return isEnabled(realm) && !realm.getId().equals(session.getAttribute(IMPORTING_SESSION_ATTRIBUTE));
    }

    public OrganizationProvider organizations() {
        return organizations;
    }

    /** Serialises role decisions for one customer across threads and cluster nodes until the transaction ends. */
    public void lock(OrganizationModel organization) {
        KeycloakDb.of(session).lockOrganization(organization.getId());
    }

    /** The role groups that exist (no creation: safe on read paths such as token mapping). */
    public Map<CustomerRole, GroupModel> existingGroups(OrganizationModel organization) {
        Map<CustomerRole, GroupModel> groups = new EnumMap<>(CustomerRole.class);
        organizations.getTopLevelGroups(organization, null, null).forEach(group ->
                CustomerRole.ofGroupName(group.getName()).ifPresent(role -> groups.putIfAbsent(role, group)));
        return groups;
    }

    /** The role groups, creating the missing ones (customers made before the extension, or by hand). */
    public Map<CustomerRole, GroupModel> ensureGroups(OrganizationModel organization) {
        Map<CustomerRole, GroupModel> groups = existingGroups(organization);
        if (groups.size() == CustomerRole.values().length) {
            return groups;
        }
        lock(organization);
        groups = existingGroups(organization);
        for (CustomerRole role : CustomerRole.values()) {
            if (!groups.containsKey(role)) {
                GroupModel group = organizations.createGroup(organization, role.groupName(), null);
                group.setSingleAttribute(ROLE_GROUP_MARKER, role.groupName());
                groups.put(role, group);
                LOG.debugf("Created role group %s for customer %s", role.groupName(), organization.getAlias());
            }
        }
        return groups;
    }

    public static boolean isRoleGroup(GroupModel group) {
        OrganizationModel organization = group.getOrganization();
        return group.getType() == GroupModel.Type.ORGANIZATION && organization != null
                && CustomerRole.ofGroupName(group.getName()).isPresent()
                && group.getParent() != null && group.getParent().getParentId() == null
                && organization.getId().equals(group.getParent().getName());
    }

    /** The member's role; the highest if they are (transiently) in several role groups. */
    public Optional<CustomerRole> roleOf(OrganizationModel organization, UserModel user) {
        return organizations.getOrganizationGroupsByMember(organization, user)
                .filter(group -> group.getParentId() != null)
                .map(group -> CustomerRole.ofGroupName(group.getName()).orElse(null))
                .filter(role -> role != null)
                .min(Enum::compareTo);
    }

    /**
     * Puts the member in {@code role} and takes them out of the other roles. Demoting the last
     * Administrator is refused ({@link #requireAnotherAdministrator}) before the new role is written, so a
     * refusal leaves nothing to roll back.
     */
    public void setRole(OrganizationModel organization, UserModel user, CustomerRole role) {
        Map<CustomerRole, GroupModel> groups = ensureGroups(organization);
        GroupModel administrators = groups.get(CustomerRole.ADMINISTRATOR);
        if (role != CustomerRole.ADMINISTRATOR && user.isMemberOf(administrators)) {
            requireAnotherAdministrator(organization, user);
        }
        GroupModel target = groups.get(role);
        if (!user.isMemberOf(target)) {
            user.joinGroup(target);
        }
        for (Map.Entry<CustomerRole, GroupModel> other : groups.entrySet()) {
            if (other.getKey() != role && user.isMemberOf(other.getValue())) {
                user.leaveGroup(other.getValue());
            }
        }
    }

    /** Members of the customer's Administrator group other than {@code exceptUserId}, counted in the database. */
    public long administratorsOtherThan(OrganizationModel organization, String exceptUserId) {
        GroupModel administrators = existingGroups(organization).get(CustomerRole.ADMINISTRATOR);
        if (administrators == null) {
            return 0;
        }
        return KeycloakDb.of(session).countGroupMembersOtherThan(administrators.getId(), exceptUserId);
    }

    /**
     * Refuses (409) to let {@code user} stop being an Administrator of the customer when no other
     * Administrator remains. Takes the customer's row lock first, so of two concurrent requests the
     * second sees the first one's committed change.
     */
    public void requireAnotherAdministrator(OrganizationModel organization, UserModel user) {
        if (isOrganizationBeingRemoved(organization)) {
            return;
        }
        lock(organization);
        em().flush();
        if (!AdministratorRules.mayStopBeingAdministrator(administratorsOtherThan(organization, user.getId()))) {
            LOG.debugf("Refused: %s is the last Administrator of customer %s", user.getUsername(), organization.getAlias());
            throw RoleProblems.lastAdministrator(session, organization, user);
        }
    }

    /** The role a member gets on joining: Administrator if the customer has none, else the invitation's, else User. */
    public CustomerRole initialRole(OrganizationModel organization, UserModel user) {
        lock(organization);
        ensureGroups(organization);
        long otherAdministrators = administratorsOtherThan(organization, user.getId());
        if (otherAdministrators == 0) {
            return AdministratorRules.roleOnJoining(otherAdministrators, Optional.empty());
        }
        Optional<CustomerRole> invited = Optional.empty();
        if (user.getEmail() != null) {
            OrganizationInvitationModel invitation =
                    organizations.getInvitationManager().getByEmail(organization, user.getEmail());
            if (invitation != null) {
                invited = invitationRole(organization, invitation.getId());
            }
        }
        return AdministratorRules.roleOnJoining(otherAdministrators, invited);
    }

    public static String invitationAttribute(String invitationId) {
        return INVITATION_ATTRIBUTE_PREFIX + invitationId + INVITATION_ATTRIBUTE_SUFFIX;
    }

    /**
     * The role the invitation carries, from core's invitation table ({@code PA_INVITATION_ROLE}); an organization
     * attribute of the old name grants nothing.
     */
    public Optional<CustomerRole> invitationRole(OrganizationModel organization, String invitationId) {
        OrganizationInvitationModel invitation = invitationId == null ? null : invitations().find(organization, invitationId);
        return invitation == null ? Optional.empty() : invitations().role(invitation.getId()).flatMap(CustomerRole::parse);
    }

    public void setInvitationRole(OrganizationModel organization, String invitationId, CustomerRole role) {
        if (invitations().find(organization, invitationId) != null) {
            invitations().setRole(invitationId, role.groupName());
        }
    }

    /**
     * Removes the invitation-role attributes of earlier versions ({@code portalaccess.invitation.<id>.role} on the
     * customer's attribute group), through the group model so Keycloak's caches see it. Their values were copied into
     * {@code PA_INVITATION_ROLE} once, by core's Liquibase changeset at the first start with this version; an attribute
     * of that name written since (by hand, an import) grants nothing and is removed here too. Runs at start and after
     * a realm is created or imported. Answers how many attributes it removed.
     */
    public int removeLegacyInvitationRoles(RealmModel realm) {
        List<String[]> rows = KeycloakDb.of(session).organizationAttributesNamed(realm.getId(), INVITATION_ATTRIBUTE_PREFIX);
        int removed = 0;
        RealmModel previous = session.getContext().getRealm();
        session.getContext().setRealm(realm);
        try {
            for (String[] row : rows) {
                String name = row[1];
                OrganizationModel organization = legacyInvitationId(name) == null ? null : organizations.getById(row[0]);
                if (organization != null) {
                    GroupModel group = attributeGroup(organization);
                    withOrganization(organization, () -> group.removeAttribute(name));
                    removed++;
                }
            }
        } finally {
            session.getContext().setRealm(previous);
        }
        if (removed > 0) {
            LOG.infof("Realm %s: removed %d invitation-role attribute(s) of earlier versions (the roles are in PA_INVITATION_ROLE)",
                    realm.getName(), removed);
        }
        return removed;
    }

    /** The invitation id of a legacy attribute name {@code portalaccess.invitation.<id>.role}; null for other names. */
    static String legacyInvitationId(String name) {
        if (name == null || !name.startsWith(INVITATION_ATTRIBUTE_PREFIX) || !name.endsWith(INVITATION_ATTRIBUTE_SUFFIX)
                || name.length() <= INVITATION_ATTRIBUTE_PREFIX.length() + INVITATION_ATTRIBUTE_SUFFIX.length()) {
            return null;
        }
        return name.substring(INVITATION_ATTRIBUTE_PREFIX.length(), name.length() - INVITATION_ATTRIBUTE_SUFFIX.length());
    }

    private InvitationService invitations() {
        return new InvitationService(session);
    }

    /**
     * Brings every customer of the realm up to date: role groups exist, every member has a role. Runs at
     * startup (on every node) and after a realm is created or imported. Service accounts of a customer are
     * members without a role and stay so. The customers that need anything are found with one query, so a
     * start with nothing to provision reads no customer and writes nothing. A customer with members but no
     * Administrator (made before the extension) is logged: a realm administrator appoints one.
     */
    public void provision(RealmModel realm) {
        if (!isEnabled(realm)) {
            return;
        }
        List<String> pending = customersToProvision(realm);
        if (!pending.isEmpty()) {
            RealmModel previous = session.getContext().getRealm();
            session.getContext().setRealm(realm);
            try {
                for (String id : pending) {
                    OrganizationModel organization = organizations.getById(id);
                    if (organization != null) {
                        provision(organization);
                    }
                }
            } finally {
                session.getContext().setRealm(previous);
            }
            LOG.debugf("Provisioned customer roles for %d customer(s) of realm %s", pending.size(), realm.getName());
        }
        List<String> withoutAdministrator = customersWithoutAdministrator(realm);
        if (!withoutAdministrator.isEmpty()) {
            LOG.warnf("Customer(s) %s of realm %s have members but no Administrator: appoint one", withoutAdministrator, realm.getName());
        }
    }

    private void provision(OrganizationModel organization) {
        Map<CustomerRole, GroupModel> groups = ensureGroups(organization);
        organizations.getMembersStream(organization, Map.of(), false, null, null)
                .filter(member -> member.getServiceAccountClientLink() == null)
                .collect(Collectors.toList())
                .forEach(member -> {
                    if (roleOf(organization, member).isEmpty()) {
                        member.joinGroup(groups.get(CustomerRole.USER));
                    }
                });
    }

    /**
     * Ids of the realm's customers that lack a role group or have a member (not a service account) without a role.
     * Every group condition names the realm: Keycloak's only index on a group's parent is
     * {@code (REALM_ID, PARENT_GROUP, NAME)}, and without the realm each customer scans every group (at 2,500
     * customers a realm, about a minute per realm on start-up).
     */
    List<String> customersToProvision(RealmModel realm) {
        return KeycloakDb.of(session).organizationsWithMembersOutside(realm.getId(), ROLE_GROUP_NAMES);
    }

    /** Aliases of (at most 20) customers with members other than service accounts and no Administrator. */
    private List<String> customersWithoutAdministrator(RealmModel realm) {
        return KeycloakDb.of(session).organizationsWithNobodyIn(realm.getId(), CustomerRole.ADMINISTRATOR.groupName(), 20);
    }

    /** The internal organization group, which holds the organization's attributes. */
    GroupModel attributeGroup(OrganizationModel organization) {
        return organizations.getOrganizationGroup(organization);
    }

    /** Keycloak only lets organization groups change with the organization set on the session context. */
    void withOrganization(OrganizationModel organization, Runnable change) {
        OrganizationModel current = session.getContext().getOrganization();
        if (current == null) {
            session.getContext().setOrganization(organization);
        }
        try {
            change.run();
        } finally {
            if (current == null) {
                session.getContext().setOrganization(null);
            }
        }
    }

    private boolean isOrganizationBeingRemoved(OrganizationModel organization) {
        if (organization.getId().equals(session.getAttribute(ORGANIZATION_REMOVAL_SESSION_ATTRIBUTE))) {
            return true;
        }
        // Keycloak's admin REST "delete organization" removes the members one by one before the organization
        try {
            var request = session.getContext().getHttpRequest();
            var uri = session.getContext().getUri();
            if (request == null || uri == null || !"DELETE".equals(request.getHttpMethod())) {
                return false;
            }
            String path = uri.getPath();
            return path != null && path.matches(".*/admin/realms/[^/]+/organizations/" + java.util.regex.Pattern.quote(organization.getId()) + "/?");
        } catch (RuntimeException notAnHttpRequest) {
            return false;
        }
    }

    private EntityManager em() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Members of the role group, for listings. */
    public static String roleName(Optional<CustomerRole> role) {
        return role.map(CustomerRole::groupName).orElse(null);
    }
}
