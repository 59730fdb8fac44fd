package dev.portalaccess.keycloak.partner;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The tenants whose membership shrank in this transaction, checked again just before it commits.
 *
 * <p>Why at commit and not at once: deleting an organization removes its members one by one (each
 * fires a leave event) and then the organization itself; only at the end can we tell a deleted tenant
 * (nothing to protect) from an emptied one (refused). Removals through this extension's own REST also
 * check at once, to answer 409 with a reason. The tenant rows stay locked until the transaction ends.
 */
final class TenantGuard extends AbstractKeycloakTransaction {

    private static final String ATTRIBUTE = TenantGuard.class.getName();

    private final KeycloakSession session;
    private final RealmModel realm;
    /** tenant id -> ids of the users removed from it in this transaction (sorted map: stable order). */
    private final Map<String, Set<String>> removals = new TreeMap<>();

    private TenantGuard(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The guard of this session's transaction, enlisted on first use. */
    static TenantGuard of(KeycloakSession session, RealmModel realm) {
        TenantGuard guard = session.getAttribute(ATTRIBUTE, TenantGuard.class);
        if (guard == null) {
            guard = new TenantGuard(session, realm);
            session.setAttribute(ATTRIBUTE, guard);
            session.getTransactionManager().enlistPrepare(guard);
        }
        return guard;
    }

    void removed(String tenantId, String userId) {
        removals.computeIfAbsent(tenantId, k -> new LinkedHashSet<>()).add(userId);
    }

    /** The tenant lost a way in other than a member (a pending invitation): check it, no user to name. */
    void touched(String tenantId) {
        removals.computeIfAbsent(tenantId, k -> new LinkedHashSet<>());
    }

    /** Throws {@link PartnerAccessException} if any touched tenant breaks a rule now. */
    void verify() {
        PartnerAccess access = new PartnerAccess(session, realm);
        removals.forEach(access::verifyTenant);
    }

    @Override
    protected void commitImpl() {
        try {
            verify();
        } finally {
            session.removeAttribute(ATTRIBUTE);
        }
    }

    @Override
    protected void rollbackImpl() {
        session.removeAttribute(ATTRIBUTE);
    }
}
