package dev.portalaccess.keycloak.partner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.portalaccess.keycloak.invitation.InvitationService;

import org.jboss.logging.Logger;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.OrganizationInvitationModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.InvitationManager;
import org.keycloak.organization.OrganizationProvider;

import dev.portalaccess.keycloak.settings.SettingViolation;
import dev.portalaccess.keycloak.settings.SharedSetting;

/**
 * The partner-access rules of one realm. A customer tenant is an organization; access to it is organization
 * membership (so tokens, the organization selection at login and the admin console all see it); the partner
 * staff are the members of the realm's staff group.
 *
 * <p>The rules that must hold on every path (at least one user per tenant; no single removal while
 * auto-add is on) are enforced in {@link #guardLeave}, called for every organization membership removal.
 */
final class PartnerAccess {

    private static final Logger LOG = Logger.getLogger(PartnerAccess.class);
    /** Session attribute prefix: auto-add already applied to the tenant in this transaction (value: users added). */
    private static final String AUTO_ADD_APPLIED = PartnerAccess.class.getName() + ".autoAddApplied.";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final PartnerAccessConfig config;
    private final OrganizationProvider organizations;
    private final PartnerAccessStore store;

    PartnerAccess(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.config = PartnerAccessConfig.of(realm);
        this.organizations = session.getProvider(OrganizationProvider.class);
        this.store = new PartnerAccessStore(session);
    }

    boolean enabled() {
        return config.enabled() && realm.isOrganizationsEnabled();
    }

    PartnerAccessConfig config() {
        return config;
    }

    void requireEnabled() {
        if (!enabled()) {
            throw PartnerAccessException.badRequest("realm", "partnerAccessDisabled", "Partner access is not enabled in realm '"
                    + realm.getName() + "': set the realm attribute " + PartnerAccessSettings.ENABLED.key() + "=true and enable organizations.");
        }
    }

    GroupModel staffGroup() {
        return config.staffGroup(session, realm);
    }

    GroupModel requireStaffGroup() {
        GroupModel group = staffGroup();
        if (group == null) {
            throw PartnerAccessException.badRequest("staffGroup", "staffGroupMissing", "The partner staff group '"
                    + config.staffGroupName() + "' does not exist in realm '" + realm.getName() + "'.");
        }
        return group;
    }

    boolean isStaff(UserModel user) {
        GroupModel group = staffGroup();
        return group != null && store.isMember(group.getId(), user.getId());
    }

    OrganizationModel tenant(String id) {
        OrganizationModel organization = id == null ? null : organizations.getById(id);
        if (organization == null) {
            throw PartnerAccessException.notFound("tenantId", "No tenant (organization) '" + id + "' in realm '" + realm.getName() + "'.");
        }
        return organization;
    }

    boolean hasAccess(OrganizationModel tenant, UserModel user) {
        return store.hasAccess(tenant.getId(), user.getId());
    }

    long memberCount(OrganizationModel tenant) {
        return organizations.getMembersCount(tenant);
    }

    // ---- partner users -------------------------------------------------------------------------------

    /** Grants an existing partner user access to the tenant. */
    void grant(OrganizationModel tenant, UserModel user) {
        requireEnabled();
        if (!isStaff(user)) {
            throw PartnerAccessException.badRequest("userId", PartnerAccessException.NOT_PARTNER_USER, "User '" + user.getUsername()
                    + "' is not a partner user (not in group '" + config.staffGroupName() + "'): invite them by email instead.");
        }
        store.lockTenant(tenant.getId());
        if (hasAccess(tenant, user)) {
            throw PartnerAccessException.conflict("userId", "alreadyHasAccess", "User '" + user.getUsername()
                    + "' already has access to tenant '" + tenant.getName() + "'.");
        }
        try {
            organizations.addMember(tenant, user);
        } catch (PartnerAccessException e) {
            throw e;
        } catch (ModelException e) {
            throw PartnerAccessException.badRequest("userId", "membershipRejected", e.getMessage());
        }
    }

    /** Revokes one user's access to one tenant (partner or external user); the guard applies. */
    void revoke(OrganizationModel tenant, UserModel user) {
        requireEnabled();
        store.lockTenant(tenant.getId());
        if (!hasAccess(tenant, user)) {
            throw PartnerAccessException.notFound("userId", "User '" + user.getUsername() + "' has no access to tenant '"
                    + tenant.getName() + "'.");
        }
        organizations.removeMember(tenant, user);
        verifyNow();
    }

    // ---- invitations ---------------------------------------------------------------------------------

    /** Checks an external invitation before Keycloak's own invite path sends it; returns the normalised email. */
    String checkInvitation(OrganizationModel tenant, String email) {
        requireEnabled();
        if (email == null || email.isBlank()) {
            throw PartnerAccessException.badRequest("email", "required", "An email address is required to invite an external user.");
        }
        String normalised;
        try {
            // the email engine's normal form, as on every invitation path (InvitationService)
            normalised = InvitationService.normalizeEmail(email);
        } catch (dev.portalaccess.keycloak.email.InvalidEmailException e) {
            throw PartnerAccessException.badRequest("email", "invalidEmail", "'" + email + "' is not a valid email address.");
        }
        try {
            // Keycloak's check lets invisible and formatting characters through (a zero-width space looks like nothing)
            dev.portalaccess.keycloak.email.EmailAddress.parse(normalised);
        } catch (dev.portalaccess.keycloak.email.InvalidEmailException e) {
            throw PartnerAccessException.badRequest("email", "invalidEmail", "'" + email + "' is not a valid email address: "
                    + e.getMessage());
        }
        UserModel existing = session.users().getUserByEmail(realm, normalised);
        if (existing != null && isStaff(existing)) {
            throw PartnerAccessException.badRequest("email", PartnerAccessException.PARTNER_USER, "'" + normalised
                    + "' belongs to a partner user: grant access to the partner user instead of inviting.");
        }
        if (existing != null && hasAccess(tenant, existing)) {
            throw PartnerAccessException.conflict("email", "alreadyHasAccess", "'" + normalised + "' already has access to tenant '"
                    + tenant.getName() + "'.");
        }
        return normalised;
    }

    Stream<OrganizationInvitationModel> pendingInvitations(OrganizationModel tenant) {
        return new InvitationService(session).list(tenant, null, null).filter(i -> !i.isExpired());
    }

    /** Cancels a pending invitation; refused if it is the last way anyone has (or gets) access to the tenant. */
    OrganizationInvitationModel cancelInvitation(OrganizationModel tenant, String invitationId) {
        requireEnabled();
        store.lockTenant(tenant.getId());
        InvitationService invitations = new InvitationService(session);
        OrganizationInvitationModel invitation = invitations.find(tenant, invitationId);
        if (invitation == null) {
            throw PartnerAccessException.notFound("invitationId", "No invitation '" + invitationId + "' for tenant '" + tenant.getName() + "'.");
        }
        // the removal publishes InvitationRemovedEvent, which enlists the tenant's check (as on every path);
        // run that check now to answer 409 with a reason instead of failing at commit
        invitations.cancel(tenant, invitation, null);
        verifyNow();
        return invitation;
    }

    /**
     * The invitations a signed-in user may accept: the pending invitations to {@code provenAddress}, the
     * user's own address, which the person signed in now has proven to read in this very authentication
     * session ({@link MailboxProof}); without such a proof, none. An account's "verified" flag is not used:
     * the person signing in now need not be the one who once verified it.
     */
    List<OrganizationInvitationModel> acceptableInvitations(UserModel user, String provenAddress) {
        if (!enabled() || provenAddress == null || user.getEmail() == null
                || !provenAddress.equalsIgnoreCase(user.getEmail().trim())) {
            return List.of();
        }
        return store.pendingInvitationsFor(realm.getId(), provenAddress);
    }

    /**
     * The signed-in user accepts an invitation: they join the tenant through the (decorated) organization
     * provider, so its rules (domain restriction) apply, and the invitation is used up. Returns the tenant.
     */
    OrganizationModel accept(UserModel user, OrganizationInvitationModel invitation) {
        OrganizationModel tenant = organizations.getById(invitation.getOrganizationId());
        if (tenant == null || !tenant.isEnabled()) {
            throw PartnerAccessException.notFound("invitationId", "The tenant of invitation '" + invitation.getId() + "' is gone or disabled.");
        }
        store.lockTenant(tenant.getId());
        if (!hasAccess(tenant, user)) {
            organizations.addMember(tenant, user);
        }
        organizations.getInvitationManager().remove(invitation.getId());
        return tenant;
    }

    /**
     * At realm creation or import: a pending invitation for each address in a tenant's
     * {@link PartnerAccessSettings#SEED_INVITATIONS} attribute that has none yet and no account with access.
     */
    void seedInvitations() {
        if (!enabled()) {
            return;
        }
        InvitationManager invitations = organizations.getInvitationManager();
        organizations.getAllStream().filter(t -> t.getAttributes().containsKey(PartnerAccessSettings.SEED_INVITATIONS.key()))
                .toList().forEach(tenant -> {
            for (String address : PartnerAccessSettings.SEED_INVITATIONS.readAll(tenant)) {
                String normalised = address.toLowerCase(java.util.Locale.ROOT); // as Keycloak's invitations store it
                UserModel existing = normalised.isEmpty() ? null : session.users().getUserByEmail(realm, normalised);
                if (normalised.isEmpty() || invitations.getByEmail(tenant, normalised) != null
                        || (existing != null && hasAccess(tenant, existing))) {
                    continue;
                }
                invitations.create(tenant, normalised, null, null);
                LOG.debugf("Seeded a pending invitation of %s to tenant %s in realm %s", normalised, tenant.getName(), realm.getName());
            }
        });
    }

    // ---- automatically add partner users ------------------------------------------------------------

    /**
     * Turns "Automatically Add Partner Users" on or off. On: every partner user gets access at once (one
     * set-based insert). Off: nobody loses access. Returns how many users gained access. The attribute
     * write is what applies it ({@link #autoAddWritten}, as on every other path that writes the attribute);
     * switching on a tenant that is on already adds any partner user who lacks access.
     */
    int setAutoAdd(OrganizationModel tenant, boolean on) {
        requireEnabled();
        if (on) {
            store.lockStaff(requireStaffGroup().getId()); // lock order: staff, then tenant
        }
        store.lockTenant(tenant.getId());
        Map<String, List<String>> attributes = new HashMap<>(tenant.getAttributes());
        attributes.put(PartnerAccessSettings.AUTO_ADD.key(), List.of(PartnerAccessSettings.AUTO_ADD.write(on)));
        tenant.setAttributes(attributes);
        return on ? applyAutoAdd(tenant) : 0;
    }

    /**
     * The tenant's attributes were written on any path (this API's switch, Keycloak's admin REST and console,
     * a realm import): the value of {@link PartnerAccessSettings#AUTO_ADD} is read as a flag like everywhere
     * (trimmed, any case) and stored canonically; anything else is refused (the switch is the way to set it), and
     * switching it on adds the current partner users
     * exactly as the switch does, so a tenant never claims auto-add while a partner user lacks access.
     */
    void autoAddWritten(OrganizationModel tenant, Map<String, List<String>> before, Map<String, List<String>> after) {
        if (!enabled()) {
            return;
        }
        String key = PartnerAccessSettings.AUTO_ADD.key();
        List<String> values = after == null ? null : after.get(key);
        if (values != null) {
            List<String> canonical;
            try {
                canonical = PartnerAccessSettings.AUTO_ADD.canonical(values, key);
            } catch (SettingViolation refused) {
                throw PartnerAccessException.invalidAutoAddValue(tenant.getName(), values);
            }
            if (canonical.isEmpty()) {
                throw PartnerAccessException.invalidAutoAddValue(tenant.getName(), values);
            }
            if (!canonical.equals(values)) {
                // ' TRUE ' means on, as everywhere: store it as 'true', the form the set-based queries match
                storeCanonical(tenant, key, canonical);
            }
        }
        boolean wasOn = PartnerAccessConfig.autoAdd(before);
        GroupModel staff = staffGroup();
        if (!wasOn && PartnerAccessConfig.autoAdd(after) && staff != null) {
            store.lockStaff(staff.getId()); // lock order: staff, then tenant
            store.lockTenant(tenant.getId());
            applyAutoAdd(tenant);
        }
    }

    /** Rewrites one attribute in canonical form through Keycloak's model (its caches are invalidated as on any write). */
    private void storeCanonical(OrganizationModel tenant, String key, List<String> canonical) {
        GroupModel group = organizations.getOrganizationGroup(tenant);
        OrganizationModel current = session.getContext().getOrganization();
        if (current == null) {
            session.getContext().setOrganization(tenant);
        }
        try {
            group.setAttribute(key, canonical);
        } finally {
            if (current == null) {
                session.getContext().setOrganization(null);
            }
        }
    }

    /**
     * Adds every partner user who lacks access to the auto-add tenant; once per tenant and transaction (the
     * switch and its own attribute write both ask). Returns how many gained access.
     */
    private int applyAutoAdd(OrganizationModel tenant) {
        String appliedKey = AUTO_ADD_APPLIED + tenant.getId();
        Integer applied = session.getAttribute(appliedKey, Integer.class);
        if (applied != null) {
            return applied;
        }
        GroupModel staff = staffGroup();
        int added;
        if (staff == null) {
            added = 0;
        } else if (PartnerAccessConfig.domainRestricted(
                SharedSetting.MEMBERSHIP_RESTRICTED.on(session.getKeycloakSessionFactory(), Boolean.class), tenant)) {
            // one by one through the (decorated) OrganizationProvider, so the tenant's domain restriction applies
            added = (int) session.users().getGroupMembersStream(realm, staff).toList().stream()
                    .filter(u -> !hasAccess(tenant, u))
                    .filter(u -> organizations.addMember(tenant, u))
                    .count();
        } else {
            // under the staff lock: the users read here are exactly the users the insert adds
            store.lockStaff(staff.getId());
            String tenantGroup = store.organizationGroupId(tenant.getId());
            List<String> missing = store.staffMissingFrom(staff.getId(), tenantGroup);
            added = missing.isEmpty() ? 0 : store.addStaffToTenant(staff.getId(), tenantGroup);
            if (!missing.isEmpty()) {
                MembershipCacheInvalidation cache = MembershipCacheInvalidation.of(session, realm);
                missing.forEach(userId -> cache.memberJoined(tenant.getId(), userId));
                cache.memberCountChanged(tenant.getId());
            }
        }
        session.setAttribute(appliedKey, added);
        LOG.debugf("Auto-add on for tenant %s in realm %s: %d partner user(s) added", tenant.getName(), realm.getName(), added);
        return added;
    }

    // ---- listeners -----------------------------------------------------------------------------------

    /** A user joined the staff group: access to every auto-add tenant. */
    void onStaffJoined(UserModel user) {
        GroupModel staff = staffGroup();
        if (staff != null) {
            store.lockStaff(staff.getId());
        }
        List<String> tenants = store.autoAddTenantsMissing(user.getId(), realm.getId());
        int added = tenants.isEmpty() ? 0 : store.addUserToAutoAddTenants(user.getId(), realm.getId());
        if (!tenants.isEmpty()) {
            MembershipCacheInvalidation cache = MembershipCacheInvalidation.of(session, realm);
            for (String tenantId : tenants) {
                cache.memberJoined(tenantId, user.getId());
                cache.memberCountChanged(tenantId);
            }
        }
        for (String id : store.restrictedAutoAddTenants(realm.getId())) {
            OrganizationModel tenant = organizations.getById(id);
            if (tenant != null && !hasAccess(tenant, user)) {
                organizations.addMember(tenant, user);
                added++;
            }
        }
        LOG.debugf("Partner user %s joined the staff of realm %s: %d auto-add tenant(s)", user.getUsername(), realm.getName(), added);
    }

    /**
     * A user left the staff group: they lose every tenant they had as a partner user. Partner users are
     * never invited externally (the invite refuses their email), so that is all of their tenants.
     */
    void onStaffLeft(UserModel user) {
        GroupModel staff = staffGroup();
        if (staff != null) {
            store.lockStaff(staff.getId());
        }
        List<String> tenants = store.tenantIdsOf(user.getId(), realm.getId());
        for (String id : tenants) {
            OrganizationModel tenant = organizations.getById(id);
            store.lockTenant(id);
            organizations.removeMember(tenant, user);
        }
        LOG.debugf("User %s left the partner staff of realm %s: access to %d tenant(s) revoked", user.getUsername(), realm.getName(), tenants.size());
    }

    /**
     * Every organization membership removal, whatever the path (this REST API, Keycloak's admin REST,
     * staff removal), runs this in the removing transaction after the membership row is gone. It locks
     * the tenant's row (so of two concurrent removals the second waits and then sees the first's result)
     * and has the tenant checked before the transaction commits ({@link TenantGuard}).
     */
    void guardLeave(OrganizationModel tenant, UserModel user) {
        if (!enabled()) {
            return;
        }
        store.lockTenant(tenant.getId());
        TenantGuard.of(session, realm).removed(tenant.getId(), user.getId());
    }

    /**
     * A member is about to be removed from a tenant, on any path, before Keycloak writes anything: the
     * tenant is locked and the rules of {@link #verifyTenant} are applied to the state without that member,
     * so a refusal rolls back a transaction that has written nothing. The check before commit
     * ({@link #guardLeave}) stays for several removals in one transaction.
     */
    void checkRemoval(OrganizationModel tenant, UserModel user) {
        if (!enabled()) {
            return;
        }
        store.lockTenant(tenant.getId());
        String groupId = store.organizationGroupId(tenant.getId());
        if (groupId == null || !store.isMember(groupId, user.getId())) {
            return; // not a member: Keycloak's removal answers for itself
        }
        if (PartnerAccessConfig.autoAdd(tenant)) {
            GroupModel staff = staffGroup();
            if (staff != null && store.isMember(staff.getId(), user.getId())) {
                throw PartnerAccessException.autoAddOn(tenant.getName());
            }
        }
        if (TenantWayIn.lastIfMemberLeaves(store.countMembers(groupId), store.countPendingInvitations(tenant.getId()))) {
            throw PartnerAccessException.lastAccess(tenant.getName());
        }
    }

    /**
     * Before a pending invitation is removed, on any path: refuses the cancellation of a tenant's last way
     * in (no member, no other pending invitation) before anything is written. An acceptance adds its member
     * before it removes the invitation (Keycloak's flows and this project's), so it passes; Keycloak's
     * resend removes the invitation and then creates a new one, so it is left to the check before commit.
     */
    void checkInvitationRemoval(OrganizationInvitationModel invitation) {
        if (!enabled() || invitation.isExpired() || isResend(invitation)) {
            return;
        }
        String tenantId = invitation.getOrganizationId();
        store.lockTenant(tenantId);
        String groupId = store.organizationGroupId(tenantId);
        if (groupId != null && TenantWayIn.lastIfInvitationRemoved(store.countMembers(groupId), store.countPendingInvitations(tenantId))) {
            OrganizationModel tenant = organizations.getById(tenantId);
            throw PartnerAccessException.lastAccess(tenant == null ? tenantId : tenant.getName());
        }
    }

    /** Keycloak's admin REST {@code POST .../organizations/{id}/invitations/{invitationId}/resend}. */
    private boolean isResend(OrganizationInvitationModel invitation) {
        try {
            var request = session.getContext().getHttpRequest();
            var uri = session.getContext().getUri();
            String path = uri == null ? null : uri.getPath();
            return request != null && "POST".equals(request.getHttpMethod()) && path != null
                    && path.endsWith("/invitations/" + invitation.getId() + "/resend");
        } catch (RuntimeException notAnHttpRequest) {
            return false;
        }
    }

    /**
     * Before this REST API takes a user out of the staff (which revokes every tenant they have): refuses if
     * that would leave one of them without anyone, before anything is written. Keycloak's own group DELETE
     * has no hook before its write: there the check on the revokes that follow refuses it.
     */
    void checkStaffLeave(UserModel user) {
        GroupModel staff = staffGroup();
        if (staff != null) {
            store.lockStaff(staff.getId()); // lock order: staff, then tenant
        }
        for (String tenantId : store.tenantIdsOf(user.getId(), realm.getId())) {
            store.lockTenant(tenantId);
            String groupId = store.organizationGroupId(tenantId);
            if (groupId != null && TenantWayIn.lastIfMemberLeaves(store.countMembers(groupId), store.countPendingInvitations(tenantId))) {
                OrganizationModel tenant = organizations.getById(tenantId);
                throw PartnerAccessException.lastAccess(tenant == null ? tenantId : tenant.getName());
            }
        }
    }

    /**
     * A user is about to be deleted (their membership rows go with them, without leave events): each tenant
     * they have access to is locked and checked before commit, exactly as if they had been revoked.
     */
    void guardUserRemoval(UserModel user) {
        if (!enabled()) {
            return;
        }
        TenantGuard guard = TenantGuard.of(session, realm);
        for (String tenantId : store.tenantIdsOf(user.getId(), realm.getId())) {
            store.lockTenant(tenantId);
            guard.removed(tenantId, user.getId());
        }
    }

    /**
     * A pending invitation was removed, on any path (this REST API's cancel, Keycloak's own invitation
     * DELETE, acceptance): the tenant is checked before commit. An accepted invitation leaves a member
     * behind, so only a cancellation of the last way in is refused. Expired invitations give no access.
     */
    void guardInvitationRemoval(OrganizationInvitationModel invitation) {
        if (!enabled() || invitation.isExpired()) {
            return;
        }
        store.lockTenant(invitation.getOrganizationId());
        TenantGuard.of(session, realm).touched(invitation.getOrganizationId());
    }

    /** Checks the tenants changed so far in this transaction at once (this REST API: a 409 with a reason). */
    void verifyNow() {
        TenantGuard.of(session, realm).verify();
    }

    /**
     * The rules, on the state the transaction would commit: a tenant that still exists keeps at least one
     * member or pending invitation, and while auto-add is on no partner user is missing from it.
     */
    void verifyTenant(String tenantId, java.util.Set<String> removedUserIds) {
        OrganizationModel tenant = organizations.getById(tenantId);
        if (tenant == null) {
            return; // the tenant itself was deleted
        }
        if (PartnerAccessConfig.autoAdd(tenant)) {
            GroupModel staff = staffGroup();
            for (String userId : removedUserIds) {
                if (staff != null && store.isMember(staff.getId(), userId) && !store.hasAccess(tenantId, userId)) {
                    throw PartnerAccessException.autoAddOn(tenant.getName());
                }
            }
        }
        String groupId = store.organizationGroupId(tenantId);
        if (groupId != null && TenantWayIn.noneLeft(store.countMembers(groupId), store.countPendingInvitations(tenantId))) {
            throw PartnerAccessException.lastAccess(tenant.getName());
        }
    }
}
